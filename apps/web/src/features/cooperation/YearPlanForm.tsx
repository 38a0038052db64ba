import type { Offer } from '@lotse/contracts';
import { useState } from 'react';
import { ApiError, etagFromVersion, toApiError } from '../../api/client';
import { TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import { CaseFormFrame, type FieldProblem, TextAreaField, useCaseForm } from '../cases/caseFormKit';
import * as costs from './costsApi';
import { centsToInput, parseEuroCents, wholeInRange } from './kit';
import { decimalToInput, parsePercent } from './moneyInput';

interface YearPlanValues {
  plannedCases: string;
  plannedCost: string;
  actualCost: string;
  sgb2SharePercent: string;
  note: string;
}

const MAX_CENTS = 100_000_000_000;

function valuesOf(plan: costs.OfferYearPlan | null): YearPlanValues {
  if (!plan) return { plannedCases: '', plannedCost: '', actualCost: '', sgb2SharePercent: '100', note: '' };
  return {
    plannedCases: plan.plannedCases === null ? '' : String(plan.plannedCases),
    plannedCost: centsToInput(plan.plannedCostCents),
    actualCost: centsToInput(plan.actualCostCents),
    sgb2SharePercent: decimalToInput(plan.sgb2SharePercent),
    note: plan.note ?? '',
  };
}

const FIELD_IDS = {
  plannedCases: 'year-plan-planned-cases',
  plannedCostCents: 'year-plan-planned-cost',
  actualCostCents: 'year-plan-actual-cost',
  sgb2SharePercent: 'year-plan-sgb2',
  note: 'year-plan-note',
} as const;

function fieldMap() {
  return {
    plannedCases: { id: FIELD_IDS.plannedCases, label: t('cooperation.yearPlanPlannedCases') },
    plannedCostCents: { id: FIELD_IDS.plannedCostCents, label: t('cooperation.yearPlanPlannedCost') },
    actualCostCents: { id: FIELD_IDS.actualCostCents, label: t('cooperation.yearPlanActualCost') },
    sgb2SharePercent: { id: FIELD_IDS.sgb2SharePercent, label: t('cooperation.yearPlanSgb2Share') },
    note: { id: FIELD_IDS.note, label: t('cooperation.yearPlanNote') },
  };
}

/** The typed values as the request body, with German problems under the API's field names. */
export function yearPlanBody(v: YearPlanValues): { body: costs.PutYearPlanBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const plannedCases = wholeInRange(problems, 'plannedCases', v.plannedCases, { min: 0, max: 1_000_000 });
  const euro = (field: string, value: string, required: boolean): number | null => {
    const cents = parseEuroCents(value);
    if (cents === undefined) {
      if (required) problems.push({ field, message: t('validation.required') });
      return null;
    }
    if (cents === null || cents > MAX_CENTS) {
      problems.push({ field, message: t('cooperation.euroInvalid') });
      return null;
    }
    return cents;
  };
  const plannedCostCents = euro('plannedCostCents', v.plannedCost, true);
  const actualCostCents = euro('actualCostCents', v.actualCost, false);
  const share = parsePercent(v.sgb2SharePercent);
  if (share === undefined) problems.push({ field: 'sgb2SharePercent', message: t('validation.required') });
  else if (share === null) problems.push({ field: 'sgb2SharePercent', message: t('cooperation.percentInvalid') });
  if (v.note.trim().length > 1000) problems.push({ field: 'note', message: t('validation.tooLong', { max: 1000 }) });
  return {
    body: {
      plannedCases: plannedCases ?? null,
      plannedCostCents: plannedCostCents ?? 0,
      actualCostCents,
      sgb2SharePercent: typeof share === 'number' ? share : 0,
      note: v.note.trim() || null,
    },
    problems,
  };
}

/**
 * The year plan's form: creates the plan (PUT without If-Match) or replaces it with the version it
 * was based on. When someone else saved in between (412, or 428 for a plan created meanwhile), the
 * typed input stays and the conflict banner offers to keep editing or to load the current plan.
 */
export function YearPlanForm(props: {
  offer: Offer;
  year: number;
  plan: costs.OfferYearPlan | null;
  reload: () => Promise<costs.OfferYearPlan | null>;
  onSaved: (plan: costs.OfferYearPlan) => void;
}) {
  const { offer, year } = props;
  const announce = useAnnounce();
  const form = useCaseForm<YearPlanValues>(() => valuesOf(props.plan));
  const [version, setVersion] = useState<number | null>(props.plan?.version ?? null);
  const [latest, setLatest] = useState<costs.OfferYearPlan | null>(null);
  const headingId = 'year-plan-form-heading';
  const field = (key: keyof YearPlanValues, apiField: keyof typeof FIELD_IDS) => ({
    id: FIELD_IDS[apiField],
    value: form.values[key],
    onChange: form.set(key),
    error: form.err(apiField),
  });

  const save = () => {
    const { body, problems } = yearPlanBody(form.values);
    void form.submit(
      () => problems,
      async () => {
        try {
          const res = await costs.putYearPlan(offer.id, year, body, version === null ? null : etagFromVersion(version));
          setVersion(res.data.version);
          form.reset(valuesOf(res.data));
          props.onSaved(res.data);
          announce(t('cooperation.yearPlanSaved', { year }));
        } catch (e) {
          const error = toApiError(e);
          // A plan someone created meanwhile (we sent no If-Match) is a conflict like a stale version.
          if (error.status === 428) throw new ApiError({ status: 412, code: 'PRECONDITION_FAILED', title: error.title });
          throw error;
        }
      },
      {
        onConflict: async () => {
          try {
            setLatest(await props.reload());
          } catch {
            setLatest(null);
          }
        },
      },
    );
  };

  return (
    <div className="offer-costs__form">
      <h4 id={headingId}>{props.plan ? t('cooperation.yearPlanEdit', { year }) : t('cooperation.yearPlanCreate', { year })}</h4>
      <CaseFormFrame
        form={form}
        fields={fieldMap()}
        onSubmit={save}
        submitLabel={t('cooperation.yearPlanSave')}
        labelledBy={headingId}
        conflictText={t('cooperation.yearPlanConflict')}
        onConflictReload={() => {
          form.reset(valuesOf(latest));
          setVersion(latest?.version ?? null);
          if (latest) props.onSaved(latest);
          setLatest(null);
        }}
        onConflictKeepEditing={() => {
          setVersion(latest?.version ?? null);
          if (latest) props.onSaved(latest);
          setLatest(null);
        }}
      >
        <div className="field-row">
          <TextField
            {...field('plannedCases', 'plannedCases')}
            label={`${t('cooperation.yearPlanPlannedCases')} ${t('common.optional')}`}
            hint={t('cooperation.yearPlanPlannedCasesHint')}
            width="short"
            inputMode="numeric"
            autoComplete="off"
          />
          <TextField
            {...field('plannedCost', 'plannedCostCents')}
            label={t('cooperation.yearPlanPlannedCost')}
            hint={t('cooperation.euroHint')}
            required
            width="short"
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField
            {...field('actualCost', 'actualCostCents')}
            label={`${t('cooperation.yearPlanActualCost')} ${t('common.optional')}`}
            hint={t('cooperation.yearPlanActualCostHint')}
            width="short"
            autoComplete="off"
          />
          <TextField
            {...field('sgb2SharePercent', 'sgb2SharePercent')}
            label={t('cooperation.yearPlanSgb2Share')}
            hint={t('cooperation.yearPlanSgb2ShareHint')}
            required
            width="short"
            autoComplete="off"
          />
        </div>
        <TextAreaField
          {...field('note', 'note')}
          label={`${t('cooperation.yearPlanNote')} ${t('common.optional')}`}
          hint={t('cooperation.yearPlanNoteHint')}
          rows={2}
          maxLength={1000}
        />
      </CaseFormFrame>
    </div>
  );
}
