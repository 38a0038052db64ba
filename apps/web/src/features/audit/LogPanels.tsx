import type { AuditVerification } from '@lotse/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import type { AuditQuery, ChangeLogEntry, ReadLogEntry } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/Page';
import { type MessageKey, t } from '../../i18n';
import { formatDateTime } from '../../lib/format';

const PAGE_SIZE = 50;

interface Page<T> {
  items: T[];
  page: { nextCursor: string | null };
}

/** Loads a cursor-paged log; starts over when the person filter changes. */
function usePagedLog<T>(fetchPage: (q: AuditQuery, signal?: AbortSignal) => Promise<Page<T>>, personId: string | undefined) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const loadPage = useCallback(
    async (cursor?: string) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchPage({ limit: PAGE_SIZE, cursor, personId }, controller.signal);
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.page.nextCursor);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(toApiError(e));
      } finally {
        if (controllerRef.current === controller) setLoading(false);
      }
    },
    [fetchPage, personId],
  );

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    void loadPage();
    return () => controllerRef.current?.abort();
  }, [loadPage]);

  return { items, nextCursor, loading, error, loadMore: () => nextCursor && void loadPage(nextCursor), reload: () => void loadPage() };
}

function Verify({ log }: { log: 'change' | 'read' }) {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.verifyAudit(log));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const headingId = `verify-${log}-heading`;
  return (
    <div className="verify">
      <button type="button" className="button button--secondary" onClick={() => void verify()} disabled={busy}>
        {t('audit.verify')}
      </button>
      <div role="status" className="verify__result">
        {busy ? <p className="muted">{t('audit.verifying')}</p> : null}
        {result ? (
          <section className={`banner ${result.intact ? 'banner--success' : 'banner--error'}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="banner__title">
              {t('audit.verifyTitle')}
            </h3>
            <dl className="dl dl--inline">
              <div className="dl-item">
                <dt>{t('audit.intact')}</dt>
                <dd>{result.intact ? t('audit.intactYes') : t('audit.intactNo')}</dd>
              </div>
              <div className="dl-item">
                <dt>{t('audit.entries')}</dt>
                <dd>{result.entries.toLocaleString('de-DE')}</dd>
              </div>
              {result.firstBrokenSeq !== null ? (
                <div className="dl-item">
                  <dt>{t('audit.firstBroken')}</dt>
                  <dd>
                    {t('audit.colSeq')} {result.firstBrokenSeq}
                  </dd>
                </div>
              ) : null}
              <div className="dl-item">
                <dt>{t('audit.checkedAt')}</dt>
                <dd>{formatDateTime(result.checkedAt)}</dd>
              </div>
            </dl>
          </section>
        ) : null}
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}

function LogFooter({ count, hasMore, loading, onMore }: { count: number; hasMore: boolean; loading: boolean; onMore: () => void }) {
  return (
    <div className="button-row">
      <span className="muted" role="status">
        {loading ? t('app.loading') : t('audit.entriesShown', { count })}
      </span>
      {hasMore ? (
        <button type="button" className="button button--secondary" onClick={onMore} disabled={loading}>
          {t('audit.loadMore')}
        </button>
      ) : null}
    </div>
  );
}

const actor = (a: { displayName: string } | null) => a?.displayName ?? t('audit.system');

function entityLabel(entity: string): string {
  const key = `audit.entity.${entity}` as MessageKey;
  const label = t(key);
  return label === key ? entity : label;
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value === '' ? '–' : value;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const IGNORED = new Set(['version', 'updatedAt', 'createdAt']);

/** Fields that differ between before and after. */
function changedFields(entry: ChangeLogEntry): { field: string; before: unknown; after: unknown }[] {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = Array.from(new Set([...Object.keys(before), ...Object.keys(after)]));
  return keys
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function ChangeDetails({ entry }: { entry: ChangeLogEntry }) {
  const fields = changedFields(entry);
  if (fields.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <details className="change-details">
      <summary>
        {t(entry.action === 'create' ? 'audit.fieldsCreated' : 'audit.fieldsChanged', { fields: fields.map((f) => f.field).join(', ') })}
      </summary>
      <table className="data-table data-table--inner">
        <caption className="visually-hidden">
          {t('audit.details')} {t('audit.colSeq')} {entry.seq}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td>{short(f.before)}</td>
              <td>{short(f.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function ChangeLogPanel({ personId }: { personId?: string }) {
  const log = usePagedLog(api.listChanges, personId);
  const columns: Column<ChangeLogEntry>[] = [
    { key: 'seq', header: t('audit.colSeq'), render: (e) => e.seq, rowHeader: true, className: 'num' },
    { key: 'at', header: t('audit.colAt'), render: (e) => formatDateTime(e.at), className: 'nowrap' },
    { key: 'actor', header: t('audit.colActor'), render: (e) => actor(e.actor) },
    {
      key: 'entity',
      header: t('audit.colEntity'),
      render: (e) => (
        <>
          {entityLabel(e.entity)}
          <br />
          <code className="id">{e.entityId}</code>
        </>
      ),
    },
    { key: 'action', header: t('audit.colAction'), render: (e) => t(`audit.action.${e.action}` as MessageKey) },
    { key: 'changes', header: t('audit.colChanges'), render: (e) => <ChangeDetails entry={e} /> },
  ];
  return (
    <section aria-labelledby="changes-heading">
      <div className="section-header">
        <h2 id="changes-heading">{t('audit.changes')}</h2>
        <Verify log="change" />
      </div>
      <ProblemAlert error={log.error} onRetry={log.reload} />
      {log.loading && log.items.length === 0 ? <Loading /> : null}
      {!log.loading && !log.error && log.items.length === 0 ? <p>{t('audit.noEntries')}</p> : null}
      {log.items.length > 0 ? (
        <>
          <DataTable caption={t('audit.changes')} captionHidden columns={columns} rows={log.items} rowKey={(e) => String(e.seq)} />
          <LogFooter count={log.items.length} hasMore={Boolean(log.nextCursor)} loading={log.loading} onMore={log.loadMore} />
        </>
      ) : null}
    </section>
  );
}

export function ReadLogPanel({ personId }: { personId?: string }) {
  const log = usePagedLog(api.listReads, personId);
  const columns: Column<ReadLogEntry>[] = [
    { key: 'seq', header: t('audit.colSeq'), render: (e) => e.seq, rowHeader: true, className: 'num' },
    { key: 'at', header: t('audit.colAt'), render: (e) => formatDateTime(e.at), className: 'nowrap' },
    { key: 'actor', header: t('audit.colActor'), render: (e) => actor(e.actor) },
    {
      key: 'person',
      header: t('audit.colPerson'),
      render: (e) => (
        <>
          {e.personName ?? t('common.none')}
          <br />
          <code className="id">{e.personId}</code>
        </>
      ),
    },
    { key: 'purpose', header: t('audit.colPurpose'), render: (e) => t(`audit.purpose.${e.purpose}` as MessageKey) },
  ];
  return (
    <section aria-labelledby="reads-heading">
      <div className="section-header">
        <h2 id="reads-heading">{t('audit.reads')}</h2>
        <Verify log="read" />
      </div>
      <ProblemAlert error={log.error} onRetry={log.reload} />
      {log.loading && log.items.length === 0 ? <Loading /> : null}
      {!log.loading && !log.error && log.items.length === 0 ? <p>{t('audit.noEntries')}</p> : null}
      {log.items.length > 0 ? (
        <>
          <DataTable caption={t('audit.reads')} captionHidden columns={columns} rows={log.items} rowKey={(e) => String(e.seq)} />
          <LogFooter count={log.items.length} hasMore={Boolean(log.nextCursor)} loading={log.loading} onMore={log.loadMore} />
        </>
      ) : null}
    </section>
  );
}
