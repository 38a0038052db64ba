import { etagFromVersion } from '../../api/client';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { CaseFileContext } from '../cases/caseFileContext';
import {
  type Based,
  based,
  CaseFormFrame,
  Checks,
  DateField,
  RadioGroupField,
  rebase,
  TextAreaField,
  todayGerman,
  useCaseForm,
} from '../cases/caseFormKit';
import * as api from './api';
import { CareWarning, ProposalText, type Reload } from './parts';

interface StepProps {
  context: CaseFileContext;
  sanction: api.Sanction;
  reload: Reload;
  onClose: (saved: boolean) => void;
}

/**
 * After a 412 the form stays with what was typed and moves onto the sanction's current version (the
 * next save goes against it); the conflict banner says so. "Load the current version" closes the form:
 * the card shows the sanction as it is now.
 */
function useStepForm<F extends object>(props: StepProps, step: string, initial: () => F) {
  const { context, sanction } = props;
  const form = useCaseForm<Based<F>>(() => based(initial(), sanction.version), {
    draft: { store: context.drafts, key: `sanction-open:${sanction.id}` },
  });
  const onConflict = async () => {
    const now = (await props.reload())?.sanctions.find((s) => s.id === sanction.id);
    if (now) form.setValues((v) => rebase(v, initial(), now.version));
  };
  return { form, onConflict, prefix: `sanction-${sanction.id}-${step}` };
}

