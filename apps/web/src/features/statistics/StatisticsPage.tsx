import { modul8ReasonLabel, SERVICE_TYPE_LABELS_DE, type ServiceType } from '@lotse/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ApiError, toApiError } from '../../api/client';
import { type Column, DataTable } from '../../components/DataTable';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { useAnnounce } from '../../components/Status';
import { getLanguage, type MessageKey, t } from '../../i18n';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { focusWhenReady } from '../cases/caseFormKit';
import * as api from './api';
import './statistics.css';

/** Months offered in the picker: the current one and the three years before it. */
const MONTHS_OFFERED = 37;

function recentMonths(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - i, 1));
    return date.toISOString().slice(0, 7);
  });
}

function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(getLanguage() === 'de' ? 'de-DE' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, mon - 1, 1)),
  );
}

const number = (n: number) => new Intl.NumberFormat('de-DE').format(n);
const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** A sanction named without person data: its short reference. */
const sanctionReference = (id: string) => <span className="nowrap">{id.slice(0, 8).toUpperCase()}</span>;

/** A measure named without person data: the referral's short reference, for childcare with the arrangement's. */
function measureReference(key: string) {
  const [referral = '', arrangement] = key.split(':');
  const short = (id: string) => id.slice(0, 8).toUpperCase();
  return (
    <span className="nowrap">
      {short(referral)}
      {arrangement ? <span className="muted"> · {t('statistics.arrangement', { ref: short(arrangement) })}</span> : null}
    </span>
  );
}

function serviceTypeLabel(serviceType: string): string {
  return SERVICE_TYPE_LABELS_DE[serviceType as ServiceType] ?? serviceType;
}

/** Report month of a list entry; entries of earlier months (corrections) say so. */
function reportMonthCell(entry: { reportMonth: string }, month: string) {
  return (
    <span className="nowrap">
      {monthLabel(entry.reportMonth)}
      {entry.reportMonth !== month ? <span className="muted"> {t('statistics.earlierMonth')}</span> : null}
    </span>
  );
}

/**
 * § 51b delivery (XSozial Modul 13, SPEC C13) for team leads: the validation report of a month, the
 * file, recording it as delivered (with the checksum of the downloaded file) and past deliveries.
 */
export function StatisticsPage() {
  usePageTitle(t('statistics.title'));
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const months = useMemo(() => recentMonths(todayIso(), MONTHS_OFFERED), []);
  const requested = params.get('monat');
  // Default: the previous month, the one usually delivered.
  const month = requested && months.includes(requested) ? requested : (months[1] ?? months[0] ?? '');

  const fetchReport = useCallback((signal?: AbortSignal) => api.getReport(month, signal), [month]);
  const report = useLoadedResource(fetchReport);
  const fetchDeliveries = useCallback((signal?: AbortSignal) => api.listDeliveries(signal), []);
  const deliveries = useLoadedResource(fetchDeliveries);

  useEffect(() => {
    if (report.loaded?.month === month) announce(t('statistics.loaded', { month: monthLabel(month) }));
  }, [report.loaded, month, announce]);

  return (
    <>
      <PageHeader title={t('statistics.title')}>
        <p className="page-subtitle">{t('statistics.intro')}</p>
      </PageHeader>
      <div className="banner banner--info">
        <p>{t('statistics.ownMapping')}</p>
      </div>

      <div className="statistics-picker">
        <SelectField
          id="statistics-month"
          label={t('statistics.month')}
          hint={t('statistics.monthHint')}
          value={month}
          onChange={(value) => setParams({ monat: value }, { replace: true })}
          options={months.map((m) => ({ value: m, label: monthLabel(m) }))}
        />
      </div>

      {report.loadError ? <ProblemAlert error={report.loadError} onRetry={() => void report.load()} /> : null}
      {!report.loaded && !report.loadError ? <Loading /> : null}
      {report.loaded ? <ReportSection report={report.loaded} /> : null}
      {report.loaded ? (
        <DeliverySection
          key={month}
          report={report.loaded}
          onRecorded={() => {
            void report.load();
            void deliveries.load();
          }}
        />
      ) : null}
      <DeliveriesSection deliveries={deliveries.loaded} error={deliveries.loadError} onRetry={() => void deliveries.load()} />
    </>
  );
}

