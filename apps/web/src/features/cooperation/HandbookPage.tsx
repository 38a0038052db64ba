import { hasAnyRole, OFFER_READERS, SERVICE_TYPE_LABELS_DE, SERVICE_TYPES, type ServiceType } from '@lotse/domain';
import { useCallback } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import { useSession } from '../auth/session';
import * as api from './api';
import { notLoaded, useCoopRights } from './kit';

export const isServiceType = (v: string | undefined): v is ServiceType =>
  v !== undefined && (SERVICE_TYPES as readonly string[]).includes(v);

/** Loads a handbook page; an unknown service type in the address is a 404 without asking the server. */
export function useHandbookPage(serviceType: string | undefined) {
  const fetchPage = useCallback(
    async (signal?: AbortSignal) => {
      if (!isServiceType(serviceType)) throw new ApiError({ status: 404, code: 'NOT_FOUND', title: t('cooperation.handbookNotFound') });
      return (await api.getHandbookPage(serviceType, signal)).data;
    },
    [serviceType],
  );
  return useLoadedResource(fetchPage);
}

/** One handbook page: summary, checklists (plain lists to read, not to tick), sources. */
export function HandbookPage() {
  const { serviceType } = useParams();
  const navigate = useNavigate();
  const rights = useCoopRights();
  const { roles } = useSession();
  const { loaded: page, loadError, load } = useHandbookPage(serviceType);
  usePageTitle(page ? page.title : t('cooperation.handbookPageTitle'));

  if (!page) {
    return notLoaded({
      title: t('cooperation.handbookPageTitle'),
      error: loadError,
      onRetry: load,
      backTo: '/handbuch',
      backLabel: t('cooperation.toHandbook'),
    });
  }

  return (
    <>
      <PageHeader
        title={page.title}
        actions={
          rights.admin ? (
            <button type="button" className="button button--secondary" onClick={() => navigate(`/handbuch/${page.serviceType}/bearbeiten`)}>
              {t('cooperation.handbookEdit')}
            </button>
          ) : null
        }
      >
        <p className="page-subtitle">
          {SERVICE_TYPE_LABELS_DE[page.serviceType]} · <Link to="/handbuch">{t('cooperation.toHandbook')}</Link>
          {hasAnyRole(roles, OFFER_READERS) ? (
            <>
              {' '}
              · <Link to={`/angebote?leistungsart=${page.serviceType}`}>{t('cooperation.handbookOffers')}</Link>
            </>
          ) : null}
        </p>
      </PageHeader>
      <article className="coop-handbook">
        <section className="card" aria-labelledby="handbook-summary">
          <h2 id="handbook-summary">{t('cooperation.handbookSummary')}</h2>
          <p className="pre-line">{page.summary}</p>
        </section>
        {page.checklists.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: checklists have no id; their order is their identity
          <section key={i} className="card" aria-labelledby={`handbook-checklist-${i}`}>
            <h2 id={`handbook-checklist-${i}`}>{c.title}</h2>
            <ul className="coop-checklist">
              {c.items.map((item, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts in a fixed order
                <li key={j}>{item}</li>
              ))}
            </ul>
          </section>
        ))}
        <section className="card" aria-labelledby="handbook-sources">
          <h2 id="handbook-sources">{t('cooperation.handbookSources')}</h2>
          {page.sources ? <p className="pre-line">{page.sources}</p> : <p className="muted">{t('cooperation.handbookNoSources')}</p>}
          <p className="meta muted">{t('cooperation.handbookUpdatedAt', { at: formatDateTime(page.updatedAt) })}</p>
        </section>
      </article>
    </>
  );
}
