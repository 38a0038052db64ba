import { CONFERENCE_STATUS_LABELS_DE } from '@lotse/domain';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { type Column, DataTable } from '../../components/DataTable';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { conferenceWhen } from './conferenceFormat';

const STATUS_TONE = { planned: 'info', held: 'success', cancelled: 'neutral' } as const;

/** The provider's conferences (SPEC C10): only its part – date, place, its people, its tasks. */
export function PortalConferencesPage() {
  usePageTitle(t('conferences.portalTitle'));
  const fetchList = useCallback((signal?: AbortSignal) => api.listPortalConferences(signal), []);
  const { loaded, loadError, load } = useLoadedResource(fetchList);

  const columns: Column<api.PortalConference>[] = [
    {
      key: 'when',
      header: t('conferences.when'),
      rowHeader: true,
      className: 'nowrap',
      render: (c) => (
        <Link to={`/portal/konferenzen/${c.id}`}>
          {t('conferences.whenValue', { when: conferenceWhen(c.scheduledAt) })}
          <span className="visually-hidden">: {t('conferences.portalOpen')}</span>
        </Link>
      ),
    },
    {
      key: 'status',
      header: t('conferences.status'),
      render: (c) => <Badge tone={STATUS_TONE[c.status]}>{CONFERENCE_STATUS_LABELS_DE[c.status]}</Badge>,
    },
    {
      key: 'person',
      header: t('conferences.portalPerson'),
      render: (c) => c.personName ?? <span className="muted">{t('conferences.portalNoName')}</span>,
    },
    { key: 'location', header: t('conferences.location'), render: (c) => c.location ?? t('common.none') },
    {
      key: 'participants',
      header: t('conferences.portalOwnParticipants'),
      render: (c) => c.participants.map((p) => p.name).join(', '),
    },
    { key: 'actions', header: t('conferences.portalTasks'), className: 'num', render: (c) => c.actions.length },
  ];

  return (
    <>
      <PageHeader title={t('conferences.portalTitle')}>
        <p className="page-subtitle">{t('conferences.portalIntro')}</p>
      </PageHeader>
      <p>
        <Link to="/portal">{t('conferences.portalBack')}</Link>
      </p>
      {loadError ? <ProblemAlert error={loadError} onRetry={() => void load()} /> : null}
      {!loaded && !loadError ? <Loading text={t('conferences.loading')} /> : null}
      {loaded && loaded.length === 0 ? <p className="muted">{t('conferences.portalNone')}</p> : null}
      {loaded && loaded.length > 0 ? (
        <DataTable caption={t('conferences.portalCaption')} captionHidden columns={columns} rows={loaded} rowKey={(c) => c.id} />
      ) : null}
    </>
  );
}
