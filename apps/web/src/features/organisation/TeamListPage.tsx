import type { Team } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';

/** The teams of the Jobcenter with the number of their active members (administration). */
export function TeamListPage() {
  usePageTitle(t('organisation.teamsTitle'));
  const navigate = useNavigate();
  const fetchList = useCallback((signal?: AbortSignal) => api.listTeams(signal), []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);

  const columns: Column<Team>[] = [
    {
      key: 'name',
      header: t('organisation.teamColName'),
      rowHeader: true,
      render: (team) => <Link to={`/verwaltung/teams/${team.id}`}>{team.name}</Link>,
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
        <DataTable
          caption={t('organisation.teamsCaption', { count: loaded.length })}
          columns={columns}
          rows={loaded}
          rowKey={(x) => x.id}
        />
      ) : null}
    </>
  );
}
