import { type ReactNode, useCallback } from 'react';
import { Badge } from '../../components/Badge';
import { Loading, ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { type CaseFileContext, TAB_HEADING_ID, useCaseFile, useDraftState } from '../cases/caseFileContext';
import { focusWhenReady, formatMinute } from '../cases/caseFormKit';
import { useRemote } from '../referrals/useRemote';
import * as api from './api';
import { BreachForm } from './BreachForm';
import { DutyForm } from './DutyForm';
import { formatCents } from './format';
import { CareWarning, type Loaded, ProposalText, type Reload } from './parts';
import { AnswerForm, DecisionForm, HearingForm, WithdrawForm } from './StepForms';

const STATUS_TONE = { recorded: 'info', hearing: 'info', decided: 'success', handed_off: 'success', withdrawn: 'neutral' } as const;

/**
 * Leistungsminderungen (SPEC C16): the duties documented in the case, and each sanction from the
 * breach over the hearing (letter, deadline) and the person's answer to the individual decision and
 * its hand-off to benefits processing. The responsible case manager acts; colleagues read.
 */
export function SanctionsTab() {
  const context = useCaseFile();
  const { overview, can } = context;
  const [open, setOpen] = useDraftState<'none' | 'duty' | 'breach'>(context.drafts, 'sanction-new', 'none');

  const fetchLoaded = useCallback(
    async (signal?: AbortSignal): Promise<Loaded> => {
      const [duties, sanctions] = await Promise.all([api.listDuties(overview.id, signal), api.listSanctions(overview.id, signal)]);
      return { duties, sanctions: sanctions.items, hearingDays: sanctions.hearingDays };
    },
    [overview.id],
  );
  const { data: loaded, error, load: reload } = useRemote(fetchLoaded);

  // After a write the case file's overview (its history) is refreshed too.
  const { refresh } = context;
  const reloadAfterWrite = useCallback(async () => {
    const next = await reload();
    void refresh();
    return next;
  }, [reload, refresh]);

  const duties = loaded?.duties ?? [];
  const openDutyIds = new Set(loaded?.sanctions.filter((s) => s.status !== 'withdrawn').map((s) => s.duty.id) ?? []);
  const breachable = duties.filter((d) => !openDutyIds.has(d.id));

  return (
    <>
      <h2 id={TAB_HEADING_ID} tabIndex={-1}>
        {t('caseFile.tab.sanctions')}
      </h2>
      <p>{t('sanctions.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={() => void reload()} /> : null}
      {!loaded && !error ? <Loading text={t('sanctions.loading')} /> : null}
      {loaded ? (
        <>
          <section aria-labelledby="sanction-duties-heading">
            <div className="section-header">
              <h3 id="sanction-duties-heading" tabIndex={-1}>
                {t('sanctions.dutiesTitle')}
              </h3>
              {can.work && open === 'none' ? (
                <button
                  type="button"
                  id="sanction-duty-add-toggle"
                  className="button button--secondary"
                  onClick={() => {
                    setOpen('duty');
                    focusWhenReady('sanction-duty-form-form-egv');
                  }}
                >
                  {t('sanctions.dutyAdd')}
                </button>
              ) : null}
            </div>
            <p className="muted">{t('sanctions.dutiesIntro')}</p>
            {open === 'duty' && can.work ? (
              <DutyForm
                context={context}
                reload={reloadAfterWrite}
                onClose={(saved) => {
                  setOpen('none');
                  focusWhenReady(saved ? 'sanction-duties-heading' : 'sanction-duty-add-toggle');
                }}
              />
            ) : null}
            {duties.length === 0 ? <p className="muted">{t('sanctions.noDuties')}</p> : <DutyTable duties={duties} />}
          </section>

          <section aria-labelledby="sanction-list-heading">
            <div className="section-header">
              <h3 id="sanction-list-heading" tabIndex={-1}>
                {t('sanctions.listTitle')}
              </h3>
              {can.work && open === 'none' && breachable.length > 0 ? (
                <button
                  type="button"
                  id="sanction-breach-add-toggle"
                  className="button button--primary"
                  onClick={() => {
                    setOpen('breach');
                    focusWhenReady('sanction-breach-duty');
                  }}
                >
                  {t('sanctions.breachAdd')}
                </button>
              ) : null}
            </div>
            {open === 'breach' && can.work ? (
              <BreachForm
                context={context}
                duties={breachable}
                reload={reloadAfterWrite}
                onClose={(savedId) => {
                  setOpen('none');
                  focusWhenReady(savedId ? `sanction-${savedId}-heading` : 'sanction-breach-add-toggle');
                }}
              />
            ) : null}
            {loaded.sanctions.length === 0 ? <p className="muted">{t('sanctions.none')}</p> : null}
            {loaded.sanctions.map((s) => (
              <SanctionCard key={s.id} sanction={s} context={context} hearingDays={loaded.hearingDays} reload={reloadAfterWrite} />
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}

function DutyTable({ duties }: { duties: api.SanctionDuty[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('sanctions.dutiesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sanctions.dutyDescription')}</th>
            <th scope="col">{t('sanctions.dutyForm')}</th>
            <th scope="col">{t('sanctions.dutySetOn')}</th>
            <th scope="col">{t('sanctions.dutyAppointment')}</th>
            <th scope="col">{t('sanctions.dutyNotice')}</th>
          </tr>
        </thead>
        <tbody>
          {duties.map((d) => (
            <tr key={d.id}>
              <th scope="row" className="pre-line">
                {d.description}
              </th>
              <td>{d.formLabel}</td>
              <td className="nowrap">{formatDate(d.setOn)}</td>
              <td className="nowrap">{d.appointmentOn ? formatDate(d.appointmentOn) : t('common.none')}</td>
              <td>{d.legalConsequencesNotice ? t('common.yes') : t('sanctions.noticeMissing')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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

/** The process of a sanction as steps: which are done, which comes now. */
function SanctionSteps({ sanction }: { sanction: api.Sanction }) {
  const steps: { key: string; label: string; done: boolean }[] = [
    { key: 'recorded', label: t('sanctions.stepRecorded'), done: true },
    { key: 'hearing', label: t('sanctions.stepHearing'), done: sanction.hearing.sentOn !== null },
    { key: 'answer', label: t('sanctions.stepAnswer'), done: sanction.hearing.answeredOn !== null || sanction.decision !== null },
    { key: 'decision', label: t('sanctions.stepDecision'), done: sanction.decision !== null },
    { key: 'handoff', label: t('sanctions.stepHandOff'), done: sanction.handOff !== null },
  ];
  if (sanction.status === 'withdrawn') {
    return <p className="muted">{t('sanctions.withdrawnSteps')}</p>;
  }
  const current = steps.findIndex((s) => !s.done);
  return (
    <ol className="steps" aria-label={t('sanctions.stepsLabel')}>
      {steps.map((step, index) => {
        const state = step.done ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li key={step.key} className={`steps__item steps__item--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="steps__marker" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="steps__label">{step.label}</span>
            {state === 'done' ? <span className="visually-hidden"> ({t('caseFile.stepDone')})</span> : null}
            {state === 'current' ? <span className="steps__now">{t('caseFile.stepCurrent')}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

type OpenStep = 'none' | 'hearing' | 'answer' | 'decision' | 'withdraw';

function SanctionCard({
  sanction,
  context,
  hearingDays,
  reload,
}: {
  sanction: api.Sanction;
  context: CaseFileContext;
  hearingDays: number;
  reload: Reload;
}) {
  const [open, setOpen] = useDraftState<OpenStep>(context.drafts, `sanction-open:${sanction.id}`, 'none');
  const id = `sanction-${sanction.id}`;
  const title = t('sanctions.cardTitle', { kind: sanction.kindLabel, date: formatDate(sanction.breachOn) });
  const running = sanction.status === 'recorded' || sanction.status === 'hearing';
  const mayAct = context.responsible && running;
  const { hearing, decision } = sanction;

  const toggle = (step: OpenStep, firstField: string) => {
    setOpen(step);
    focusWhenReady(firstField);
  };
  /** Closes the open step; focus goes to `focusId`, or to the card's heading when that is gone (the state moved on). */
  const close = (focusId: string) => {
    setOpen('none');
    requestAnimationFrame(() =>
      requestAnimationFrame(() => (document.getElementById(focusId) ?? document.getElementById(`${id}-heading`))?.focus()),
    );
  };

  return (
    <article className="card" aria-labelledby={`${id}-heading`}>
      <div className="section-header">
        <h4 id={`${id}-heading`} tabIndex={-1}>
          {title}
        </h4>
        <Badge tone={STATUS_TONE[sanction.status]}>{sanction.statusLabel}</Badge>
      </div>
      <SanctionSteps sanction={sanction} />
      <dl className="dl">
        <Fact label={t('sanctions.duty')}>
          {sanction.duty.formLabel}, {t('sanctions.setOnShort', { date: formatDate(sanction.duty.setOn) })}:{' '}
          <span className="pre-line">{sanction.duty.description}</span>
        </Fact>
        <Fact label={t('sanctions.breachDescription')}>
          <span className="pre-line">{sanction.breachDescription}</span>
        </Fact>
        <Fact label={t('sanctions.rule')}>
          {sanction.rule.title} <span className="muted">({sanction.rule.legalBasis})</span>
        </Fact>
        <Fact label={t('sanctions.hearing')}>
          {hearing.sentOn && hearing.deadline ? (
            <>
              {t('sanctions.hearingSent', { sent: formatDate(hearing.sentOn), deadline: formatDate(hearing.deadline) })}{' '}
              <a href={api.hearingLetterUrl(sanction.id)} download id={`${id}-letter`}>
                {t('sanctions.letterDownload')}
                <span className="visually-hidden"> {title}</span>
              </a>
            </>
          ) : sanction.status === 'withdrawn' ? (
            t('common.none')
          ) : (
            t('sanctions.hearingNotSent', { days: hearingDays })
          )}
        </Fact>
        {hearing.answeredOn ? (
          <Fact label={t('sanctions.answer')}>
            {t('sanctions.answerOn', { date: formatDate(hearing.answeredOn) })}: <span className="pre-line">{hearing.answer}</span>
          </Fact>
        ) : sanction.status === 'hearing' ? (
          <Fact label={t('sanctions.answer')}>
            {hearing.decisionAllowed
              ? t('sanctions.noAnswerDeadlinePassed')
              : t('sanctions.noAnswerYet', { deadline: formatDate(hearing.deadline) })}
          </Fact>
        ) : null}
        {sanction.proposal ? (
          <Fact label={t('sanctions.proposal')}>
            <ProposalText proposal={sanction.proposal} />
          </Fact>
        ) : null}
        {sanction.importantReason.accepted !== null ? (
          <Fact label={t('sanctions.importantReason')}>
            {sanction.importantReason.accepted ? t('sanctions.reasonAccepted') : t('sanctions.reasonNotAccepted')}:{' '}
            <span className="pre-line">{sanction.importantReason.reasoning}</span>
          </Fact>
        ) : null}
        {decision ? (
          <Fact label={t('sanctions.decision')}>
            <DecisionText decision={decision} />
            <div className="pre-line">{decision.reasoning}</div>
            <div className="muted">
              {t('sanctions.decidedBy', { date: formatDate(decision.decidedOn), name: decision.decidedBy.displayName })}
            </div>
          </Fact>
        ) : null}
        {sanction.careWarning.justification ? (
          <Fact label={t('sanctions.careJustification')}>
            <span className="pre-line">{sanction.careWarning.justification}</span>
          </Fact>
        ) : null}
        {sanction.handOff ? (
          <Fact label={t('sanctions.handOff')}>
            <span id={`${id}-handoff`}>
              {t('sanctions.handedOffTo', { name: sanction.handOff.to.displayName, when: formatMinute(sanction.handOff.at) })}
            </span>
          </Fact>
        ) : null}
        {sanction.withdrawnReason ? (
          <Fact label={t('sanctions.withdrawnReason')}>
            <span className="pre-line">{sanction.withdrawnReason}</span>
          </Fact>
        ) : null}
      </dl>
      {running && sanction.careWarning.active ? <CareWarning services={sanction.careWarning.services} /> : null}

      {mayAct && open === 'none' ? (
        <div className="button-row">
          {sanction.status === 'recorded' ? (
            <button
              type="button"
              id={`${id}-hearing-toggle`}
              className="button button--primary"
              onClick={() => toggle('hearing', `${id}-hearing-sentOn`)}
            >
              {t('sanctions.hearingSend')}
              <span className="visually-hidden">: {title}</span>
            </button>
          ) : null}
          {sanction.status === 'hearing' && !hearing.answeredOn ? (
            <button
              type="button"
              id={`${id}-answer-toggle`}
              className={`button ${hearing.decisionAllowed ? 'button--secondary' : 'button--primary'}`}
              onClick={() => toggle('answer', `${id}-answer-answeredOn`)}
            >
              {t('sanctions.answerRecord')}
              <span className="visually-hidden">: {title}</span>
            </button>
          ) : null}
          {sanction.status === 'hearing' && hearing.decisionAllowed ? (
            <button
              type="button"
              id={`${id}-decision-toggle`}
              className="button button--primary"
              onClick={() => toggle('decision', `${id}-decision-reason-no`)}
            >
              {t('sanctions.decide')}
              <span className="visually-hidden">: {title}</span>
            </button>
          ) : null}
          <button
            type="button"
            id={`${id}-withdraw-toggle`}
            className="button button--secondary"
            onClick={() => toggle('withdraw', `${id}-withdraw-reason`)}
          >
            {t('sanctions.withdraw')}
            <span className="visually-hidden">: {title}</span>
          </button>
        </div>
      ) : null}
      {mayAct && sanction.status === 'hearing' && !hearing.decisionAllowed ? (
        <p className="muted" id={`${id}-decision-gate`}>
          {t('sanctions.decisionGate', { date: formatDate(hearing.deadline) })}
        </p>
      ) : null}
      {mayAct && open === 'hearing' ? (
        <HearingForm
          context={context}
          sanction={sanction}
          hearingDays={hearingDays}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-letter` : `${id}-hearing-toggle`)}
        />
      ) : null}
      {mayAct && open === 'answer' ? (
        <AnswerForm
          context={context}
          sanction={sanction}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-heading` : `${id}-answer-toggle`)}
        />
      ) : null}
      {mayAct && open === 'decision' ? (
        <DecisionForm
          context={context}
          sanction={sanction}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-heading` : `${id}-decision-toggle`)}
        />
      ) : null}
      {mayAct && open === 'withdraw' ? (
        <WithdrawForm
          context={context}
          sanction={sanction}
          reload={reload}
          onClose={(saved) => close(saved ? `${id}-heading` : `${id}-withdraw-toggle`)}
        />
      ) : null}
    </article>
  );
}

function DecisionText({ decision }: { decision: NonNullable<api.Sanction['decision']> }) {
  if (decision.outcome === 'no_reduction') return <strong>{t('sanctions.outcomeNone')}</strong>;
  const span = { from: formatDate(decision.startsOn), to: formatDate(decision.endsOn) };
  return (
    <strong>
      {decision.fullStop
        ? t('sanctions.decisionFullStop', span)
        : t('sanctions.decisionReduce', {
            percent: decision.reductionPercent ?? 0,
            amount: formatCents(decision.amountCents ?? 0),
            ...span,
          })}
    </strong>
  );
}