function ReportSection({ report }: { report: api.Modul13Report }) {
  const { counts, month } = report;
  // The counts are the whole file's; the lists below are the measures' (the sanctions have their own section).
  const measureCorrections = counts.corrections - report.modul8.counts.corrections;
  const measureRejected = counts.rejected - report.modul8.counts.rejected;
  const typeColumns: Column<api.ByMeasureType>[] = [
    {
      key: 'type',
      header: t('statistics.colMeasureType'),
      rowHeader: true,
      render: (r) => (
        <>
          <code>{r.measureType}</code> {r.label}
        </>
      ),
    },
    { key: 'records', header: t('statistics.colRecords'), render: (r) => number(r.records), className: 'num' },
    { key: 'begins', header: t('statistics.colBegins'), render: (r) => number(r.begins), className: 'num' },
    { key: 'ends', header: t('statistics.colEnds'), render: (r) => number(r.ends), className: 'num' },
  ];
  const correctionColumns: Column<api.Correction>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), render: (c) => monthLabel(c.reportMonth) },
    { key: 'referral', header: t('statistics.colReferral'), rowHeader: true, render: (c) => measureReference(c.key) },
    { key: 'kind', header: t('statistics.colKind'), render: (c) => t(`statistics.kind.${c.kind}` as MessageKey) },
  ];
  const rejectedColumns: Column<api.Rejected>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), render: (r) => reportMonthCell(r, month) },
    { key: 'referral', header: t('statistics.colReferral'), rowHeader: true, render: (r) => measureReference(r.key) },
    { key: 'service', header: t('statistics.colServiceType'), render: (r) => serviceTypeLabel(r.serviceType) },
    {
      key: 'reasons',
      header: t('statistics.colReasons'),
      render: (r) => (
        <ul className="plain-list">
          {r.reasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      ),
    },
  ];
  const warningColumns: Column<api.Warned>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), render: (w) => reportMonthCell(w, month) },
    { key: 'referral', header: t('statistics.colReferral'), rowHeader: true, render: (w) => measureReference(w.key) },
    {
      key: 'warnings',
      header: t('statistics.colWarnings'),
      render: (w) => (
        <ul className="plain-list">
          {w.warnings.map((warning) => (
            <li key={warning.code}>{warning.message}</li>
          ))}
        </ul>
      ),
    },
  ];
  const rowKey = (e: { key: string; reportMonth: string }) => `${e.key}|${e.reportMonth}`;

  return (
    <section className="statistics-section" aria-labelledby="statistics-report-heading">
      <h2 id="statistics-report-heading">{t('statistics.reportHeading', { month: monthLabel(month) })}</h2>
      <p className="muted">
        {t('statistics.reportGenerated', { date: formatDate(report.generatedOn) })}{' '}
        {report.lastDelivery
          ? t('statistics.lastDelivery', { date: formatDateTime(report.lastDelivery.createdAt) })
          : t('statistics.notDelivered')}{' '}
        {report.deliveredMonths.length > 0
          ? t('statistics.deliveredMonths', { months: report.deliveredMonths.map(monthLabel).join(', ') })
          : t('statistics.noDeliveredMonths')}
      </p>
      <DeliveryCounts counts={counts} caption={t('statistics.countsCaption')} withWarnings={counts.withWarnings} />
      {report.truncated ? <p className="muted">{t('statistics.truncated', { limit: report.listLimit })}</p> : null}

      <h3>{t('statistics.byTypeHeading')}</h3>
      {report.byMeasureType.length === 0 ? (
        <p>{t('statistics.byTypeEmpty')}</p>
      ) : (
        <DataTable
          caption={t('statistics.byTypeCaption')}
          columns={typeColumns}
          rows={report.byMeasureType}
          rowKey={(r) => r.measureType}
        />
      )}

      <Modul8Section report={report} />

      <h3>{t('statistics.rejectedHeading')}</h3>
      {report.rejected.length === 0 ? (
        <p>{t('statistics.rejectedEmpty')}</p>
      ) : (
        <>
          <p>{t('statistics.rejectedIntro')}</p>
          <DataTable
            caption={t('statistics.rejectedCaption', { count: measureRejected })}
            columns={rejectedColumns}
            rows={report.rejected}
            rowKey={rowKey}
          />
        </>
      )}

      <h3>{t('statistics.correctionsHeading')}</h3>
      {report.corrections.length === 0 ? (
        <p>{t('statistics.correctionsEmpty')}</p>
      ) : (
        <DataTable
          caption={t('statistics.correctionsCaption', { count: measureCorrections })}
          columns={correctionColumns}
          rows={report.corrections}
          rowKey={rowKey}
        />
      )}

      <h3>{t('statistics.warningsHeading')}</h3>
      {report.warnings.length === 0 ? (
        <p>{t('statistics.warningsEmpty')}</p>
      ) : (
        <DataTable
          caption={t('statistics.warningsCaption', { count: counts.withWarnings })}
          columns={warningColumns}
          rows={report.warnings}
          rowKey={rowKey}
        />
      )}
    </section>
  );
}

