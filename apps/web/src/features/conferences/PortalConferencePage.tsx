import { CONFERENCE_STATUS_LABELS_DE } from '@lotse/domain';
import { type ReactNode, useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { Loading, PageHeader, ProblemAlert, usePageTitle } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoadedResource } from '../../lib/useLoadedResource';
import * as api from './api';
import { conferenceWhen } from './conferenceFormat';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One conference as its provider sees it; the person's name only under a valid consent. */
export function PortalConferencePage() {
  const { id = '' } = useParams();
  const fetchOne = useCallback((signal?: AbortSignal) => api.getPortalConference(id, signal), [id]);
  const { loaded: c, loadError, load } = useLoadedResource(fetchOne);
  const title = c ? t('conferences.cardTitle', { when: conferenceWhen(c.scheduledAt) }) : t('conferences.portalDetailTitle');
  usePageTitle(title);

  return (
    <>
      <PageHeader title={title} />
      <p>
        <Link to="/portal/konferenzen">{t('conferences.portalBackToList')}</Link>
      </p>
      {loadError ? <ProblemAlert error={loadError} onRetry={loadError.status === 404 ? undefined : () => void load()} /> : null}
      {!c && !loadError ? <Loading text={t('conferences.loading')} /> : null}
      {c ? (
        <>
          <section className="case-section" aria-labelledby="portal-conf-facts">
            <h2 id="portal-conf-facts">{t('conferences.portalFacts')}</h2>
            <dl className="dl">
              <Fact label={t('conferences.when')}>{t('conferences.whenValue', { when: conferenceWhen(c.scheduledAt) })}</Fact>
              <Fact label={t('conferences.status')}>{CONFERENCE_STATUS_LABELS_DE[c.status]}</Fact>
              <Fact label={t('conferences.location')}>{c.location ?? t('common.none')}</Fact>
              <Fact label={t('conferences.portalPerson')}>
                {c.personName ?? <span className="muted">{t('conferences.portalNoName')}</span>}
              </Fact>
            </dl>
            {c.personName === null ? <p className="muted">{t('conferences.portalNoNameHint')}</p> : null}
          </section>
          <section className="case-section" aria-labelledby="portal-conf-people">
            <h2 id="portal-conf-people">{t('conferences.portalOwnParticipants')}</h2>
            <ul>
              {c.participants.map((p) => (
                <li key={p.id}>{p.function ? `${p.name} (${p.function})` : p.name}</li>
              ))}
            </ul>
          </section>
          <section className="case-section" aria-labelledby="portal-conf-tasks">
            <h2 id="portal-conf-tasks">{t('conferences.portalTasks')}</h2>
            {c.actions.length === 0 ? (
              <p className="muted">{t('conferences.portalNoTasks')}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">{t('conferences.portalTasks')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('conferences.portalTask')}</th>
                      <th scope="col">{t('caseFile.dueOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.actions.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">{a.title}</th>
                        <td className="nowrap">{formatDate(a.dueOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <p className="muted">{t('conferences.portalScope')}</p>
        </>
      ) : null}
    </>
  );
}
