/**
 * The provider's writes: status steps (decline, start, not started, complete, drop out) and feedback
 * (appointment, interim report, final report). Every field whose consent category the consent does not
 * cover is marked; if the provider fills one anyway the server refuses the whole write (422
 * CONSENT_CATEGORY_NOT_COVERED) and the message appears at the field – the typed input stays.
 */
import {
  CONSENT_CATEGORY_LABELS_DE,
  REFERRAL_ACTION_LABELS_DE,
  REFERRAL_RESULT_LABELS_DE,
  REFERRAL_RESULTS,
  type ReferralResult,
  WHEREABOUTS,
  WHEREABOUTS_LABELS_DE,
  type Whereabouts,
} from '@lotse/domain';
import type { ApiError, ApiResponse } from '../../api/client';
import { SelectField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { type MessageKey, t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { DraftStore } from '../cases/caseFileContext';
import {
  CaseFormFrame,
  Checks,
  DateField,
  type FieldProblem,
  orNull,
  problemsOf,
  RadioGroupField,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from '../cases/caseFormKit';
import { fieldLabel, REPORT_FIELDS, STATUS_FIELDS } from '../referrals/FeedbackView';
import { uncoveredCategoryOf } from '../referrals/referralFormat';
import * as api from './api';

export type StepAction = 'decline' | 'start' | 'not_start' | 'complete' | 'drop_out';
export type FeedbackKindChoice = 'appointment' | 'interim_report' | 'final_report';

/** What the forms need of the page. */
export interface PortalPage {
  referral: api.PortalReferral;
  etag: string;
  apply: (res: ApiResponse<api.PortalReferral>) => void;
  reload: () => Promise<boolean>;
  drafts: DraftStore;
  barrierTypes: api.PortalBarrierType[] | null;
}

/** German label of a provider field, marked when the consent does not cover its category. */
function useLabels(page: PortalPage) {
  const categories = page.referral.consent.categories;
  return {
    label: (field: string, base = fieldLabel(field)) =>
      uncoveredCategoryOf(field, categories) ? `${base} ${t('portal.notCovered')}` : base,
    hint: (field: string, base?: string) => {
      const category = uncoveredCategoryOf(field, categories);
      const extra = category ? t('portal.notCoveredHint', { category: CONSENT_CATEGORY_LABELS_DE[category] }) : undefined;
      return [base, extra].filter(Boolean).join(' ') || undefined;
    },
  };
}

/** Server problems: after a consent that ended, the page is reloaded (and shows it). */
function portalProblems(page: PortalPage, error: ApiError): FieldProblem[] {
  if (error.code === 'CONSENT_NOT_VALID' || error.code === 'REFERRAL_STEP_NOT_ALLOWED') void page.reload();
  const problems = problemsOf(error);
  if (problems.length > 0) return problems;
  return [{ field: '', message: error.userMessage }];
}

const notFuture = (c: Checks, field: string, iso: string | null) => {
  if (iso && iso > todayIso()) c.add(field, t('validation.dateFuture'));
};

// ——— status steps ———

interface StepValues {
  declineReason: string;
  startedOn: string;
  notStartedReason: string;
  endedOn: string;
  result: string;
  resultNote: string;
  droppedOutOn: string;
  dropOutReason: string;
}

export function ActionForm({ page, action, onClose }: { page: PortalPage; action: StepAction; onClose: (done: boolean) => void }) {
  const announce = useAnnounce();
  const { label, hint } = useLabels(page);
  const form = useCaseForm<StepValues>(
    () => ({
      declineReason: '',
      startedOn: todayGerman(),
      notStartedReason: '',
      endedOn: todayGerman(),
      result: '',
      resultNote: '',
      droppedOutOn: todayGerman(),
      dropOutReason: '',
    }),
    { draft: { store: page.drafts, key: 'step' } },
  );
  const headingId = `portal-step-${action}-heading`;
  const v = form.values;
  let body: api.PortalActionBody | null = null;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (action === 'decline') {
          c.required('declineReason', v.declineReason);
          c.maxLength('declineReason', v.declineReason, 1000);
          body = { action, declineReason: v.declineReason.trim() };
        } else if (action === 'start') {
          const startedOn = c.date('startedOn', v.startedOn, true);
          notFuture(c, 'startedOn', startedOn);
          body = { action, startedOn: startedOn ?? '' };
        } else if (action === 'not_start') {
          c.required('notStartedReason', v.notStartedReason);
          c.maxLength('notStartedReason', v.notStartedReason, 1000);
          body = { action, notStartedReason: v.notStartedReason.trim() };
        } else if (action === 'complete') {
          const endedOn = c.date('endedOn', v.endedOn, true);
          notFuture(c, 'endedOn', endedOn);
          c.maxLength('resultNote', v.resultNote, 4000);
          body = {
            action,
            endedOn: endedOn ?? '',
            result: v.result ? (v.result as ReferralResult) : undefined,
            resultNote: orNull(v.resultNote) ?? undefined,
          };
        } else {
          const droppedOutOn = c.date('droppedOutOn', v.droppedOutOn, true);
          notFuture(c, 'droppedOutOn', droppedOutOn);
          c.maxLength('dropOutReason', v.dropOutReason, 1000);
          body = { action, droppedOutOn: droppedOutOn ?? '', dropOutReason: orNull(v.dropOutReason) ?? undefined };
        }
        return c.problems;
      },
      async () => {
        if (!body) return;
        page.apply(await api.portalAction(page.referral.id, page.etag, body));
        announce(t('portal.stepDone', { step: REFERRAL_ACTION_LABELS_DE[action] }));
        onClose(true);
      },
      { onConflict: () => page.reload(), mapError: (e) => portalProblems(page, e) },
    );

  const fields: Record<string, { id: string; label: string }> = {};
  for (const f of STATUS_FIELDS) {
    fields[f] = { id: `portal-${f}`, label: fieldLabel(f) };
  }

  return (
    <div className="card ref-form portal-form">
      <h3 id={headingId} tabIndex={-1}>
        {REFERRAL_ACTION_LABELS_DE[action]}
      </h3>
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={t(`portal.stepSubmit.${action}`)}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('portal.conflict')}
        onConflictReload={() => {
          form.discardDraft();
          onClose(false);
        }}
      >
        {action === 'decline' ? (
          <TextAreaField
            id="portal-declineReason"
            label={label('declineReason')}
            hint={hint('declineReason', t('portal.declineHint'))}
            required
            rows={3}
            maxLength={1000}
            value={v.declineReason}
            onChange={form.set('declineReason')}
            error={form.err('declineReason')}
          />
        ) : null}
        {action === 'start' ? (
          <DateField
            id="portal-startedOn"
            label={label('startedOn')}
            hint={hint('startedOn')}
            required
            value={v.startedOn}
            onChange={form.set('startedOn')}
            error={form.err('startedOn')}
          />
        ) : null}
        {action === 'not_start' ? (
          <TextAreaField
            id="portal-notStartedReason"
            label={label('notStartedReason')}
            hint={hint('notStartedReason')}
            required
            rows={3}
            maxLength={1000}
            value={v.notStartedReason}
            onChange={form.set('notStartedReason')}
            error={form.err('notStartedReason')}
          />
        ) : null}
        {action === 'complete' ? (
          <>
            <DateField
              id="portal-endedOn"
              label={label('endedOn')}
              hint={hint('endedOn')}
              required
              value={v.endedOn}
              onChange={form.set('endedOn')}
              error={form.err('endedOn')}
            />
            <SelectField
              id="portal-result"
              label={`${label('result')} ${t('common.optional')}`}
              hint={hint('result')}
              value={v.result}
              onChange={form.set('result')}
              error={form.err('result')}
              options={[
                { value: '', label: t('common.notSpecified') },
                ...REFERRAL_RESULTS.map((r) => ({ value: r, label: REFERRAL_RESULT_LABELS_DE[r] })),
              ]}
            />
            <TextAreaField
              id="portal-resultNote"
              label={`${label('resultNote')} ${t('common.optional')}`}
              hint={hint('resultNote')}
              rows={3}
              maxLength={4000}
              value={v.resultNote}
              onChange={form.set('resultNote')}
              error={form.err('resultNote')}
            />
          </>
        ) : null}
        {action === 'drop_out' ? (
          <>
            <DateField
              id="portal-droppedOutOn"
              label={label('droppedOutOn')}
              hint={hint('droppedOutOn')}
              required
              value={v.droppedOutOn}
              onChange={form.set('droppedOutOn')}
              error={form.err('droppedOutOn')}
            />
            <TextAreaField
              id="portal-dropOutReason"
              label={`${label('dropOutReason')} ${t('common.optional')}`}
              hint={hint('dropOutReason')}
              rows={3}
              maxLength={1000}
              value={v.dropOutReason}
              onChange={form.set('dropOutReason')}
              error={form.err('dropOutReason')}
            />
          </>
        ) : null}
      </CaseFormFrame>
    </div>
  );
}

