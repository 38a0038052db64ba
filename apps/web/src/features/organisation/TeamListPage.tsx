import type { Team } from '@lotse/contracts';
import { TEAM_FUNCTION_LABELS_DE } from '@lotse/domain';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { InactiveBadge, ShowInactiveField, useShowInactive } from './Activation';
import * as api from './api';

/**
 * The teams of the Jobcenter with the number of their active members (administration); deactivated ones
 * on request, after the active ones, with the active accounts still in them.
 */
export function TeamListPage() {
  usePageTitle(t('organisation.teamsTitle'));
  const navigate = useNavigate();
  const fetchList = useCallback((signal?: AbortSignal) => api.listTeams(signal, 'all'), []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);
  const [showInactive, setShowInactive] = useShowInactive();
  const inactiveCount = loaded?.filter((team) => !team.active).length ?? 0;
  const rows = loaded ? (showInactive ? loaded : loaded.filter((team) => team.active)) : [];

  const columns: Column<Team>[] = [
    {
      key: 'name',
      header: t('organisation.teamColName'),
      rowHeader: true,
      render: (team) => (
        <>
          <Link to={`/verwaltung/teams/${team.id}`}>{team.name}</Link>
          <InactiveBadge active={team.active} />
        </>
      ),
    },
    {
      key: 'function',
      header: t('orgModel.teamFunction'),
      render: (team) =>
        team.function ? TEAM_FUNCTION_LABELS_DE[team.function] : <span className="muted">{t('orgModel.teamFunctionNone')}</span>,
    },
    { key: 'members', header: t('organisation.teamColMembers'), render: (team) => team.memberCount, className: 'num' },
  ];

  return (
    <>
      <PageHeader
        title={t('organisation.teamsTitle')}
        actions={
          <button type="button" className="button button--secondary" onClick={() => navigate('/verwaltung/teams/neu')}>
            {t('organisation.teamCreate')}
          </button>
        }
      >
        <p className="page-subtitle">{t('organisation.teamsIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('organisation.teamsEmpty')}</p>
          <p>{t('organisation.teamsEmptyHint')}</p>
        </div>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <>
          <ShowInactiveField id="teams-show-inactive" show={showInactive} onChange={setShowInactive} count={inactiveCount} />
          {rows.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state__title">{t('organisation.teamsAllInactive')}</p>
            </div>
          ) : (
            <DataTable
              caption={t(showInactive ? 'organisation.teamsCaptionAll' : 'organisation.teamsCaption', { count: rows.length })}
              columns={columns}
              rows={rows}
              rowKey={(x) => x.id}
            />
          )}
        </>
      ) : null}
    </>
  );
}
