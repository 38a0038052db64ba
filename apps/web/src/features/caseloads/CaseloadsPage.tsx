import type { CaseloadReport, StaffCaseloadRow, TeamCaseload } from '@lotse/contracts';
import { lazy, type ReactNode, Suspense, useCallback, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { SelectField } from '../../components/FormField';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { type MessageKey, t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { ComparisonSection } from './ComparisonSection';
import {
  formatCount,
  formatPercent,
  loadPoints,
  loadSummary,
  roleLabel,
  STATUS_TONES,
  statusKey,
  statusLabel,
  teamName,
} from './caseloadFigures';
import './caseloads.css';

// recharts is loaded only when the page shows its chart.
const CaseloadChart = lazy(() => import('./CaseloadChart').then((m) => ({ default: m.CaseloadChart })));

const AGE_FILTERS = ['all', 'u25', 'ue25'] as const;
type AgeFilter = (typeof AGE_FILTERS)[number];
const isAgeFilter = (v: string | null): v is AgeFilter => v !== null && (AGE_FILTERS as readonly string[]).includes(v);
const ageLabel = (f: AgeFilter) => t(`caseloads.age.${f}` as MessageKey);

function Status({ status }: { status: StaffCaseloadRow['status'] }) {
  return <Badge tone={STATUS_TONES[statusKey(status)]}>{statusLabel(status)}</Badge>;
}

/** The target (or a team's capacity) of the counted age groups: one number, or "U25 60 · Ü25 80". */
function pair(value: { u25: number | null; ue25: number | null }, ageGroup: AgeFilter): string {
  if (ageGroup !== 'all') return formatCount(value[ageGroup]);
  if (value.u25 === value.ue25) return formatCount(value.u25);
  return t('caseloads.targetPair', { u25: formatCount(value.u25), ue25: formatCount(value.ue25) });
}

/**
 * A wide table in a region that scrolls on narrow screens: focusable, so it can be scrolled by keyboard
 * (WCAG 2.1.1), and named by the table's caption.
 */
function ScrollRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-labelledby={captionId}>
      {children}
    </section>
  );
}

function TeamTable({ report }: { report: CaseloadReport }) {
  const row = (team: TeamCaseload, total: boolean) =>
    team.rows.map((r) => (
      <tr key={`${team.teamId ?? (total ? 'total' : 'none')}-${r.role}`} className={total ? 'caseload-total' : undefined}>
        <th scope="row">{total ? t('caseloads.total') : teamName(team)}</th>
        <td>{roleLabel(r.role)}</td>
        <td className="num">{formatCount(r.staff)}</td>
        <td className="num">{formatCount(r.cases.u25)}</td>
        <td className="num">{formatCount(r.cases.ue25)}</td>
        <td className="num">{formatCount(r.cases.total)}</td>
        <td className="num">{pair(r.capacity, report.ageGroup)}</td>
        <td className="num">{formatPercent(r.percent)}</td>
        <td>
          <Status status={r.status} />
        </td>
      </tr>
    ));
  return (
    <ScrollRegion captionId="caseload-teams-caption">
      <table className="data-table">
        <caption id="caseload-teams-caption">{t('caseloads.teamsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseloads.colTeam')}</th>
            <th scope="col">{t('caseloads.colRole')}</th>
            <th scope="col" className="num">
              {t('caseloads.colStaff')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colU25')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colUe25')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colTotal')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colCapacity')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colPercent')}
            </th>
            <th scope="col">{t('caseloads.colStatus')}</th>
          </tr>
        </thead>
        <tbody>{report.teams.flatMap((team) => row(team, false))}</tbody>
        <tfoot>{row(report.total, true)}</tfoot>
      </table>
    </ScrollRegion>
  );
}