// ——— feedback ———

interface SubGoalRow {
  key: number;
  title: string;
  dueOn: string;
}
interface NeedRow {
  key: number;
  barrierTypeId: string;
  note: string;
}
interface FeedbackValues {
  appointmentOn: string;
  kept: '' | 'yes' | 'no';
  appointmentNote: string;
  reportedOn: string;
  processSteps: string;
  subGoals: SubGoalRow[];
  plannedHelp: string;
  summary: string;
  arisingNeeds: NeedRow[];
  healthNotes: string;
  whereabouts: string;
  whereaboutsNote: string;
  nextSteps: string;
}

const emptyFeedback = (): FeedbackValues => ({
  appointmentOn: todayGerman(),
  kept: '',
  appointmentNote: '',
  reportedOn: todayGerman(),
  processSteps: '',
  subGoals: [],
  plannedHelp: '',
  summary: '',
  arisingNeeds: [],
  healthNotes: '',
  whereabouts: '',
  whereaboutsNote: '',
  nextSteps: '',
});

const nextKey = (rows: { key: number }[]) => rows.reduce((m, r) => Math.max(m, r.key), 0) + 1;
const text = (v: string) => orNull(v) ?? undefined;

export function FeedbackForm({ page, kind, onClose }: { page: PortalPage; kind: FeedbackKindChoice; onClose: (done: boolean) => void }) {
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const { label, hint } = useLabels(page);
  const form = useCaseForm<FeedbackValues>(emptyFeedback, { draft: { store: page.drafts, key: `feedback:${kind}` } });
  const v = form.values;
  const headingId = `portal-fb-${kind}-heading`;
  const id = (f: string) => `portal-fb-${kind}-${f}`;
  let body: api.PortalFeedbackBody | null = null;

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (kind === 'appointment') {
          const appointmentOn = c.date('appointmentOn', v.appointmentOn, true);
          notFuture(c, 'appointmentOn', appointmentOn);
          if (v.kept === '') c.add('kept', t('portal.keptRequired'));
          c.maxLength('appointmentNote', v.appointmentNote, 2000);
          body = { kind, appointmentOn: appointmentOn ?? '', kept: v.kept === 'yes', appointmentNote: text(v.appointmentNote) };
        } else {
          const reportedOn = c.date('reportedOn', v.reportedOn, true);
          notFuture(c, 'reportedOn', reportedOn);
          for (const f of ['summary', 'healthNotes'] as const) c.maxLength(f, v[f], 4000);
          if (kind === 'interim_report') {
            for (const f of ['processSteps', 'plannedHelp'] as const) c.maxLength(f, v[f], 4000);
            const subGoals = v.subGoals.map((g, i) => {
              c.required(`subGoals.${i}.title`, g.title);
              c.maxLength(`subGoals.${i}.title`, g.title, 300);
              return { title: g.title.trim(), dueOn: c.date(`subGoals.${i}.dueOn`, g.dueOn, false) };
            });
            const arisingNeeds = v.arisingNeeds.map((n, i) => {
              if (!n.barrierTypeId) c.add(`arisingNeeds.${i}.barrierTypeId`, t('portal.needTypeRequired'));
              c.maxLength(`arisingNeeds.${i}.note`, n.note, 1000);
              return { barrierTypeId: n.barrierTypeId, note: text(n.note) };
            });
            body = {
              kind,
              reportedOn: reportedOn ?? '',
              processSteps: text(v.processSteps),
              subGoals: subGoals.length ? subGoals : undefined,
              plannedHelp: text(v.plannedHelp),
              summary: text(v.summary),
              arisingNeeds: arisingNeeds.length ? arisingNeeds : undefined,
              healthNotes: text(v.healthNotes),
            };
          } else {
            c.maxLength('whereaboutsNote', v.whereaboutsNote, 1000);
            c.maxLength('nextSteps', v.nextSteps, 4000);
            body = {
              kind,
              reportedOn: reportedOn ?? '',
              whereabouts: v.whereabouts ? (v.whereabouts as Whereabouts) : undefined,
              whereaboutsNote: text(v.whereaboutsNote),
              nextSteps: text(v.nextSteps),
              summary: text(v.summary),
              healthNotes: text(v.healthNotes),
            };
          }
        }
        return c.problems;
      },
      async () => {
        if (!body) return;
        page.apply(await api.portalFeedback(page.referral.id, page.etag, body, idempotencyKey(body)));
        announce(t('portal.feedbackSaved', { kind: t(`portal.feedbackChoice.${kind}`) }));
        form.reset(emptyFeedback());
        onClose(true);
      },
      { onConflict: () => page.reload(), mapError: (e) => portalProblems(page, e) },
    );

  // Field path → control id, for the error summary (rows included).
  const fields: Record<string, { id: string; label: string }> = {};
  for (const f of REPORT_FIELDS) {
    fields[f] = { id: id(f), label: fieldLabel(f) };
  }
  v.subGoals.forEach((g, i) => {
    fields[`subGoals.${i}.title`] = { id: id(`subgoal-${g.key}-title`), label: t('portal.subGoalTitleN', { n: i + 1 }) };
    fields[`subGoals.${i}.dueOn`] = { id: id(`subgoal-${g.key}-due`), label: t('portal.subGoalDueN', { n: i + 1 }) };
  });
  v.arisingNeeds.forEach((n, i) => {
    fields[`arisingNeeds.${i}.barrierTypeId`] = { id: id(`need-${n.key}-type`), label: t('portal.needTypeN', { n: i + 1 }) };
    fields[`arisingNeeds.${i}.note`] = { id: id(`need-${n.key}-note`), label: t('portal.needNoteN', { n: i + 1 }) };
  });
  const rowError = (prefix: string) => form.problems.find((p) => p.field === prefix)?.message;

  const textArea = (
    f: 'appointmentNote' | 'processSteps' | 'plannedHelp' | 'summary' | 'healthNotes' | 'whereaboutsNote' | 'nextSteps',
    max: number,
    rows = 3,
  ) => (
    <TextAreaField
      id={id(f)}
      label={`${label(f)} ${t('common.optional')}`}
      hint={hint(f, t(`portal.hint.${f}` as MessageKey))}
      rows={rows}
      maxLength={max}
      value={v[f]}
      onChange={form.set(f)}
      error={form.err(f)}
    />
  );

  const needOptions = (page.barrierTypes ?? []).map((b) => ({
    value: b.id,
    label: b.specialCategory ? `${b.label} ${t('portal.needSpecial')}` : b.label,
  }));

  return (
    <div className="card ref-form portal-form">
      <h3 id={headingId} tabIndex={-1}>
        {t(`portal.feedbackChoice.${kind}`)}
      </h3>
      {page.referral.consent.categories.length < 5 ? <p className="field-hint">{t('portal.notCoveredIntro')}</p> : null}
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={save}
        submitLabel={t(`portal.feedbackSubmit.${kind}`)}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('portal.conflict')}
        onConflictReload={() => form.reset(emptyFeedback())}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        {kind === 'appointment' ? (
          <>
            <DateField
              id={id('appointmentOn')}
              label={label('appointmentOn')}
              hint={hint('appointmentOn')}
              required
              value={v.appointmentOn}
              onChange={form.set('appointmentOn')}
              error={form.err('appointmentOn')}
            />
            <RadioGroupField
              id={id('kept')}
              legend={label('kept')}
              hint={hint('kept')}
              required
              inline
              options={[
                { value: 'yes', label: t('portal.keptYes') },
                { value: 'no', label: t('portal.keptNo') },
              ]}
              value={v.kept}
              onChange={(value) => form.set('kept')(value as 'yes' | 'no')}
              error={form.err('kept')}
            />
            {textArea('appointmentNote', 2000)}
          </>
        ) : (
          <DateField
            id={id('reportedOn')}
            label={label('reportedOn')}
            hint={hint('reportedOn')}
            required
            value={v.reportedOn}
            onChange={form.set('reportedOn')}
            error={form.err('reportedOn')}
          />
        )}
        {kind === 'interim_report' ? (
          <>
            {textArea('processSteps', 4000)}
            <fieldset
              id={id('subGoals')}
              className={`fieldset portal-rows${form.err('subGoals') ? ' field--invalid' : ''}`}
              aria-invalid={form.err('subGoals') ? true : undefined}
              aria-describedby={`${id('subGoals')}-hint${form.err('subGoals') ? ` ${id('subGoals')}-error` : ''}`}
            >
              <legend className="field-label">{`${label('subGoals')} ${t('common.optional')}`}</legend>
              <p className="field-hint" id={`${id('subGoals')}-hint`}>
                {hint('subGoals', t('portal.hint.subGoals'))}
              </p>
              {rowError('subGoals') ? (
                <p className="field-error" id={`${id('subGoals')}-error`}>
                  <span className="visually-hidden">{t('common.errorPrefix')} </span>
                  {rowError('subGoals')}
                </p>
              ) : null}
              {v.subGoals.map((g, i) => (
                <div className="portal-row" key={g.key}>
                  <TextField
                    id={id(`subgoal-${g.key}-title`)}
                    label={t('portal.subGoalTitleN', { n: i + 1 })}
                    required
                    width="long"
                    maxLength={300}
                    value={g.title}
                    onChange={(title) =>
                      form.setValues((s) => ({ ...s, subGoals: s.subGoals.map((x) => (x.key === g.key ? { ...x, title } : x)) }))
                    }
                    error={form.err(`subGoals.${i}.title`)}
                  />
                  <DateField
                    id={id(`subgoal-${g.key}-due`)}
                    label={`${t('portal.subGoalDueN', { n: i + 1 })} ${t('common.optional')}`}
                    value={g.dueOn}
                    onChange={(dueOn) =>
                      form.setValues((s) => ({ ...s, subGoals: s.subGoals.map((x) => (x.key === g.key ? { ...x, dueOn } : x)) }))
                    }
                    error={form.err(`subGoals.${i}.dueOn`)}
                  />
                  <button
                    type="button"
                    className="button button--danger-link"
                    onClick={() => {
                      form.setValues((s) => ({ ...s, subGoals: s.subGoals.filter((x) => x.key !== g.key) }));
                      requestAnimationFrame(() => document.getElementById(`${id('subGoals')}-add`)?.focus());
                    }}
                  >
                    {t('portal.remove')}
                    <span className="visually-hidden"> {t('portal.subGoalN', { n: i + 1 })}</span>
                  </button>
                </div>
              ))}
              <button
                type="button"
                id={`${id('subGoals')}-add`}
                className="button button--secondary button--small"
                onClick={() => {
                  const key = nextKey(v.subGoals);
                  form.setValues((s) => ({ ...s, subGoals: [...s.subGoals, { key, title: '', dueOn: '' }] }));
                  requestAnimationFrame(() => document.getElementById(id(`subgoal-${key}-title`))?.focus());
                }}
              >
                {t('portal.subGoalAdd')}
              </button>
            </fieldset>
            {textArea('plannedHelp', 4000)}
            {textArea('summary', 4000)}
            <fieldset
              id={id('arisingNeeds')}
              className={`fieldset portal-rows${rowError('arisingNeeds') ? ' field--invalid' : ''}`}
              aria-invalid={rowError('arisingNeeds') ? true : undefined}
              aria-describedby={`${id('arisingNeeds')}-hint${rowError('arisingNeeds') ? ` ${id('arisingNeeds')}-error` : ''}`}
            >
              <legend className="field-label">{`${label('arisingNeeds')} ${t('common.optional')}`}</legend>
              <p className="field-hint" id={`${id('arisingNeeds')}-hint`}>
                {hint('arisingNeeds', t('portal.hint.arisingNeeds'))}
              </p>
              {rowError('arisingNeeds') ? (
                <p className="field-error" id={`${id('arisingNeeds')}-error`}>
                  <span className="visually-hidden">{t('common.errorPrefix')} </span>
                  {rowError('arisingNeeds')}
                </p>
              ) : null}
              {v.arisingNeeds.map((n, i) => (
                <div className="portal-row" key={n.key}>
                  <SelectField
                    id={id(`need-${n.key}-type`)}
                    label={t('portal.needTypeN', { n: i + 1 })}
                    required
                    width="long"
                    value={n.barrierTypeId}
                    onChange={(barrierTypeId) =>
                      form.setValues((s) => ({
                        ...s,
                        arisingNeeds: s.arisingNeeds.map((x) => (x.key === n.key ? { ...x, barrierTypeId } : x)),
                      }))
                    }
                    error={form.err(`arisingNeeds.${i}.barrierTypeId`)}
                    options={[{ value: '', label: page.barrierTypes ? t('form.choose') : t('portal.loadingShort') }, ...needOptions]}
                  />
                  <TextAreaField
                    id={id(`need-${n.key}-note`)}
                    label={`${t('portal.needNoteN', { n: i + 1 })} ${t('common.optional')}`}
                    rows={2}
                    maxLength={1000}
                    value={n.note}
                    onChange={(note) =>
                      form.setValues((s) => ({ ...s, arisingNeeds: s.arisingNeeds.map((x) => (x.key === n.key ? { ...x, note } : x)) }))
                    }
                    error={form.err(`arisingNeeds.${i}.note`)}
                  />
                  <button
                    type="button"
                    className="button button--danger-link"
                    onClick={() => {
                      form.setValues((s) => ({ ...s, arisingNeeds: s.arisingNeeds.filter((x) => x.key !== n.key) }));
                      requestAnimationFrame(() => document.getElementById(`${id('arisingNeeds')}-add`)?.focus());
                    }}
                  >
                    {t('portal.remove')}
                    <span className="visually-hidden"> {t('portal.needN', { n: i + 1 })}</span>
                  </button>
                </div>
              ))}
              <button
                type="button"
                id={`${id('arisingNeeds')}-add`}
                className="button button--secondary button--small"
                onClick={() => {
                  const key = nextKey(v.arisingNeeds);
                  form.setValues((s) => ({ ...s, arisingNeeds: [...s.arisingNeeds, { key, barrierTypeId: '', note: '' }] }));
                  requestAnimationFrame(() => document.getElementById(id(`need-${key}-type`))?.focus());
                }}
              >
                {t('portal.needAdd')}
              </button>
            </fieldset>
            {textArea('healthNotes', 4000)}
          </>
        ) : null}
        {kind === 'final_report' ? (
          <>
            <SelectField
              id={id('whereabouts')}
              label={`${label('whereabouts')} ${t('common.optional')}`}
              hint={hint('whereabouts')}
              width="long"
              value={v.whereabouts}
              onChange={form.set('whereabouts')}
              error={form.err('whereabouts')}
              options={[
                { value: '', label: t('common.notSpecified') },
                ...WHEREABOUTS.map((w) => ({ value: w, label: WHEREABOUTS_LABELS_DE[w] })),
              ]}
            />
            {textArea('whereaboutsNote', 1000, 2)}
            {textArea('nextSteps', 4000)}
            {textArea('summary', 4000)}
            {textArea('healthNotes', 4000)}
          </>
        ) : null}
      </CaseFormFrame>
    </div>
  );
}
