import type { PlanningRegion } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { InactiveBadge, ShowInactiveField, useShowInactive } from './Activation';
import * as api from './api';
import { postalCodesText } from './planningInputs';

/** The Sozialräume of the Jobcenter with their postal codes (administration); deactivated ones on request, after the active ones. */
export function RegionListPage() {
  usePageTitle(t('organisation.regionsTitle'));
  const navigate = useNavigate();
  const fetchList = useCallback((signal?: AbortSignal) => api.listRegions(signal, 'all'), []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);
  const [showInactive, setShowInactive] = useShowInactive();
  const inactiveCount = loaded?.filter((r) => !r.active).length ?? 0;
  const rows = loaded ? (showInactive ? loaded : loaded.filter((r) => r.active)) : [];

  const columns: Column<PlanningRegion>[] = [
    {
      key: 'name',
      header: t('organisation.regionColName'),
      rowHeader: true,
      render: (r) => (
        <>
          <Link to={`/verwaltung/sozialraeume/${r.id}`}>{r.name}</Link>
          <InactiveBadge active={r.active} />
        </>
      ),
    },
    { key: 'codes', header: t('organisation.regionColCodes'), render: (r) => postalCodesText(r.postalCodes) },
    { key: 'count', header: t('organisation.regionColCount'), render: (r) => r.postalCodes.length, className: 'num' },
  ];

  return (
    <>
      <PageHeader
        title={t('organisation.regionsTitle')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/sozialraeume/neu')}>
            {t('organisation.regionCreate')}
          </button>
        }
      >
        <p className="page-subtitle">{t('organisation.regionsIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('organisation.regionsEmpty')}</p>
          <p>{t('organisation.regionsEmptyHint')}</p>
        </div>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <>
          <ShowInactiveField id="regions-show-inactive" show={showInactive} onChange={setShowInactive} count={inactiveCount} />
          {rows.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('organisation.regionsAllInactive')}</p>
            </div>
          ) : (
            <DataTable
              caption={t(showInactive ? 'organisation.regionsCaptionAll' : 'organisation.regionsCaption', { count: rows.length })}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
            />
          )}
        </>
      ) : null}
    </>
  );
}
