import { BREACH_KIND_LABELS_DE, type BreachKind } from '@lotse/domain';
import { SelectField, TextAreaField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from '../cases/caseFileContext';
import { CaseFormFrame, Checks, DateField, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';
import type { Reload } from './parts';

interface BreachFields {
  dutyId: string;
  breachOn: string;
  description: string;
}

/**
 * Records a breach of a documented duty: a missed appointment for an invitation (on its day), a duty
 * breach otherwise. The server chooses the rule by the breach date and refuses, with its reason, a
 * duty whose form does not allow a sanction on that date; the typed text stays.
 */
export function BreachForm({
  context,
  duties,
  reload,
  onClose,
}: {
  context: CaseFileContext;
  duties: api.SanctionDuty[];
  reload: Reload;
  onClose: (savedId: string | null) => void;
}) {
  const { overview } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const prefix = 'sanction-breach';
  const headingId = `${prefix}-heading`;
  const form = useCaseForm<BreachFields>(() => ({ dutyId: '', breachOn: '', description: '' }), {
    draft: { store: context.drafts, key: 'sanction-new' },
  });
  const { values, err, set } = form;
  const duty = duties.find((d) => d.id === values.dutyId);
  const kind: BreachKind = duty?.form === 'appointment_invitation' ? 'missed_appointment' : 'duty_breach';

  const chooseDuty = (dutyId: string) => {
    const chosen = duties.find((d) => d.id === dutyId);
    // A missed appointment happens on the appointment's day: fill it in when nothing was typed yet.
    form.setValues((v) => ({
      ...v,
      dutyId,
      breachOn: v.breachOn === '' && chosen?.appointmentOn ? formatDate(chosen.appointmentOn) : v.breachOn,
    }));
  };

  const save = () => {
    let breachOn: string | null = null;
    void form.submit(
      () => {
        const c = new Checks();
        if (!values.dutyId) c.add('dutyId', t('sanctions.breachDutyRequired'));
        breachOn = c.date('breachOn', values.breachOn, true);
        c.required('breachDescription', values.description);
        c.maxLength('breachDescription', values.description, 2000);
        return c.problems;
      },
      async () => {
        const body: api.CreateSanctionBody = {
          dutyId: values.dutyId,
          kind,
          breachOn: breachOn as string,
          breachDescription: values.description.trim(),
        };
        const res = await api.createSanction(overview.id, body, idempotencyKey(body));
        await reload();
        announce(t('sanctions.breachSaved', { rule: res.data.rule.title }));
        onClose(res.data.id);
      },
    );
  };

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{t('sanctions.breachAdd')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          dutyId: { id: `${prefix}-duty`, label: t('sanctions.duty') },
          breachOn: { id: `${prefix}-breachOn`, label: t('sanctions.breachOn') },
          breachDescription: { id: `${prefix}-description`, label: t('sanctions.breachDescription') },
        }}
        onSubmit={save}
        submitLabel={t('sanctions.breachSubmit')}
        onCancel={() => onClose(null)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <SelectField
          id={`${prefix}-duty`}
          label={t('sanctions.duty')}
          hint={t('sanctions.breachDutyHint')}
          required
          width="long"
          value={values.dutyId}
          onChange={chooseDuty}
          error={err('dutyId')}
          options={[
            { value: '', label: t('form.choose') },
            ...duties.map((d) => ({
              value: d.id,
              label: `${d.formLabel} vom ${formatDate(d.setOn)}: ${d.description.length > 80 ? `${d.description.slice(0, 79)}…` : d.description}`,
            })),
          ]}
        />
        {duty ? (
          <p className="field-hint" id={`${prefix}-kind`}>
            {t('sanctions.breachKindIs', { kind: BREACH_KIND_LABELS_DE[kind] })}
          </p>
        ) : null}
        <DateField
          id={`${prefix}-breachOn`}
          label={t('sanctions.breachOn')}
          hint={kind === 'missed_appointment' ? t('sanctions.breachOnAppointmentHint') : t('sanctions.breachOnHint')}
          required
          value={values.breachOn}
          onChange={set('breachOn')}
          error={err('breachOn')}
        />
        <TextAreaField
          id={`${prefix}-description`}
          label={t('sanctions.breachDescription')}
          hint={t('sanctions.breachDescriptionHint')}
          required
          rows={3}
          maxLength={2000}
          value={values.description}
          onChange={set('description')}
          error={err('breachDescription')}
        />
      </CaseFormFrame>
    </div>
  );
}