function StaffTable({ report }: { report: CaseloadReport }) {
  if (report.staff.length === 0) return <p className="muted">{t('caseloads.noStaff')}</p>;
  return (
    <ScrollRegion captionId="caseload-staff-caption">
      <table className="data-table">
        <caption id="caseload-staff-caption">{t('caseloads.staffCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseloads.colPerson')}</th>
            <th scope="col">{t('caseloads.colTeam')}</th>
            <th scope="col">{t('caseloads.colRole')}</th>
            <th scope="col" className="num">
              {t('caseloads.colU25')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colUe25')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colTotal')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colTarget')}
            </th>
            <th scope="col" className="num">
              {t('caseloads.colPercent')}
            </th>
            <th scope="col">{t('caseloads.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {report.staff.flatMap((person) =>
            person.rows.map((r) => (
              <tr key={`${person.userId}-${r.role}`}>
                <th scope="row">
                  {person.displayName}
                  {person.disabled ? (
                    <>
                      {' '}
                      <Badge tone="neutral">{t('caseloads.disabled')}</Badge>
                    </>
                  ) : null}
                </th>
                <td>{person.teamName ?? t('caseloads.noTeam')}</td>
                <td>
                  {roleLabel(r.role)}
                  {r.holdsRole ? null : <span className="muted"> ({t('caseloads.withoutRole')})</span>}
                </td>
                <td className="num">{formatCount(r.cases.u25)}</td>
                <td className="num">{formatCount(r.cases.ue25)}</td>
                <td className="num">{formatCount(r.cases.total)}</td>
                <td className="num">{pair(r.target, report.ageGroup)}</td>
                <td className="num">{formatPercent(r.percent)}</td>
                <td>
                  <Status status={r.status} />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Fallbelastung (SPEC C14): open cases per staff member and team against the caseload targets, split
 * U25/Ü25, with a chart of the teams' load and the comparison with another organisation model.
 */
export function CaseloadsPage() {
  usePageTitle(t('caseloads.title'));
  const [params, setParams] = useSearchParams();
  const ageParam = params.get('alter');
  const ageGroup: AgeFilter = isAgeFilter(ageParam) ? ageParam : 'all';
  const fetchReport = useCallback((signal?: AbortSignal) => api.getCaseloads(ageGroup, signal), [ageGroup]);
  const { loaded, loadError, load } = useLoadedResource(fetchReport);
  const points = useMemo(() => (loaded ? loadPoints(loaded) : []), [loaded]);

  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('alter', value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('caseloads.title')}
        actions={
          <Link to="/berichte" className="button button--secondary">
            {t('reports.backToHub')}
          </Link>
        }
      >
        <p className="page-subtitle">{t('caseloads.intro')}</p>
      </PageHeader>
      <form className="card filter-form" aria-labelledby="caseload-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h2 id="caseload-filter-heading" className="h3">
          {t('caseloads.filterHeading')}
        </h2>
        <div className="filter-form__row">
          <SelectField
            id="caseload-age"
            label={t('caseloads.ageGroup')}
            value={ageGroup}
            onChange={choose}
            options={AGE_FILTERS.map((f) => ({ value: f, label: ageLabel(f) }))}
          />
        </div>
        <p role="status" className="muted">
          {loaded ? t('caseloads.loaded', { date: formatDate(loaded.on), count: loaded.openCases, age: ageLabel(loaded.ageGroup) }) : ''}
        </p>
      </form>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded ? (
        <>
          <section className="card caseload-section" aria-labelledby="caseload-teams-heading">
            <h2 id="caseload-teams-heading">{t('caseloads.teamsHeading')}</h2>
            <h3 id="caseload-chart-heading">{t('caseloads.chartHeading')}</h3>
            <p id="caseload-chart-summary">{loadSummary(points)}</p>
            {points.some((p) => p.percent !== null) ? (
              <div role="img" aria-labelledby="caseload-chart-heading caseload-chart-summary" className="caseload-chart">
                <Suspense fallback={null}>
                  <CaseloadChart id="caseload-chart" points={points} />
                </Suspense>
              </div>
            ) : null}
            <TeamTable report={loaded} />
          </section>
          <section className="card caseload-section" aria-labelledby="caseload-staff-heading">
            <h2 id="caseload-staff-heading">{t('caseloads.staffHeading')}</h2>
            <StaffTable report={loaded} />
          </section>
          <details className="card caseload-definitions">
            <summary>{t('caseloads.definitions')}</summary>
            <p>{t('caseloads.definitionOpen')}</p>
            <p>{t('caseloads.definitionRoles')}</p>
            <p>{t('caseloads.definitionPercent')}</p>
            <p>{t('caseloads.definitionNone')}</p>
          </details>
          <ComparisonSection report={loaded} />
        </>
      ) : null}
    </>
  );
}