/**
 * The Leistungsminderungen (XSozial Modul 8) in the same file: counts, records per reason, the
 * sanctions that cannot be reported with their reasons, and the corrections of delivered months.
 */
function Modul8Section({ report }: { report: api.Modul13Report }) {
  const { modul8, month } = report;
  const { counts } = modul8;
  const reasonColumns: Column<api.Modul8ByReason>[] = [
    { key: 'reason', header: t('statistics.modul8.colReason'), rowHeader: true, render: (r) => r.label },
    { key: 'records', header: t('statistics.colRecords'), render: (r) => number(r.records), className: 'num' },
    { key: 'fullStops', header: t('statistics.modul8.colFullStops'), render: (r) => number(r.fullStops), className: 'num' },
    { key: 'amount', header: t('statistics.modul8.colAmount'), render: (r) => euro(r.amountCents), className: 'num' },
  ];
  const rejectedColumns: Column<api.Modul8Rejected>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), render: (r) => reportMonthCell(r, month) },
    { key: 'sanction', header: t('statistics.modul8.colSanction'), rowHeader: true, render: (r) => sanctionReference(r.sanctionId) },
    { key: 'reason', header: t('statistics.modul8.colReason'), render: (r) => modul8ReasonLabel(r.reason) },
    {
      key: 'reasons',
      header: t('statistics.colReasons'),
      render: (r) => (
        <ul className="plain-list">
          {r.reasons.map((reason) => (
            <li key={reason.code}>{reason.message}</li>
          ))}
        </ul>
      ),
    },
  ];
  const correctionColumns: Column<api.Modul8Correction>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), render: (c) => monthLabel(c.reportMonth) },
    { key: 'sanction', header: t('statistics.modul8.colSanction'), rowHeader: true, render: (c) => sanctionReference(c.sanctionId) },
    {
      key: 'kind',
      header: t('statistics.colKind'),
      render: (c) => (c.kind === 'storno' ? t('statistics.modul8.storno') : t(`statistics.kind.${c.kind}` as MessageKey)),
    },
  ];
  const rowKey = (e: { sanctionId: string; reportMonth: string }) => `${e.sanctionId}|${e.reportMonth}`;
  const empty = counts.records === 0 && counts.rejected === 0;

  return (
    <>
      <h3>{t('statistics.modul8.heading')}</h3>
      <p>{t('statistics.modul8.intro')}</p>
      {empty ? (
        <p>{t('statistics.modul8.empty')}</p>
      ) : (
        <>
          <DeliveryCounts counts={counts} caption={t('statistics.modul8.countsCaption')} />
          {modul8.byReason.length > 0 ? (
            <DataTable
              caption={t('statistics.modul8.byReasonCaption')}
              columns={reasonColumns}
              rows={modul8.byReason}
              rowKey={(r) => r.reason}
            />
          ) : null}
          {modul8.rejected.length > 0 ? (
            <DataTable
              caption={t('statistics.modul8.rejectedCaption', { count: counts.rejected })}
              columns={rejectedColumns}
              rows={modul8.rejected}
              rowKey={rowKey}
            />
          ) : null}
          {modul8.corrections.length > 0 ? (
            <DataTable
              caption={t('statistics.modul8.correctionsCaption', { count: counts.corrections })}
              columns={correctionColumns}
              rows={modul8.corrections}
              rowKey={rowKey}
            />
          ) : null}
        </>
      )}
    </>
  );
}

