import { CONFERENCE_ACTION_KIND_LABELS_DE, CONFERENCE_STATUS_LABELS_DE, PARTICIPANT_KIND_LABELS_DE } from '@lotse/domain';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../../api/client';
import { listStaff, type StaffOption } from '../../api/endpoints';
import { Badge } from '../../components/Badge';
import { Loading, ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from '../cases/caseFileContext';
import { focusWhenReady } from '../cases/caseFormKit';
import { ActionForm } from './ActionForm';
import * as api from './api';
import { ConferenceForm } from './ConferenceForm';
import { conferenceWhen } from './conferenceFormat';
import { RecordForm } from './RecordForm';

const STATUS_TONE = { planned: 'info', held: 'success', cancelled: 'neutral' } as const;

/** Options of the forms: staff (internal participants, owners of follow-ups) and providers. */
interface Options {
  staff: StaffOption[];
  staffFailed: boolean;
  /** null: the list is not available to this user (403) or failed. */
  providers: api.ProviderOption[] | null;
}

function useOptions(enabled: boolean): Options {
  const [staff, setStaff] = useState<StaffOption[]>([]);
  const [staffFailed, setStaffFailed] = useState(false);
  const [providers, setProviders] = useState<api.ProviderOption[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    listStaff(controller.signal)
      .then((list) => setStaff(list.items))
      .catch(() => {
        if (!controller.signal.aborted) setStaffFailed(true);
      });
    api
      .listProviders(controller.signal)
      .then(setProviders)
      .catch(() => {
        if (!controller.signal.aborted) setProviders(null);
      });
    return () => controller.abort();
  }, [enabled]);
  return { staff, staffFailed, providers };
}

/**
 * Fallkonferenzen (SPEC C10): the case's conferences with Jobcenter staff, providers and others; the
 * responsible case manager plans them, records how they went (with the person, or why without) and
 * turns what was agreed into follow-ups or new sub-goals of the help plan.
 */
