import type { CaseOverview, CaseRules } from '@lotse/contracts';
import { CASE_PRIORITIES, CASE_PRIORITY_LABELS_DE, type CasePriority, WORK_EDITABLE } from '@lotse/domain';
import { useEffect, useState } from 'react';
import type { StaffOption } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { SelectField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import type { CaseFileContext } from './caseFileContext';
import { CaseFormFrame, Checks, type FieldProblem, focusWhenReady, RadioGroupField, useCaseForm } from './caseFormKit';

/** "alle 28 Tage (Standard für Priorität mittel)" – the effective contact density and where it comes from. */
export function densityLabel(overview: Pick<CaseOverview, 'contactDensityDays' | 'contactDensityIsDefault' | 'priority'>): {
  days: string;
  source: string;
} {
  return {
    days: t('caseFile.densityDays', { days: overview.contactDensityDays }),
    source: overview.contactDensityIsDefault
      ? t('caseFile.densityDefault', { priority: CASE_PRIORITY_LABELS_DE[overview.priority] })
      : t('caseFile.densityCase'),
  };
}

type Open = 'settings' | 'reassign' | null;

/**
 * Below the case header: the responsible case manager changes priority and contact density, a team
 * lead reassigns the case (PATCH /api/cases/:id with the case's ETag; a 412 keeps the input).
 */
export function CaseSettings({ context, teamLead }: { context: CaseFileContext; teamLead: boolean }) {
  const { overview, responsible } = context;
  const [open, setOpen] = useState<Open>(null);
  const editable = WORK_EDITABLE.includes(overview.status);
  const maySettings = responsible && editable;
  const mayReassign = teamLead && !responsible && editable;
  if (!maySettings && !mayReassign) return null;

  const toggle = (which: Exclude<Open, null>, firstId: string) => {
    setOpen((current) => (current === which ? null : which));
    if (open !== which) focusWhenReady(firstId);
  };
  const close = (which: Exclude<Open, null>) => {
    setOpen(null);
    focusWhenReady(`case-${which}-toggle`);
  };

  return (
    <div className="case-settings">
      <div className="button-row">
        {maySettings ? (
          <button
            type="button"
            id="case-settings-toggle"
            className="button button--secondary button--small"
            aria-expanded={open === 'settings'}
            aria-controls={open === 'settings' ? 'case-settings-form' : undefined}
            onClick={() => toggle('settings', 'case-priority')}
          >
            {t('caseFile.settingsToggle')}
          </button>
        ) : null}
        {mayReassign ? (
          <button
            type="button"
            id="case-reassign-toggle"
            className="button button--secondary button--small"
            aria-expanded={open === 'reassign'}
            aria-controls={open === 'reassign' ? 'case-reassign-form' : undefined}
            onClick={() => toggle('reassign', 'case-reassign-manager')}
          >
            {t('caseFile.reassignToggle')}
          </button>
        ) : null}
      </div>
      {open === 'settings' && maySettings ? <SettingsForm context={context} onClose={() => close('settings')} /> : null}
      {open === 'reassign' && mayReassign ? <ReassignForm context={context} onClose={() => close('reassign')} /> : null}
    </div>
  );
}

// ——— priority and contact density ———

interface SettingsValues {
  priority: CasePriority;
  density: 'default' | 'own';
  days: string;
}

const settingsOf = (overview: CaseOverview): SettingsValues => ({
  priority: overview.priority,
  density: overview.contactDensityIsDefault ? 'default' : 'own',
  days: overview.contactDensityIsDefault ? '' : String(overview.contactDensityDays),
});

function useCaseRules(): CaseRules | null {
  const [rules, setRules] = useState<CaseRules | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api
      .getCaseRules(controller.signal)
      .then((res) => setRules(res.data))
      // Without the rules the form still works; it only cannot name the default's number of days.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return rules;
}

function SettingsForm({ context, onClose }: { context: CaseFileContext; onClose: () => void }) {
  const { overview, etag, replace, refresh } = context;
  const announce = useAnnounce();
  const rules = useCaseRules();
  const form = useCaseForm<SettingsValues>(() => settingsOf(overview));
  const { values, set, err } = form;
  const headingId = 'case-settings-heading';
  const defaultDays = rules?.contactDensityDays[values.priority];

  let days: number | null = null;
  const check = (): FieldProblem[] => {
    const c = new Checks();
    days = null;
    if (values.density === 'own') {
      const text = values.days.trim();
      const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (text === '') c.add('contactDensityDays', t('validation.required'));
      else if (!Number.isInteger(n) || n < 1 || n > 365) c.add('contactDensityDays', t('caseFile.densityRange'));
      else days = n;
    }
    return c.problems;
  };

  const save = () =>
    void form.submit(
      check,
      async () => {
        const body: api.UpdateCaseBody = {};
        if (values.priority !== overview.priority) body.priority = values.priority;
        if (values.density === 'default' && !overview.contactDensityIsDefault) body.contactDensityDays = null;
        if (values.density === 'own' && (overview.contactDensityIsDefault || days !== overview.contactDensityDays))
          body.contactDensityDays = days;
        if (Object.keys(body).length === 0) {
          announce(t('common.noChanges'));
          onClose();
          return;
        }
        const res = await api.updateCase(overview.id, etag, body);
        replace(res);
        const label = densityLabel(res.data);
        announce(
          t('caseFile.settingsSaved', {
            priority: CASE_PRIORITY_LABELS_DE[res.data.priority],
            days: label.days,
            source: label.source,
          }),
        );
        onClose();
      },
      { onConflict: refresh },
    );

  return (
    <div id="case-settings-form" className="card case-settings__form">
      <h2 id={headingId} className="case-settings__title">
        {t('caseFile.settingsTitle')}
      </h2>
      <CaseFormFrame
        form={form}
        fields={{
          priority: { id: 'case-priority', label: t('caseFile.priority') },
          contactDensityDays: { id: values.density === 'own' ? 'case-density-days' : 'case-density', label: t('caseFile.density') },
        }}
        onSubmit={save}
        submitLabel={t('common.save')}
        onCancel={onClose}
        labelledBy={headingId}
        onConflictReload={() => form.reset(settingsOf(overview))}
      >
        <SelectField
          id="case-priority"
          label={t('caseFile.priority')}
          hint={t('caseFile.priorityHint')}
          required
          value={values.priority}
          onChange={(v) => set('priority')(v as CasePriority)}
          error={err('priority')}
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: CASE_PRIORITY_LABELS_DE[p] }))}
        />
        <RadioGroupField
          id="case-density"
          legend={t('caseFile.density')}
          required
          value={values.density}
          onChange={(v) => set('density')(v as SettingsValues['density'])}
          error={values.density === 'default' ? err('contactDensityDays') : undefined}
          options={[
            {
              value: 'default',
              label:
                defaultDays === undefined
                  ? t('caseFile.densityUseDefault')
                  : t('caseFile.densityUseDefaultDays', { days: defaultDays, priority: CASE_PRIORITY_LABELS_DE[values.priority] }),
            },
            { value: 'own', label: t('caseFile.densityUseOwn') },
          ]}
        />
        {values.density === 'own' ? (
          <TextField
            id="case-density-days"
            label={t('caseFile.densityDaysLabel')}
            hint={t('caseFile.densityDaysHint')}
            required
            width="short"
            inputMode="numeric"
            autoComplete="off"
            value={values.days}
            onChange={set('days')}
            error={err('contactDensityDays')}
          />
        ) : null}
      </CaseFormFrame>
    </div>
  );
}