/** Download, then record exactly the downloaded file (its checksum goes with the request). */
function DeliverySection({ report, onRecorded }: { report: api.Modul13Report; onRecorded: () => void }) {
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const [file, setFile] = useState<api.DownloadedFile | null>(null);
  const [busy, setBusy] = useState<'download' | 'record' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [recorded, setRecorded] = useState<api.Modul13Delivery | null>(null);
  const month = report.month;

  const download = async () => {
    if (busy) return;
    setBusy('download');
    setError(null);
    setRecorded(null);
    try {
      const fetched = await api.fetchXml(month);
      api.saveFile(fetched);
      setFile(fetched);
      announce(
        fetched.sha256
          ? t('statistics.downloaded', { file: fetched.filename, sha: fetched.sha256.slice(0, 12) })
          : t('statistics.downloadedNoHash', { file: fetched.filename }),
      );
    } catch (e) {
      setError(toApiError(e));
      focusWhenReady('statistics-delivery-error');
    } finally {
      setBusy(null);
    }
  };

  const record = async () => {
    if (busy || !file) return;
    setBusy('record');
    setError(null);
    try {
      const delivery = await api.deliver(month, file.sha256, idempotencyKey({ month, sha: file.sha256 }));
      setRecorded(delivery);
      setConfirming(false);
      setFile(null);
      onRecorded();
      focusWhenReady('statistics-recorded');
    } catch (e) {
      const err = toApiError(e);
      setError(err);
      setConfirming(false);
      // The data changed since the download: that file must not be delivered any more.
      if (err.code === 'STATISTICS_DATA_CHANGED') setFile(null);
      focusWhenReady('statistics-delivery-error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="statistics-section" aria-labelledby="statistics-delivery-heading">
      <h2 id="statistics-delivery-heading">{t('statistics.deliveryHeading')}</h2>
      <p>{t('statistics.deliveryIntro')}</p>
      {error ? (
        <div id="statistics-delivery-error" tabIndex={-1}>
          <ProblemAlert error={error} />
          {error.code === 'STATISTICS_DATA_CHANGED' ? <p>{t('statistics.changedSinceDownload')}</p> : null}
        </div>
      ) : null}
      {recorded ? (
        <div id="statistics-recorded" className="banner banner--success" tabIndex={-1} role="status">
          <p>
            {t('statistics.recorded', {
              month: monthLabel(recorded.month),
              records: number(recorded.recordCount),
              corrections: number(recorded.correctionCount),
              sha: recorded.fileSha256.slice(0, 12),
            })}
          </p>
        </div>
      ) : null}
      {file ? (
        <p className="muted">
          {file.sha256
            ? t('statistics.downloaded', { file: file.filename, sha: file.sha256.slice(0, 12) })
            : t('statistics.downloadedNoHash', { file: file.filename })}
        </p>
      ) : null}
      <div className="statistics-actions">
        {/* Never disabled while busy: a focused button that becomes disabled drops the keyboard focus. */}
        <button
          type="button"
          id="statistics-download"
          className="button button--secondary"
          onClick={() => void download()}
          aria-busy={busy === 'download'}
        >
          {busy === 'download' ? t('statistics.downloading') : t('statistics.download')}
        </button>
        <button
          type="button"
          id="statistics-record-toggle"
          className="button button--primary"
          aria-expanded={confirming}
          aria-controls="statistics-confirm"
          aria-describedby={file ? undefined : 'statistics-record-hint'}
          disabled={!file}
          onClick={() => {
            setConfirming(true);
            focusWhenReady('statistics-confirm-heading');
          }}
        >
          {t('statistics.record')}
        </button>
      </div>
      {file ? null : (
        <p id="statistics-record-hint" className="muted">
          {t('statistics.recordNeedsDownload')}
        </p>
      )}
      {confirming && file ? (
        <div id="statistics-confirm" className="banner banner--warning statistics-confirm">
          <h3 id="statistics-confirm-heading" tabIndex={-1}>
            {t('statistics.confirmHeading', { month: monthLabel(month) })}
          </h3>
          <p>
            {t('statistics.confirmText', {
              records: number(report.counts.records),
              corrections: number(report.counts.corrections),
              rejected: number(report.counts.rejected),
            })}
          </p>
          {report.lastDelivery ? <p>{t('statistics.confirmReplace')}</p> : null}
          <div className="statistics-actions">
            <button type="button" className="button button--primary" onClick={() => void record()} aria-busy={busy === 'record'}>
              {busy === 'record' ? t('statistics.recording') : t('statistics.confirmYes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                focusWhenReady('statistics-record-toggle');
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function DeliveriesSection({
  deliveries,
  error,
  onRetry,
}: {
  deliveries: api.Modul13Delivery[] | null;
  error: ApiError | null;
  onRetry: () => void;
}) {
  const columns: Column<api.Modul13Delivery>[] = [
    { key: 'month', header: t('statistics.colReportMonth'), rowHeader: true, render: (d) => monthLabel(d.month) },
    { key: 'at', header: t('statistics.colRecordedAt'), render: (d) => formatDateTime(d.createdAt) },
    { key: 'by', header: t('statistics.colRecordedBy'), render: (d) => d.createdBy?.displayName ?? t('common.none') },
    { key: 'records', header: t('statistics.colRecords'), render: (d) => number(d.recordCount), className: 'num' },
    { key: 'corrections', header: t('statistics.colCorrections'), render: (d) => number(d.correctionCount), className: 'num' },
    { key: 'rejected', header: t('statistics.colRejected'), render: (d) => number(d.rejectedCount), className: 'num' },
    { key: 'sha', header: t('statistics.colSha'), render: (d) => <code className="statistics-sha">{d.fileSha256}</code> },
  ];
  return (
    <section className="statistics-section" aria-labelledby="statistics-deliveries-heading">
      <h2 id="statistics-deliveries-heading">{t('statistics.deliveriesHeading')}</h2>
      {error ? <ProblemAlert error={error} onRetry={onRetry} /> : null}
      {!deliveries && !error ? <Loading /> : null}
      {deliveries && deliveries.length === 0 ? <p>{t('statistics.deliveriesEmpty')}</p> : null}
      {deliveries && deliveries.length > 0 ? (
        <DataTable
          caption={t('statistics.deliveriesCaption', { count: deliveries.length })}
          columns={columns}
          rows={deliveries}
          rowKey={(d) => d.id}
        />
      ) : null}
    </section>
  );
}

interface CountsOfDelivery {
  records: number;
  regular: number;
  corrections: number;
  lateFacts: number;
  changed: number;
  stornos: number;
  rejected: number;
}

/** The counts of a delivery's records (measures, or the Modul 8 reductions), with warnings where given. */
function DeliveryCounts({ counts, caption, withWarnings }: { counts: CountsOfDelivery; caption: string; withWarnings?: number }) {
  return (
    <dl className="dl statistics-counts" aria-label={caption}>
      <div className="dl-item">
        <dt>{t('statistics.countRecords')}</dt>
        <dd className="num">{number(counts.records)}</dd>
      </div>
      <div className="dl-item">
        <dt>{t('statistics.countRegular')}</dt>
        <dd className="num">{number(counts.regular)}</dd>
      </div>
      <div className="dl-item">
        <dt>{t('statistics.countCorrections')}</dt>
        <dd className="num">
          {number(counts.corrections)}{' '}
          <span className="muted">
            ({t('statistics.countCorrectionsDetail', { late: counts.lateFacts, changed: counts.changed, stornos: counts.stornos })})
          </span>
        </dd>
      </div>
      <div className="dl-item">
        <dt>{t('statistics.countRejected')}</dt>
        <dd className="num">{number(counts.rejected)}</dd>
      </div>
      {withWarnings === undefined ? null : (
        <div className="dl-item">
          <dt>{t('statistics.countWarnings')}</dt>
          <dd className="num">{number(withWarnings)}</dd>
        </div>
      )}
    </dl>
  );
}
