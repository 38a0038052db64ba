import { useState } from 'react';
import { toApiError } from '../../api/client';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { type CaseForm, CaseFormFrame, useCaseForm } from '../cases/caseFormKit';
import type { Plan, PlanServiceType } from './api';
import * as api from './api';
import { formatCount, formatEuro, monthName, parseEuroCents } from './format';
import { Cell, NUM } from './parts';
import {
  changedMonths,
  costField,
  MONTHS,
  type PlanField,
  type PlanValues,
  planBody,
  planProblemsOf,
  planValuesOf,
  rebasePlan,
  startsField,
} from './planForm';

/**
 * The 12 monthly targets of one service type (plan editors): starts and cost typed per month, saved
 * together with If-Match. On 412 the typed values stay; the banner names the months the other person
 * changed and offers to load the current version or to keep editing on top of it.
 */
export function PlanEditor({
  year,
  plan,
  fetchCurrent,
  onSaved,
}: {
  year: number;
  plan: PlanServiceType;
  /** The service type's plan as saved now (after a 412 and after saving); the page shows it from then on. */
  fetchCurrent: () => Promise<PlanServiceType>;
  /** The whole plan as the save returned it; the page shows it from then on. */
  onSaved: (plan: Plan) => void;
}) {
  const announce = useAnnounce();
  const form = useCaseForm<PlanValues>(() => planValuesOf(plan));
  const [base, setBase] = useState(() => ({ values: planValuesOf(plan), version: plan.version }));
  const [latest, setLatest] = useState<PlanServiceType | null>(null);

  const fields: Record<string, { id: string; label: string }> = {};
  for (const m of MONTHS) {
    fields[startsField(m)] = { id: `plan-${startsField(m)}`, label: t('planning.targetStartsOf', { month: monthName(m) }) };
    fields[costField(m)] = { id: `plan-${costField(m)}`, label: t('planning.targetCostOf', { month: monthName(m) }) };
  }

  const adopt = (current: PlanServiceType) => {
    form.reset(planValuesOf(current));
    setBase({ values: planValuesOf(current), version: current.version });
  };

  const onSubmit = () => {
    const { body, problems } = planBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        const saved = await api.putPlan(year, plan.serviceType, base.version, body);
        const current = saved.serviceTypes.find((s) => s.serviceType === plan.serviceType);
        if (current) adopt(current);
        onSaved(saved);
        announce(t('planning.planSaved', { label: plan.label }));
      },
      {
        onConflict: async () => setLatest(await fetchCurrent().catch(() => null)),
        mapError: (error) => (error.fieldErrors.length > 0 ? planProblemsOf(error) : null),
      },
    );
  };

  const changed = latest ? changedMonths(base.values, planValuesOf(latest)).map(monthName) : [];
  const keepEditing = () => {
    if (!latest) return;
    form.setValues((v) => rebasePlan(v, base.values, planValuesOf(latest)));
    setBase({ values: planValuesOf(latest), version: latest.version });
    setLatest(null);
    announce(t('conflict.rebased'));
  };
  const reload = async () => {
    try {
      const current = latest ?? (await fetchCurrent());
      adopt(current);
      setLatest(null);
      announce(t('conflict.reloaded'));
    } catch (e) {
      announce(toApiError(e).userMessage);
    }
  };

  const typedStarts = MONTHS.map((m) => Number(form.values[startsField(m)].trim() || 0));
  const typedCost = MONTHS.map((m) => parseEuroCents(form.values[costField(m)]) ?? 0);
  const startsSum = typedStarts.every(Number.isFinite) ? typedStarts.reduce((a, b) => a + b, 0) : null;
  const costSum = typedCost.reduce((a, b) => a + b, 0);

  return (
    <section className="card planning-plan-editor" aria-labelledby="plan-editor-title">
      <h3 id="plan-editor-title">{t('planning.editorTitle', { label: plan.label, year })}</h3>
      <p className="field-hint" id="plan-editor-hint">
        {t('planning.editorHint')}
      </p>
      <CaseFormFrame
        form={form}
        fields={fields}
        onSubmit={onSubmit}
        submitLabel={t('planning.saveTargets')}
        labelledBy="plan-editor-title"
        conflictText={changed.length > 0 ? t('planning.conflictMonths', { months: changed.join(', ') }) : t('planning.conflictText')}
        onConflictReload={() => void reload()}
        onConflictKeepEditing={keepEditing}
      >
        <div className="table-wrap">
          <table className="data-table planning-plan-grid">
            <caption className="visually-hidden">{t('planning.editorCaption', { label: plan.label, year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planning.month')}</th>
                <th scope="col" className={NUM}>
                  {t('planning.colTargetStarts')}
                </th>
                <th scope="col" className={NUM}>
                  {t('planning.colActualStarts')}
                </th>
                <th scope="col" className={NUM}>
                  {t('planning.colTargetCostEuro')}
                </th>
                <th scope="col" className={NUM}>
                  {t('planning.colActualCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {MONTHS.map((m) => {
                const actual = plan.months.find((x) => x.month === m);
                return (
                  <tr key={m}>
                    <th scope="row">{monthName(m)}</th>
                    <td className={NUM}>
                      <GridInput field={startsField(m)} meta={fields[startsField(m)]} form={form} inputMode="numeric" />
                    </td>
                    <td className={NUM}>
                      <Cell cell={actual?.actualStarts} />
                    </td>
                    <td className={NUM}>
                      <GridInput field={costField(m)} meta={fields[costField(m)]} form={form} inputMode="decimal" />
                    </td>
                    <td className={NUM}>
                      {actual?.actualCostCents === null || !actual ? t('common.none') : formatEuro(actual.actualCostCents)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('planning.yearSum')}</th>
                <td className={NUM}>{startsSum === null ? t('common.none') : formatCount(startsSum)}</td>
                <td />
                <td className={NUM}>{formatEuro(costSum)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </CaseFormFrame>
    </section>
  );
}

function GridInput({
  field,
  meta,
  form,
  inputMode,
}: {
  field: PlanField;
  meta: { id: string; label: string } | undefined;
  form: CaseForm<PlanValues>;
  inputMode: 'numeric' | 'decimal';
}) {
  if (!meta) return null;
  const error = form.err(field);
  return (
    <div className={`planning-grid-field${error ? ' field--invalid' : ''}`}>
      <label className="visually-hidden" htmlFor={meta.id}>
        {meta.label}
      </label>
      <input
        id={meta.id}
        name={meta.id}
        className="input planning-grid-input"
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={form.values[field]}
        onChange={(e) => form.set(field)(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${meta.id}-error plan-editor-hint` : 'plan-editor-hint'}
      />
      {error ? (
        <p className="field-error" id={`${meta.id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}