// ——— reassignment (team lead) ———

function ReassignForm({ context, onClose }: { context: CaseFileContext; onClose: () => void }) {
  const { overview, etag, replace, refresh } = context;
  const announce = useAnnounce();
  const [staff, setStaff] = useState<StaffOption[] | null>(null);
  const [staffFailed, setStaffFailed] = useState(false);
  const form = useCaseForm({ caseManagerId: '' });
  const headingId = 'case-reassign-heading';

  useEffect(() => {
    const controller = new AbortController();
    api
      .listStaff(controller.signal)
      .then((list) => setStaff(list.items))
      .catch(() => {
        if (!controller.signal.aborted) setStaffFailed(true);
      });
    return () => controller.abort();
  }, []);

  const options = (staff ?? []).filter((s) => s.id !== overview.caseManager.id);

  const save = () =>
    void form.submit(
      () => {
        const c = new Checks();
        if (!form.values.caseManagerId) c.add('caseManagerId', t('validation.choose'));
        return c.problems;
      },
      async () => {
        const res = await api.updateCase(overview.id, etag, { caseManagerId: form.values.caseManagerId });
        replace(res);
        announce(t('caseFile.reassigned', { name: res.data.caseManager.displayName }));
        onClose();
      },
      { onConflict: refresh },
    );

  return (
    <div id="case-reassign-form" className="card case-settings__form">
      <h2 id={headingId} className="case-settings__title">
        {t('caseFile.reassignTitle')}
      </h2>
      <p className="muted">{t('caseFile.reassignCurrent', { name: overview.caseManager.displayName })}</p>
      <CaseFormFrame
        form={form}
        fields={{ caseManagerId: { id: 'case-reassign-manager', label: t('caseFile.reassignLabel') } }}
        onSubmit={save}
        submitLabel={t('caseFile.reassignSubmit')}
        onCancel={onClose}
        labelledBy={headingId}
        onConflictReload={() => form.reset({ caseManagerId: '' })}
      >
        <SelectField
          id="case-reassign-manager"
          label={t('caseFile.reassignLabel')}
          hint={staffFailed ? t('caseFile.staffLoadFailed') : t('caseFile.reassignHint')}
          required
          width="long"
          value={form.values.caseManagerId}
          onChange={form.set('caseManagerId')}
          error={form.err('caseManagerId')}
          options={[
            { value: '', label: staff ? t('form.choose') : t('caseFile.staffLoading') },
            ...options.map((s) => ({ value: s.id, label: s.displayName })),
          ]}
        />
      </CaseFormFrame>
    </div>
  );
}