export function ConferencesTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const [conferences, setConferences] = useState<api.Conference[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useDraftState(context.drafts, 'conference-new', false);
  const options = useOptions(can.work);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const list = await api.listConferences(overview.id, signal);
        setConferences(list);
        setError(null);
        return list;
      } catch (e) {
        if (!signal?.aborted) setError(toApiError(e));
        return null;
      }
    },
    [overview.id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  return (
    <>
      <div className="section-header">
        <h2 id={TAB_HEADING_ID} tabIndex={-1}>
          {t('caseFile.tab.conferences')}
        </h2>
        {can.work && !adding ? (
          <button
            type="button"
            id="conference-add-toggle"
            className="button button--primary"
            onClick={() => {
              setAdding(true);
              focusWhenReady('conf-new-date');
            }}
          >
            {t('conferences.plan')}
          </button>
        ) : null}
      </div>
      <p>{t('conferences.intro')}</p>
      {adding && can.work ? (
        <ConferenceForm
          context={context}
          {...options}
          reload={() => reload()}
          onClose={(savedId) => {
            setAdding(false);
            focusWhenReady(savedId ? `conf-${savedId}-heading` : 'conference-add-toggle');
          }}
        />
      ) : null}
      {error ? <ProblemAlert error={error} onRetry={() => void reload()} /> : null}
      {!conferences && !error ? <Loading text={t('conferences.loading')} /> : null}
      {conferences && conferences.length === 0 ? <p className="muted">{t('conferences.none')}</p> : null}
      {conferences?.map((c) => (
        <ConferenceCard key={c.id} conference={c} context={context} options={options} reload={() => reload()} />
      ))}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dl-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function participantText(p: api.ConferenceParticipant): string {
  const details = [p.function, p.organisation].filter(Boolean).join(', ');
  return details ? `${p.name} (${details})` : p.name;
}

type OpenForm = 'none' | 'edit' | 'record' | 'action';

function ConferenceCard({
  conference,
  context,
  options,
  reload,
}: {
  conference: api.Conference;
  context: CaseFileContext;
  options: Options;
  reload: () => Promise<api.Conference[] | null>;
}) {
  const { overview, can } = context;
  const [open, setOpen] = useDraftState<OpenForm>(context.drafts, `conference-open:${conference.id}`, 'none');
  const id = `conf-${conference.id}`;
  const when = conferenceWhen(conference.scheduledAt);
  const planned = conference.status === 'planned';
  const goalTitle = (goalId: string | null) => overview.goals.find((g) => g.id === goalId)?.title ?? '';
  const groups = (['internal', 'provider', 'other'] as const)
    .map((kind) => ({ kind, people: conference.participants.filter((p) => p.kind === kind) }))
    .filter((g) => g.people.length > 0);

  const toggle = (form: OpenForm, firstField: string) => {
    setOpen(form);
    focusWhenReady(firstField);
  };
  const close = (focusId: string) => {
    setOpen('none');
    focusWhenReady(focusId);
  };

  return (
    <article className="card" aria-labelledby={`${id}-heading`}>
      <div className="section-header">
        <h3 id={`${id}-heading`} tabIndex={-1}>
          {t('conferences.cardTitle', { when })}
        </h3>
        <Badge tone={STATUS_TONE[conference.status]}>{CONFERENCE_STATUS_LABELS_DE[conference.status]}</Badge>
      </div>
      <dl className="dl">
        <Fact label={t('conferences.when')}>{t('conferences.whenValue', { when })}</Fact>
        <Fact label={t('conferences.status')}>{CONFERENCE_STATUS_LABELS_DE[conference.status]}</Fact>
        <Fact label={t('conferences.location')}>{conference.location ?? <span className="muted">{t('conferences.noLocation')}</span>}</Fact>
        <Fact label={t('conferences.topics')}>
          <ul className="case-summary__list">
            {conference.topics.map((topic, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: topics are plain texts and may repeat
              <li key={i}>{topic}</li>
            ))}
          </ul>
        </Fact>
        <Fact label={t('conferences.participants')}>
          {groups.map((g) => (
            <div key={g.kind}>
              <span className="muted">{PARTICIPANT_KIND_LABELS_DE[g.kind]}:</span>
              <ul className="case-summary__list">
                {g.people.map((p) => (
                  <li key={p.id}>{participantText(p)}</li>
                ))}
              </ul>
            </div>
          ))}
        </Fact>
        {conference.status === 'held' ? (
          <Fact label={t('conferences.personPresent')}>
            {conference.personPresent ? t('common.yes') : t('common.no')}
            {conference.personPresent === false && conference.absenceReason ? (
              <>
                {' '}
                – {t('conferences.absenceReasonShort')}: {conference.absenceReason}
              </>
            ) : null}
          </Fact>
        ) : null}
        {conference.minutes ? (
          <Fact label={t('conferences.minutes')}>
            <span className="pre-line">{conference.minutes}</span>
          </Fact>
        ) : null}
      </dl>

      <h4 id={`${id}-actions`} tabIndex={-1}>
        {t('conferences.actionsTitle', { count: conference.actions.length })}
      </h4>
      {conference.actions.length === 0 ? (
        <p className="muted">{t('conferences.noActions')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('conferences.actionsCaption', { when })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('conferences.actionText')}</th>
                <th scope="col">{t('conferences.actionKind')}</th>
                <th scope="col">{t('caseFile.dueOn')}</th>
                <th scope="col">{t('conferences.actionResponsible')}</th>
              </tr>
            </thead>
            <tbody>
              {conference.actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.title}</th>
                  <td>
                    {a.kind === 'plan_change'
                      ? t('conferences.actionSubGoalOf', { goal: goalTitle(a.goalId) })
                      : CONFERENCE_ACTION_KIND_LABELS_DE[a.kind]}
                  </td>
                  <td className="nowrap">{formatDate(a.dueOn)}</td>
                  <td>{[a.owner?.displayName, a.provider?.name].filter(Boolean).join(', ') || t('conferences.actionPerson')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {can.work && open === 'none' ? (
        <div className="button-row">
          {planned ? (
            <button
              type="button"
              id={`${id}-record-toggle`}
              className="button button--primary"
              onClick={() => toggle('record', `${id}-record-status-held`)}
            >
              {t('conferences.record')}
              <span className="visually-hidden">: {t('conferences.cardTitle', { when })}</span>
            </button>
          ) : (
            <button
              type="button"
              id={`${id}-record-toggle`}
              className="button button--secondary"
              onClick={() => toggle('record', `${id}-record-minutes`)}
            >
              {conference.minutes ? t('conferences.minutesEdit') : t('conferences.minutesAdd')}
              <span className="visually-hidden">: {t('conferences.cardTitle', { when })}</span>
            </button>
          )}
          {conference.status !== 'cancelled' ? (
            <button
              type="button"
              id={`${id}-action-toggle`}
              className="button button--secondary"
              onClick={() => toggle('action', `${id}-action-kind-follow_up`)}
            >
              {t('conferences.actionAdd')}
              <span className="visually-hidden">: {t('conferences.cardTitle', { when })}</span>
            </button>
          ) : null}
          {planned ? (
            <button
              type="button"
              id={`${id}-edit-toggle`}
              className="button button--secondary"
              onClick={() => toggle('edit', `${id}-edit-date`)}
            >
              {t('conferences.edit')}
              <span className="visually-hidden">: {t('conferences.cardTitle', { when })}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {can.work && open === 'record' ? (
        <RecordForm
          context={context}
          conference={conference}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-heading` : `${id}-record-toggle`)}
        />
      ) : null}
      {can.work && open === 'action' ? (
        <ActionForm
          context={context}
          conference={conference}
          staff={options.staff}
          staffFailed={options.staffFailed}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-actions` : `${id}-action-toggle`)}
        />
      ) : null}
      {can.work && open === 'edit' && planned ? (
        <ConferenceForm
          context={context}
          {...options}
          conference={conference}
          reload={reload}
          onClose={(savedId) => close(savedId ? `${id}-heading` : `${id}-edit-toggle`)}
        />
      ) : null}
    </article>
  );
}
