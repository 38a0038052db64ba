import type { CaseOverview } from '@lotse/contracts';
import {
  CASE_ACTION_LABELS_DE,
  CASE_STATUS_LABELS_DE,
  type CaseAction,
  CLOSING_OUTCOME_LABELS_DE,
  CLOSING_OUTCOMES,
  SATISFACTION_LABELS_DE,
} from '@lotse/domain';
import { useState } from 'react';
import * as api from '../../api/endpoints';
import { CheckboxField, SelectField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { parseGermanDate, todayIso } from '../../lib/format';
import type { CaseFileContext } from './caseFileContext';
import { CaseFormFrame, Checks, DateField, focusWhenReady, orNull, RadioGroupField, TextAreaField, useCaseForm } from './caseFormKit';

type AvailableAction = CaseOverview['actions'][number];

const NEXT_STEP_HEADING = 'case-next-step';

function indicationText(overview: CaseOverview): string {
  const { minBarriers, requireWillingness, met } = overview.indication;
  return t(requireWillingness ? 'caseFile.indicationRuleWithWillingness' : 'caseFile.indicationRule', {
    min: minBarriers,
    result: met ? t('caseFile.indicationMet') : t('caseFile.indicationNotMet'),
  });
}

function willingnessLabel(value: boolean | null): string {
  return value === true ? t('caseFile.willingYes') : value === false ? t('caseFile.willingNo') : t('caseFile.willingUnknown');
}

/** "Nächster Schritt": the actions of the current status, what is missing for each, and the forms to take them. */
export function StatusPanel({ context }: { context: CaseFileContext }) {
  const { overview, responsible } = context;
  const announce = useAnnounce();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const openAction = overview.actions.find((a) => a.action === open) ?? null;
  const activeBarriers = overview.barriers.filter((b) => b.status === 'active').length;

  const choose = (action: AvailableAction) => {
    if (action.missing.length > 0) {
      announce(t('caseFile.actionBlocked', { missing: action.missing.map((m) => m.message).join(' ') }));
      return;
    }
    setOpen((current) => (current === action.action ? null : action.action));
    if (open !== action.action) focusWhenReady(`transition-${action.action}-first`);
  };

  return (
    <section className="card case-status" aria-labelledby={NEXT_STEP_HEADING}>
      <h2 id={NEXT_STEP_HEADING} tabIndex={-1}>
        {t('caseFile.nextStep')}
      </h2>
      {overview.status === 'intake' ? (
        <div className="case-status__indication">
          <p>
            <strong>{indicationText(overview)}</strong>
          </p>
          <p className="muted">
            {t('caseFile.indicationFacts', { barriers: activeBarriers, willingness: willingnessLabel(overview.willingToCooperate) })}
          </p>
          {responsible ? <WillingnessForm context={context} /> : null}
        </div>
      ) : null}

      {!responsible ? (
        <p className="muted">{t('caseFile.onlyResponsible', { name: overview.caseManager.displayName })}</p>
      ) : overview.actions.length === 0 ? (
        <p className="muted">{t('caseFile.noActions')}</p>
      ) : null}

      <ul className="case-actions">
        {overview.actions.map((action) => {
          const blocked = action.missing.length > 0;
          const missingId = `missing-${action.action}`;
          return (
            <li key={action.action} className="case-actions__item">
              {responsible ? (
                <button
                  type="button"
                  id={`action-${action.action}`}
                  className={`button ${blocked ? 'button--secondary button--blocked' : 'button--primary'}`}
                  aria-disabled={blocked || undefined}
                  aria-expanded={blocked ? undefined : open === action.action}
                  aria-controls={blocked ? undefined : open === action.action ? `transition-${action.action}` : undefined}
                  aria-describedby={blocked ? missingId : undefined}
                  onClick={() => choose(action)}
                >
                  {CASE_ACTION_LABELS_DE[action.action]}
                </button>
              ) : (
                <span className="case-actions__label">{CASE_ACTION_LABELS_DE[action.action]}</span>
              )}
              {blocked ? (
                <div id={missingId} className="case-actions__missing">
                  <p className="case-actions__missing-title">{t('caseFile.missingTitle')}</p>
                  <ul>
                    {action.missing.map((m) => (
                      <li key={m.code}>{m.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>

      {responsible && openAction ? (
        <TransitionForm
          key={openAction.action}
          action={openAction}
          context={context}
          onClose={(done) => {
            setOpen(null);
            if (done) focusWhenReady(NEXT_STEP_HEADING);
            else focusWhenReady(`action-${openAction.action}`);
          }}
        />
      ) : null}
    </section>
  );
}

// ——— willingness to cooperate (intake) ———

const toWillingValue = (v: boolean | null) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

function WillingnessForm({ context }: { context: CaseFileContext }) {
  const { overview, etag, replace, refresh } = context;
  const announce = useAnnounce();
  const form = useCaseForm({ willing: toWillingValue(overview.willingToCooperate) });

  const save = () =>
    void form.submit(
      () => [],
      async () => {
        const willingToCooperate = form.values.willing === 'yes' ? true : form.values.willing === 'no' ? false : null;
        if (willingToCooperate === overview.willingToCooperate) {
          announce(t('common.noChanges'));
          return;
        }
        const res = await api.updateCase(overview.id, etag, { willingToCooperate });
        replace(res);
        announce(t('caseFile.willingSaved', { value: willingnessLabel(willingToCooperate) }));
      },
      { onConflict: refresh },
    );

  return (
    <CaseFormFrame
      form={form}
      fields={{ willingToCooperate: { id: 'willing', label: t('caseFile.willingness') } }}
      onSubmit={save}
      submitLabel={t('caseFile.willingSave')}
      labelledBy="willing-heading"
      className="case-form--inline"
      onConflictReload={() => form.reset({ willing: toWillingValue(overview.willingToCooperate) })}
    >
      <h3 id="willing-heading" className="visually-hidden">
        {t('caseFile.willingness')}
      </h3>
      <RadioGroupField
        id="willing"
        legend={t('caseFile.willingness')}
        inline
        value={form.values.willing}
        onChange={(v) => form.set('willing')(v as 'yes' | 'no' | 'unknown')}
        error={form.err('willingToCooperate')}
        options={[
          { value: 'yes', label: t('caseFile.willingYes') },
          { value: 'no', label: t('caseFile.willingNo') },
          { value: 'unknown', label: t('caseFile.willingUnknown') },
        ]}
      />
    </CaseFormFrame>
  );
}

// ——— taking a step ———

interface TransitionValues {
  reason: string;
  outcome: string;
  retrospective: string;
  prospective: string;
  participated: boolean;
  satisfaction: string;
  aftercareUntil: string;
}

const EMPTY_TRANSITION: TransitionValues = {
  reason: '',
  outcome: '',
  retrospective: '',
  prospective: '',
  participated: false,
  satisfaction: '',
  aftercareUntil: '',
};

function TransitionForm({
  action,
  context,
  onClose,
}: {
  action: AvailableAction;
  context: CaseFileContext;
  onClose: (done: boolean) => void;
}) {
  const { overview, etag, replace, refresh } = context;
  const announce = useAnnounce();
  const form = useCaseForm<TransitionValues>(EMPTY_TRANSITION);
  const [gateFailed, setGateFailed] = useState(false);
  const { values, set, err } = form;
  const isClose = action.action === 'close';
  const needsReason = action.requiresReason || action.overridesIndication;
  const formId = `transition-${action.action}`;
  const headingId = `${formId}-heading`;
  const firstId = `${formId}-first`;

  const fields: Record<string, { id: string; label: string }> = isClose
    ? {
        'closing.outcome': { id: firstId, label: t('caseFile.closingOutcome') },
        'closing.retrospective': { id: `${formId}-retro`, label: t('caseFile.closingRetrospective') },
        'closing.prospective': { id: `${formId}-pro`, label: t('caseFile.closingProspective') },
        'closing.personParticipated': { id: `${formId}-participated`, label: t('caseFile.closingParticipated') },
        'closing.satisfaction': { id: `${formId}-satisfaction`, label: t('caseFile.closingSatisfaction') },
        'closing.aftercareUntil': { id: `${formId}-aftercare`, label: t('caseFile.closingAftercare') },
      }
    : { reason: { id: firstId, label: t('caseFile.reason') } };

  const check = () => {
    const c = new Checks();
    if (isClose) {
      if (!values.outcome) c.add('closing.outcome', t('validation.choose'));
      c.required('closing.retrospective', values.retrospective);
      c.maxLength('closing.retrospective', values.retrospective, 4000);
      c.required('closing.prospective', values.prospective);
      c.maxLength('closing.prospective', values.prospective, 4000);
      if (!values.participated) c.add('closing.personParticipated', t('caseFile.closingParticipatedRequired'));
      const until = c.date('closing.aftercareUntil', values.aftercareUntil, false);
      if (until && until <= todayIso()) c.add('closing.aftercareUntil', t('caseFile.aftercareFuture'));
    } else {
      if (needsReason) c.required('reason', values.reason);
      c.maxLength('reason', values.reason, 2000);
    }
    return c.problems;
  };

  const submit = () => {
    setGateFailed(false);
    void form.submit(
      check,
      async () => {
        const body: api.CaseTransitionBody = isClose
          ? {
              action: action.action,
              closing: {
                outcome: values.outcome as (typeof CLOSING_OUTCOMES)[number],
                retrospective: values.retrospective.trim(),
                prospective: values.prospective.trim(),
                personParticipated: values.participated,
                satisfaction: values.satisfaction ? Number(values.satisfaction) : null,
                aftercareUntil: parseGermanDate(values.aftercareUntil),
              },
            }
          : { action: action.action, reason: orNull(values.reason) };
        const res = await api.transitionCase(overview.id, etag, body);
        replace(res);
        announce(t('caseFile.transitionDone', { status: CASE_STATUS_LABELS_DE[res.data.status] }));
        onClose(true);
      },
      {
        onConflict: refresh,
        mapError: (error) => {
          if (error.code !== 'CASE_GATE_FAILED') return null;
          setGateFailed(true);
          const list = error.fieldErrors.map((fe) => ({ field: fe.field ?? '', message: fe.message }));
          return list.length ? list : [{ field: '', message: error.userMessage }];
        },
      },
    );
  };

  return (
    <div id={formId} className="case-status__form">
      <h3 id={headingId}>{CASE_ACTION_LABELS_DE[action.action]}</h3>
      {action.action === 'indicate' || action.action === 'decline' ? (
        <p className={action.overridesIndication ? 'banner banner--warning' : 'muted'}>
          {indicationText(overview)}
          {action.overridesIndication ? (
            <>
              <br />
              {t('caseFile.overrideHint')}
            </>
          ) : null}
        </p>
      ) : null}
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={submit}
        submitLabel={t('caseFile.transitionSubmit', { action: CASE_ACTION_LABELS_DE[action.action] })}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        summaryTitle={gateFailed ? t('caseFile.gateFailedTitle') : undefined}
        onConflictReload={() => onClose(false)}
      >
        {isClose ? (
          <>
            <p className="muted">{t('form.requiredNote')}</p>
            <SelectField
              id={firstId}
              label={t('caseFile.closingOutcome')}
              required
              width="long"
              value={values.outcome}
              onChange={set('outcome')}
              error={err('closing.outcome')}
              options={[
                { value: '', label: t('form.choose') },
                ...CLOSING_OUTCOMES.map((o) => ({ value: o, label: CLOSING_OUTCOME_LABELS_DE[o] })),
              ]}
            />
            <TextAreaField
              id={`${formId}-retro`}
              label={t('caseFile.closingRetrospective')}
              hint={t('caseFile.closingRetrospectiveHint')}
              required
              rows={4}
              value={values.retrospective}
              onChange={set('retrospective')}
              error={err('closing.retrospective')}
            />
            <TextAreaField
              id={`${formId}-pro`}
              label={t('caseFile.closingProspective')}
              hint={t('caseFile.closingProspectiveHint')}
              required
              rows={4}
              value={values.prospective}
              onChange={set('prospective')}
              error={err('closing.prospective')}
            />
            <CheckboxField
              id={`${formId}-participated`}
              label={t('caseFile.closingParticipated')}
              hint={t('caseFile.closingParticipatedHint')}
              checked={values.participated}
              onChange={set('participated')}
              error={err('closing.personParticipated')}
            />
            <RadioGroupField
              id={`${formId}-satisfaction`}
              legend={`${t('caseFile.closingSatisfaction')} ${t('common.optional')}`}
              value={values.satisfaction}
              onChange={set('satisfaction')}
              error={err('closing.satisfaction')}
              options={[
                ...([1, 2, 3, 4, 5] as const).map((n) => ({ value: String(n), label: `${n} – ${SATISFACTION_LABELS_DE[n]}` })),
                { value: '', label: t('common.notSpecified') },
              ]}
            />
            <DateField
              id={`${formId}-aftercare`}
              label={`${t('caseFile.closingAftercare')} ${t('common.optional')}`}
              hint={t('caseFile.closingAftercareHint')}
              value={values.aftercareUntil}
              onChange={set('aftercareUntil')}
              error={err('closing.aftercareUntil')}
            />
          </>
        ) : (
          <TextAreaField
            id={firstId}
            label={needsReason ? t('caseFile.reason') : `${t('caseFile.reason')} ${t('common.optional')}`}
            hint={action.overridesIndication ? t('caseFile.reasonOverrideHint') : needsReason ? t('caseFile.reasonHint') : undefined}
            required={needsReason}
            rows={3}
            maxLength={2000}
            value={values.reason}
            onChange={set('reason')}
            error={err('reason')}
          />
        )}
      </CaseFormFrame>
    </div>
  );
}
