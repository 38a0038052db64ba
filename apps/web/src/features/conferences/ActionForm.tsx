import { CONFERENCE_ACTION_KIND_LABELS_DE, type ConferenceActionKind } from '@lotse/domain';
import type { StaffOption } from '../../api/endpoints';
import { SelectField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { useIdempotencyKey } from '../../lib/idempotency';
import type { CaseFileContext } from '../cases/caseFileContext';
import { CaseFormFrame, Checks, DateField, RadioGroupField, useCaseForm } from '../cases/caseFormKit';
import * as api from './api';

interface ActionFields {
  kind: ConferenceActionKind;
  title: string;
  dueOn: string;
  ownerId: string;
  goalId: string;
  providerId: string;
}

/**
 * Records an action agreed in the conference: a follow-up (Wiedervorlage) for a staff member, or a
 * change of the help plan (a new sub-goal under one of the case's goals). A provider taking part can
 * be named as responsible; it then sees the action in its portal.
 */
export function ActionForm({
  context,
  conference,
  staff,
  staffFailed,
  reload,
  onClose,
}: {
  context: CaseFileContext;
  conference: api.Conference;
  staff: StaffOption[];
  staffFailed: boolean;
  reload: () => Promise<api.Conference[] | null>;
  onClose: (saved: boolean) => void;
}) {
  const { overview, can, refresh } = context;
  const announce = useAnnounce();
  const idempotencyKey = useIdempotencyKey();
  const prefix = `conf-${conference.id}-action`;
  const headingId = `${prefix}-heading`;
  const form = useCaseForm<ActionFields>(
    { kind: 'follow_up', title: '', dueOn: '', ownerId: overview.caseManager.id, goalId: '', providerId: '' },
    { draft: { store: context.drafts, key: `conference-action:${conference.id}` } },
  );
  const { values, err, set } = form;
  const planChangePossible = can.plan && overview.goals.length > 0;
  const kinds: ConferenceActionKind[] = planChangePossible ? ['follow_up', 'plan_change'] : ['follow_up'];

  const owners = [...staff];
  if (!owners.some((s) => s.id === overview.caseManager.id)) owners.unshift(overview.caseManager);
  // Each provider once, named by its organisation (the people from it in brackets).
  const providerParticipants = new Map<string, string[]>();
  const providerNames = new Map<string, string>();
  for (const p of conference.participants) {
    if (p.kind !== 'provider' || !p.providerId) continue;
    providerParticipants.set(p.providerId, [...(providerParticipants.get(p.providerId) ?? []), p.name]);
    providerNames.set(p.providerId, p.organisation ?? p.name);
  }
  const providerOptions = [
    { value: '', label: t('conferences.actionNoProvider') },
    ...[...providerParticipants.entries()].map(([id, people]) => ({
      value: id,
      label: `${providerNames.get(id) ?? ''} (${people.join(', ')})`,
    })),
  ];

  let dueOn = '';
  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        c.required('title', values.title);
        c.maxLength('title', values.title, 300);
        dueOn = c.date('dueOn', values.dueOn, true) ?? '';
        if (values.kind === 'plan_change' && !values.goalId) c.add('goalId', t('validation.choose'));
        return c.problems;
      },
      async () => {
        const common = { title: values.title.trim(), dueOn, providerId: values.providerId || null };
        const body: api.CreateConferenceActionBody =
          values.kind === 'follow_up'
            ? { kind: 'follow_up', ...common, ownerId: values.ownerId || undefined }
            : { kind: 'plan_change', ...common, goalId: values.goalId };
        await api.addConferenceAction(conference.id, body, idempotencyKey(body));
        await Promise.all([reload(), refresh()]);
        announce(
          values.kind === 'follow_up'
            ? t('conferences.actionFollowUpAdded', { title: common.title })
            : t('conferences.actionSubGoalAdded', { title: common.title }),
        );
        onClose(true);
      },
    );

  return (
    <div className="case-subform" id={prefix}>
      <h4 id={headingId}>{t('conferences.actionTitle')}</h4>
      <CaseFormFrame
        form={form}
        fields={{
          kind: { id: `${prefix}-kind`, label: t('conferences.actionKind') },
          title: { id: `${prefix}-title`, label: t('conferences.actionText') },
          dueOn: { id: `${prefix}-due`, label: t('caseFile.dueOn') },
          ownerId: { id: `${prefix}-owner`, label: t('conferences.actionOwner') },
          goalId: { id: `${prefix}-goal`, label: t('conferences.actionGoal') },
          providerId: { id: `${prefix}-provider`, label: t('conferences.actionProvider') },
        }}
        onSubmit={save}
        submitLabel={t('conferences.actionSubmit')}
        onCancel={() => onClose(false)}
        labelledBy={headingId}
      >
        <p className="muted">{t('form.requiredNote')}</p>
        <RadioGroupField
          id={`${prefix}-kind`}
          legend={t('conferences.actionKind')}
          hint={planChangePossible ? undefined : t('conferences.actionPlanChangeUnavailable')}
          required
          value={values.kind}
          onChange={(v) => set('kind')(v as ConferenceActionKind)}
          error={err('kind')}
          options={kinds.map((k) => ({ value: k, label: CONFERENCE_ACTION_KIND_LABELS_DE[k] }))}
        />
        <TextField
          id={`${prefix}-title`}
          label={values.kind === 'plan_change' ? t('conferences.actionSubGoalText') : t('conferences.actionText')}
          required
          width="long"
          maxLength={300}
          autoComplete="off"
          value={values.title}
          onChange={set('title')}
          error={err('title')}
        />
        <div className="field-row">
          <DateField
            id={`${prefix}-due`}
            label={t('caseFile.dueOn')}
            required
            value={values.dueOn}
            onChange={set('dueOn')}
            error={err('dueOn')}
          />
          {values.kind === 'follow_up' ? (
            <SelectField
              id={`${prefix}-owner`}
              label={t('conferences.actionOwner')}
              hint={staffFailed ? t('caseFile.staffLoadFailed') : undefined}
              required
              width="long"
              value={values.ownerId}
              onChange={set('ownerId')}
              error={err('ownerId')}
              options={owners.map((s) => ({ value: s.id, label: s.displayName }))}
            />
          ) : (
            <SelectField
              id={`${prefix}-goal`}
              label={t('conferences.actionGoal')}
              required
              width="long"
              value={values.goalId}
              onChange={set('goalId')}
              error={err('goalId')}
              options={[{ value: '', label: t('form.choose') }, ...overview.goals.map((g) => ({ value: g.id, label: g.title }))]}
            />
          )}
        </div>
        <SelectField
          id={`${prefix}-provider`}
          label={`${t('conferences.actionProvider')} ${t('common.optional')}`}
          hint={providerParticipants.size === 0 ? t('conferences.actionProviderNone') : t('conferences.actionProviderHint')}
          width="long"
          value={values.providerId}
          onChange={set('providerId')}
          error={err('providerId')}
          options={providerOptions}
        />
      </CaseFormFrame>
    </div>
  );
}
