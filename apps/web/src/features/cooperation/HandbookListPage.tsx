import { SERVICE_TYPE_LABELS_DE, SERVICE_TYPES } from '@lotse/domain';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';

/** The handbook (SPEC C6): one page per service type, in the order of the service types. */
export function HandbookListPage() {
  usePageTitle(t('cooperation.handbookTitle'));
  const fetchList = useCallback(async (signal?: AbortSignal) => {
    const list = await api.listHandbook(signal);
    return [...list.items].sort((a, b) => SERVICE_TYPES.indexOf(a.serviceType) - SERVICE_TYPES.indexOf(b.serviceType));
  }, []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);

  return (
    <>
      <PageHeader title={t('cooperation.handbookTitle')}>
        <p className="page-subtitle">{t('cooperation.handbookIntro')}</p>
      </PageHeader>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading /> : null}
      {loaded && loaded.length === 0 ? <p className="muted">{t('cooperation.handbookEmpty')}</p> : null}
      {loaded && loaded.length > 0 ? (
        <ul className="plain-list coop-handbook-list">
          {loaded.map((page) => (
            <li key={page.serviceType} className="card">
              <h2 className="coop-handbook-list__title">
                <Link to={`/handbuch/${page.serviceType}`}>{page.title}</Link>
              </h2>
              <p className="muted coop-handbook-list__type">{SERVICE_TYPE_LABELS_DE[page.serviceType]}</p>
              <p className="coop-handbook-list__summary">{page.summary}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
