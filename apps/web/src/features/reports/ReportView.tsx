import type { ProviderReport, ReportFigure } from '@lotse/contracts';
import { formatReportChange, formatReportChangePercent, formatReportCount, formatReportValue } from '@lotse/domain';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Item } from '../cooperation/kit';
import { type ReportSide, reportFileUrl } from './api';

/** A table of figures against the prior year; with `withPercent` also the relative change. */
function FigureTable({
  report,
  figures,
  caption,
  withPercent = false,
}: {
  report: ProviderReport;
  figures: ReportFigure[];
  caption: string;
  withPercent?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table report-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.colFigure')}</th>
            <th scope="col" className="num">
              {report.year}
            </th>
            <th scope="col" className="num">
              {report.priorYear}
            </th>
            <th scope="col" className="num">
              {t('reports.colChange')}
            </th>
            {withPercent ? (
              <th scope="col" className="num">
                {t('reports.colChangePercent')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              <td className="num">{formatReportValue(f.current, f.unit)}</td>
              <td className="num">{formatReportValue(f.prior, f.unit)}</td>
              <td className="num">{formatReportChange(f.change, f.unit)}</td>
              {withPercent ? <td className="num">{formatReportChangePercent(f.changePercent, f.unit)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A table of counts of people; suppressed counts read "< N". */
function PeopleTable({
  report,
  caption,
  rows,
}: {
  report: ProviderReport;
  caption: string;
  rows: Array<{
    key: string;
    label: string;
    current: ProviderReport['people']['total']['current'];
    prior: ProviderReport['people']['total']['prior'];
  }>;
}) {
  const minimum = report.suppression.minimum;
  return (
    <div className="table-wrap">
      <table className="data-table report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.colCharacteristic')}</th>
            <th scope="col" className="num">
              {report.year}
            </th>
            <th scope="col" className="num">
              {report.priorYear}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatReportCount(row.current, minimum)}</td>
              <td className="num">{formatReportCount(row.prior, minimum)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The provider report of one offer and year (seed 000 §9) as the Jobcenter and the provider see it:
 * what it is about, the downloads, then the four sections and the definitions.
 */
export function ReportView({ report, side }: { report: ProviderReport; side: ReportSide }) {
  const title = t('reports.reportHeading', { year: report.year, offer: report.offer.name });
  const definitions = [...new Map([...report.results, ...report.funds, ...report.trends].map((f) => [f.key, f])).values()];
  return (
    <article className="report" aria-labelledby="report-heading">
      <div className="section-header">
        <h2 id="report-heading">{title}</h2>
      </div>
      <dl className="dl card">
        <Item label={t('reports.metaJobcenter')}>{report.jobcenter.name}</Item>
        <Item label={t('reports.metaProvider')}>{report.provider.name}</Item>
        <Item label={t('reports.metaOffer')}>{report.offer.name}</Item>
        <Item label={t('reports.metaServiceType')}>{report.offer.serviceTypeLabel}</Item>
        <Item label={t('reports.metaFinancing')}>{report.offer.financingModelLabel}</Item>
        <Item label={t('reports.metaYear')}>{t('reports.metaYearValue', { year: report.year, prior: report.priorYear })}</Item>
        <Item label={t('reports.metaReferenceDate')}>{formatDate(report.referenceDate)}</Item>
      </dl>
      <nav aria-label={t('reports.downloads')} className="button-row">
        <a className="button button--secondary" href={reportFileUrl(side, report.offer.id, report.year, 'pdf')} download>
          {t('reports.downloadPdf')}
        </a>
        <a className="button button--secondary" href={reportFileUrl(side, report.offer.id, report.year, 'xlsx')} download>
          {t('reports.downloadXlsx')}
        </a>
      </nav>

      <section aria-labelledby="report-results" className="card">
        <h3 id="report-results">{t('reports.sectionResults')}</h3>
        <FigureTable report={report} figures={report.results} caption={t('reports.sectionResults')} />
      </section>
      <section aria-labelledby="report-funds" className="card">
        <h3 id="report-funds">{t('reports.sectionFunds')}</h3>
        <FigureTable report={report} figures={report.funds} caption={t('reports.sectionFunds')} />
      </section>
      <section aria-labelledby="report-people" className="card">
        <h3 id="report-people">{t('reports.sectionPeople')}</h3>
        <p className="muted">{report.definitions.people}</p>
        <PeopleTable
          report={report}
          caption={t('reports.peopleTotalCaption')}
          rows={[{ key: 'total', label: t('reports.peopleTotal'), ...report.people.total }]}
        />
        {report.people.dimensions.map((dimension) => (
          <PeopleTable key={dimension.key} report={report} caption={dimension.label} rows={dimension.rows} />
        ))}
      </section>
      <section aria-labelledby="report-trends" className="card">
        <h3 id="report-trends">{t('reports.sectionTrends')}</h3>
        <FigureTable report={report} figures={report.trends} caption={t('reports.sectionTrends')} withPercent />
      </section>
      <section aria-labelledby="report-definitions" className="card">
        <h3 id="report-definitions">{t('reports.sectionDefinitions')}</h3>
        <dl className="dl">
          {definitions.map((f) => (
            <Item key={f.key} label={f.label}>
              {report.definitions[f.key]}
            </Item>
          ))}
        </dl>
      </section>
    </article>
  );
}
