import { DUTY_FORM_LABELS_DE, DUTY_FORMS, type DutyForm as Form } from '@lotse/domain';
import { CheckboxField, SelectField, TextAreaField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from '../cases/caseFileContext';
import { CaseFormFrame, Checks, DateField, RadioGroupField, todayGerman, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import type { Reload } from './parts';

interface DutyFields {
  form: Form | '';
  setOn: string;
  appointmentOn: string;
  description: string;
  notice: boolean;
  agreementVersionId: string;
}

/**
 * Documents a duty as it was set: its form (which decides whether a breach can be sanctioned on a
 * date), the day, what it asks, whether the notice of legal consequences was given, for an invitation
 * the appointment, for an EGV or Verwaltungsakt optionally the agreement version it is part of.
 */
export function DutyForm({ context, reload, onClose }: { context: CaseFileContext; reload: Reload; onClose: (saved: boolean) => void }) {
  const { overview } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const prefix = 'sanction-duty-form';
  const headingId = `${prefix}-heading`;
  const form = useCaseForm<DutyFields>(
    () => ({ form: '', setOn: todayGerman(), appointmentOn: '', description: '', notice: true, agreementVersionId: '' }),
    { draft: { store: context.drafts, key: 'sanction-new' } },
  );
  const { values, err, set } = form;
  const agreement = overview.agreement;
  const agreementFits =
    agreement !== null && (agreement.kind === 'egv' || agreement.kind === 'verwaltungsakt') && agreement.kind === values.form;

  const save = () => {
    let setOn: string | null = null;
    let appointmentOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        if (values.form === '') c.add('form', t('sanctions.formRequired'));
        setOn = c.date('setOn', values.setOn, true);
        if (values.form === 'appointment_invitation') appointmentOn = c.date('appointmentOn', values.appointmentOn, true);
        c.required('description', values.description);
        c.maxLength('description', values.description, 2000);
        return c.problems;
      },
      async () => {
        const body: api.CreateDutyBody = {
          form: values.form as Form,
          setOn: setOn as string,
          description: values.description.trim(),
          legalConsequencesNotice: values.notice,
          ...(values.form === 'appointment_invitation' ? { appointmentOn } : {}),
          ...(agreementFits && values.agreementVersionId ? { agreementVersionId: values.agreementVersionId } : {}),
        };
        await api.createDuty(overview.id, body, idempotencyKey(body));
        await reload();
        announce(t('sanctions.dutySaved'));
        onClose(true);
      },
    );
  };

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{t('sanctions.dutyAdd')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          form: { id: `${prefix}-form`, label: t('sanctions.dutyForm') },
          setOn: { id: `${prefix}-setOn`, label: t('sanctions.dutySetOn') },
          appointmentOn: { id: `${prefix}-appointmentOn`, label: t('sanctions.dutyAppointment') },
          description: { id: `${prefix}-description`, label: t('sanctions.dutyDescription') },
          legalConsequencesNotice: { id: `${prefix}-notice`, label: t('sanctions.dutyNoticeLabel') },
          agreementVersionId: { id: `${prefix}-agreement`, label: t('sanctions.dutyAgreement') },
        }}
        onSubmit={save}
        submitLabel={t('sanctions.dutySubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <RadioGroupField
          id={`${prefix}-form`}
          legend={t('sanctions.dutyForm')}
          hint={t('sanctions.dutyFormHint')}
          required
          value={values.form}
          onChange={(v) => set('form')(v as Form)}
          error={err('form')}
          options={DUTY_FORMS.map((f) => ({ value: f, label: DUTY_FORM_LABELS_DE[f] }))}
        />
        <DateField
          id={`${prefix}-setOn`}
          label={t('sanctions.dutySetOn')}
          required
          value={values.setOn}
          onChange={set('setOn')}
          error={err('setOn')}
        />
        {values.form === 'appointment_invitation' ? (
          <DateField
            id={`${prefix}-appointmentOn`}
            label={t('sanctions.dutyAppointment')}
            required
            value={values.appointmentOn}
            onChange={set('appointmentOn')}
            error={err('appointmentOn')}
          />
        ) : null}
        <TextAreaField
          id={`${prefix}-description`}
          label={t('sanctions.dutyDescription')}
          hint={t('sanctions.dutyDescriptionHint')}
          required
          rows={3}
          maxLength={2000}
          value={values.description}
          onChange={set('description')}
          error={err('description')}
        />
        <CheckboxField
          id={`${prefix}-notice`}
          label={t('sanctions.dutyNoticeLabel')}
          hint={t('sanctions.dutyNoticeHint')}
          checked={values.notice}
          onChange={set('notice')}
          error={err('legalConsequencesNotice')}
        />
        {agreementFits && agreement ? (
          <SelectField
            id={`${prefix}-agreement`}
            label={`${t('sanctions.dutyAgreement')} ${t('common.optional')}`}
            value={values.agreementVersionId}
            onChange={set('agreementVersionId')}
            error={err('agreementVersionId')}
            width="long"
            options={[
              { value: '', label: t('sanctions.dutyAgreementNone') },
              {
                value: agreement.id,
                label: t('sanctions.dutyAgreementOption', { n: agreement.versionNo, date: formatDate(agreement.agreedOn) }),
              },
            ]}
          />
        ) : null}
      </CaseFormFrame>
    </div>
  );
}