/** Sends the hearing: the letter's date; the deadline follows from the Jobcenter's hearing days. */
export function HearingForm(props: StepProps & { hearingDays: number }) {
  const { sanction, reload, onClose } = props;
  const announce = useAnnounce();
  const { form, onConflict, prefix } = useStepForm(props, 'hearing', () => ({ sentOn: todayGerman() }));
  const { values, err, set } = form;
  const headingId = `${prefix}-heading`;
  const save = () => {
    let sentOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        sentOn = c.date('sentOn', values.sentOn, true);
        return c.problems;
      },
      async () => {
        const res = await api.sendHearing(sanction.id, etagFromVersion(values.version), sentOn as string);
        await reload();
        announce(t('sanctions.hearingSaved', { deadline: formatDate(res.data.hearing.deadline) }));
        onClose(true);
      },
      { onConflict },
    );
  };
  return (
    <div className="case-subform" id={prefix}>
      <h5 id={headingId}>{t('sanctions.hearingSend')}</h5>
      <CaseFormFrame
        form={form}
        fields={{ sentOn: { id: `${prefix}-sentOn`, label: t('sanctions.hearingSentOn') } }}
        onSubmit={save}
        submitLabel={t('sanctions.hearingSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('sanctions.conflict')}
        onConflictReload={() => onClose(false)}
      >
        <p>{t('sanctions.hearingExplain', { days: props.hearingDays })}</p>
        <DateField
          id={`${prefix}-sentOn`}
          label={t('sanctions.hearingSentOn')}
          required
          value={values.sentOn}
          onChange={set('sentOn')}
          error={err('sentOn')}
        />
      </CaseFormFrame>
    </div>
  );
}

/** The person's answer to the hearing: its date and what it says. */
export function AnswerForm(props: StepProps) {
  const { sanction, reload, onClose } = props;
  const announce = useAnnounce();
  const { form, onConflict, prefix } = useStepForm(props, 'answer', () => ({ answeredOn: todayGerman(), answer: '' }));
  const { values, err, set } = form;
  const headingId = `${prefix}-heading`;
  const save = () => {
    let answeredOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        answeredOn = c.date('answeredOn', values.answeredOn, true);
        c.required('answer', values.answer);
        c.maxLength('answer', values.answer, 4000);
        return c.problems;
      },
      async () => {
        await api.recordAnswer(sanction.id, etagFromVersion(values.version), {
          answeredOn: answeredOn as string,
          answer: values.answer.trim(),
        });
        await reload();
        announce(t('sanctions.answerSaved'));
        onClose(true);
      },
      { onConflict },
    );
  };
  return (
    <div className="case-subform" id={prefix}>
      <h5 id={headingId}>{t('sanctions.answerRecord')}</h5>
      <CaseFormFrame
        form={form}
        fields={{
          answeredOn: { id: `${prefix}-answeredOn`, label: t('sanctions.answeredOn') },
          answer: { id: `${prefix}-answer`, label: t('sanctions.answerText') },
        }}
        onSubmit={save}
        submitLabel={t('sanctions.answerSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('sanctions.conflict')}
        onConflictReload={() => onClose(false)}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <DateField
          id={`${prefix}-answeredOn`}
          label={t('sanctions.answeredOn')}
          required
          value={values.answeredOn}
          onChange={set('answeredOn')}
          error={err('answeredOn')}
        />
        <TextAreaField
          id={`${prefix}-answer`}
          label={t('sanctions.answerText')}
          hint={t('sanctions.answerHint')}
          required
          rows={4}
          maxLength={4000}
          value={values.answer}
          onChange={set('answer')}
          error={err('answer')}
        />
      </CaseFormFrame>
    </div>
  );
}

interface DecisionFields {
  reasonAccepted: '' | 'yes' | 'no';
  reasonReasoning: string;
  outcome: '' | 'reduce' | 'no_reduction';
  careJustification: string;
  reasoning: string;
  decidedOn: string;
}

/**
 * The individual decision: the important reason assessed (with reasoning), the outcome with the
 * rule's proposal beside it, an explicit justification while addiction or psychosocial care runs,
 * and the reasoning of the decision. It then goes to benefits processing (the server routes it).
 */
export function DecisionForm(props: StepProps) {
  const { sanction, reload, onClose } = props;
  const announce = useAnnounce();
  const { form, onConflict, prefix } = useStepForm<DecisionFields>(props, 'decision', () => ({
    reasonAccepted: '',
    reasonReasoning: '',
    outcome: '',
    careJustification: '',
    reasoning: '',
    decidedOn: todayGerman(),
  }));
  const { values, err, set } = form;
  const headingId = `${prefix}-heading`;
  const care = sanction.careWarning.active;
  const needsJustification = care && values.outcome === 'reduce';

  const save = () => {
    let decidedOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        if (values.reasonAccepted === '') c.add('importantReasonAccepted', t('sanctions.reasonRequired'));
        c.required('importantReasonReasoning', values.reasonReasoning);
        c.maxLength('importantReasonReasoning', values.reasonReasoning, 4000);
        if (values.outcome === '') c.add('outcome', t('sanctions.outcomeRequired'));
        else if (values.outcome === 'reduce' && values.reasonAccepted === 'yes') c.add('outcome', t('sanctions.outcomeContradiction'));
        if (needsJustification) c.required('careJustification', values.careJustification);
        c.maxLength('careJustification', values.careJustification, 4000);
        c.required('reasoning', values.reasoning);
        c.maxLength('reasoning', values.reasoning, 4000);
        decidedOn = c.date('decidedOn', values.decidedOn, true);
        return c.problems;
      },
      async () => {
        const res = await api.decide(sanction.id, etagFromVersion(values.version), {
          importantReasonAccepted: values.reasonAccepted === 'yes',
          importantReasonReasoning: values.reasonReasoning.trim(),
          outcome: values.outcome as 'reduce' | 'no_reduction',
          reasoning: values.reasoning.trim(),
          careJustification: values.careJustification.trim() || null,
          decidedOn: decidedOn as string,
        });
        await reload();
        announce(t('sanctions.decisionSaved', { name: res.data.handOff?.to.displayName ?? '' }));
        onClose(true);
      },
      { onConflict },
    );
  };

  return (
    <div className="case-subform" id={prefix}>
      <h5 id={headingId}>{t('sanctions.decisionTitle')}</h5>
      <CaseFormFrame
        form={form}
        fields={{
          importantReasonAccepted: { id: `${prefix}-reason`, label: t('sanctions.importantReason') },
          importantReasonReasoning: { id: `${prefix}-reasonReasoning`, label: t('sanctions.reasonReasoning') },
          outcome: { id: `${prefix}-outcome`, label: t('sanctions.outcome') },
          careJustification: { id: `${prefix}-care`, label: t('sanctions.careJustification') },
          reasoning: { id: `${prefix}-reasoning`, label: t('sanctions.decisionReasoning') },
          decidedOn: { id: `${prefix}-decidedOn`, label: t('sanctions.decidedOn') },
        }}
        onSubmit={save}
        submitLabel={t('sanctions.decisionSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('sanctions.conflict')}
        onConflictReload={() => onClose(false)}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <RadioGroupField
          id={`${prefix}-reason`}
          legend={t('sanctions.reasonQuestion')}
          hint={t('sanctions.reasonHint')}
          required
          inline
          value={values.reasonAccepted}
          onChange={(v) => set('reasonAccepted')(v as DecisionFields['reasonAccepted'])}
          error={err('importantReasonAccepted')}
          options={[
            { value: 'no', label: t('sanctions.reasonNo') },
            { value: 'yes', label: t('sanctions.reasonYes') },
          ]}
        />
        <TextAreaField
          id={`${prefix}-reasonReasoning`}
          label={t('sanctions.reasonReasoning')}
          required
          rows={3}
          maxLength={4000}
          value={values.reasonReasoning}
          onChange={set('reasonReasoning')}
          error={err('importantReasonReasoning')}
        />
        {sanction.proposal ? (
          <div className="banner banner--info" id={`${prefix}-proposal`}>
            <p className="banner__title">{t('sanctions.proposalTitle', { rule: sanction.rule.title })}</p>
            <p>
              <ProposalText proposal={sanction.proposal} />
            </p>
            <p className="muted">{t('sanctions.proposalNote')}</p>
          </div>
        ) : null}
        <RadioGroupField
          id={`${prefix}-outcome`}
          legend={t('sanctions.outcome')}
          required
          value={values.outcome}
          onChange={(v) => set('outcome')(v as DecisionFields['outcome'])}
          error={err('outcome')}
          options={[
            { value: 'reduce', label: t('sanctions.outcomeReduce') },
            { value: 'no_reduction', label: t('sanctions.outcomeNone') },
          ]}
        />
        {care ? <CareWarning services={sanction.careWarning.services} /> : null}
        {care ? (
          <TextAreaField
            id={`${prefix}-care`}
            label={needsJustification ? t('sanctions.careJustification') : `${t('sanctions.careJustification')} ${t('common.optional')}`}
            hint={t('sanctions.careJustificationHint')}
            required={needsJustification}
            rows={3}
            maxLength={4000}
            value={values.careJustification}
            onChange={set('careJustification')}
            error={err('careJustification')}
          />
        ) : null}
        <TextAreaField
          id={`${prefix}-reasoning`}
          label={t('sanctions.decisionReasoning')}
          hint={t('sanctions.decisionReasoningHint')}
          required
          rows={4}
          maxLength={4000}
          value={values.reasoning}
          onChange={set('reasoning')}
          error={err('reasoning')}
        />
        <DateField
          id={`${prefix}-decidedOn`}
          label={t('sanctions.decidedOn')}
          required
          value={values.decidedOn}
          onChange={set('decidedOn')}
          error={err('decidedOn')}
        />
        <p className="field-hint">{t('sanctions.handOffHint')}</p>
      </CaseFormFrame>
    </div>
  );
}

/** Takes back a sanction not yet decided, with the reason. */
export function WithdrawForm(props: StepProps) {
  const { sanction, reload, onClose } = props;
  const announce = useAnnounce();
  const { form, onConflict, prefix } = useStepForm(props, 'withdraw', () => ({ reason: '' }));
  const { values, err, set } = form;
  const headingId = `${prefix}-heading`;
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('reason', values.reason);
        c.maxLength('reason', values.reason, 2000);
        return c.problems;
      },
      async () => {
        await api.withdraw(sanction.id, etagFromVersion(values.version), values.reason.trim());
        await reload();
        announce(t('sanctions.withdrawSaved'));
        onClose(true);
      },
      { onConflict },
    );
  return (
    <div className="case-subform" id={prefix}>
      <h5 id={headingId}>{t('sanctions.withdraw')}</h5>
      <CaseFormFrame
        form={form}
        fields={{ reason: { id: `${prefix}-reason`, label: t('sanctions.withdrawReason') } }}
        onSubmit={save}
        submitLabel={t('sanctions.withdrawSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
        conflictText={t('sanctions.conflict')}
        onConflictReload={() => onClose(false)}
      >
        <TextAreaField
          id={`${prefix}-reason`}
          label={t('sanctions.withdrawReason')}
          required
          rows={3}
          maxLength={2000}
          value={values.reason}
          onChange={set('reason')}
          error={err('reason')}
        />
      </CaseFormFrame>
    </div>
  );
}
