import type { CooperationAgreement } from '@lotse/contracts';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { useCoopRights } from './kit';
import { AgreementStateBadge, DeadlineList, validityText } from './labels';

/** All cooperation agreements of the Jobcenter, by provider. */
export function AgreementListPage() {
  usePageTitle(t('cooperation.agreementsTitle'));
  const navigate = useNavigate();
  const rights = useCoopRights();
  const fetchList = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listAgreements(undefined, signal);
    return [...list.items].sort((a, b) => a.provider.name.localeCompare(b.provider.name, 'de') || b.validFrom.localeCompare(a.validFrom));
  }, []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);
  const today = todayIso();

  const columns: Column<CooperationAgreement>[] = [
    {
      key: 'title',
      header: t('cooperation.colAgreement'),
      rowHeader: true,
      render: (a) => <Link to={`/kooperation/vereinbarungen/${a.id}`}>{a.title}</Link>,
    },
    {
      key: 'provider',
      header: t('cooperation.colProvider'),
      render: (a) => <Link to={`/kooperation/traeger/${a.provider.id}`}>{a.provider.name}</Link>,
    },
    { key: 'validity', header: t('cooperation.colValidity'), render: (a) => validityText(a) },
    { key: 'state', header: t('cooperation.colStatus'), render: (a) => <AgreementStateBadge agreement={a} today={today} /> },
    { key: 'deadlines', header: t('cooperation.colDeadlines'), render: (a) => <DeadlineList d={a} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('cooperation.agreementsTitle')}
        actions={
          rights.admin ? (
            <button type="button" className="button button--secondary" onClick={() => navigate('/kooperation/vereinbarungen/neu')}>
              {t('cooperation.agreementCreate')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">{t('cooperation.agreementsIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('cooperation.agreementsEmpty')}</p>
        </div>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <DataTable
          caption={t('cooperation.agreementsCaption', { count: loaded.length })}
          columns={columns}
          rows={loaded}
          rowKey={(a) => a.id}
        />
      ) : null}
    </>
  );
}
