import type { BarrierType } from '@lotse/contracts';
import { BARRIER_PHASE_LABELS_DE, BARRIER_PHASES, SERVICE_TYPE_LABELS_DE, SERVICE_TYPES } from '@lotse/domain';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldErrors } from '../../lib/validation';
import type { FieldSpec } from '../users/UserCreatePage';

export interface BarrierTypeValues {
  label: string;
  code: string;
  phase: string;
  description: string;
  specialCategory: boolean;
  serviceTypes: string[];
  sortOrder: string;
  active: boolean;
}

export const EMPTY_BARRIER_TYPE: BarrierTypeValues = {
  label: '',
  code: '',
  phase: '',
  description: '',
  specialCategory: false,
  serviceTypes: [],
  sortOrder: '',
  active: true,
};

export const barrierTypeToValues = (b: BarrierType): BarrierTypeValues => ({
  label: b.label,
  code: b.code,
  phase: b.phase,
  description: b.description ?? '',
  specialCategory: b.specialCategory,
  serviceTypes: SERVICE_TYPES.filter((s) => b.serviceTypes.includes(s)),
  sortOrder: String(b.sortOrder),
  active: b.active,
});

/** Form fields in screen order: error summary entries jump to these ids. */
export const BARRIER_TYPE_FIELDS: (FieldSpec & { field: keyof BarrierTypeValues })[] = [
  { field: 'label', id: 'bt-label', label: 'admin.fieldLabel' },
  { field: 'code', id: 'bt-code', label: 'admin.fieldCode' },
  { field: 'phase', id: 'bt-phase', label: 'admin.fieldPhase' },
  { field: 'description', id: 'bt-description', label: 'admin.fieldDescription' },
  { field: 'specialCategory', id: 'bt-special', label: 'admin.fieldSpecial' },
  { field: 'serviceTypes', id: 'bt-services', label: 'admin.fieldServiceTypes' },
  { field: 'sortOrder', id: 'bt-sortOrder', label: 'admin.fieldSortOrder' },
  { field: 'active', id: 'bt-active', label: 'admin.fieldActive' },
];

/** `''` → undefined (server default), a whole number 0–10000 → that number, anything else → 'invalid'. */
export function parseSortOrder(value: string): number | undefined | 'invalid' {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d{1,5}$/.test(v)) return 'invalid';
  const n = Number(v);
  return n <= 10000 ? n : 'invalid';
}

const SERVICE_OPTIONS = SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS_DE[s] }));

export function BarrierTypeFields({
  mode,
  values,
  onChange,
  errors,
}: {
  mode: 'create' | 'edit';
  values: BarrierTypeValues;
  onChange: (patch: Partial<BarrierTypeValues>) => void;
  errors: FieldErrors;
}) {
  return (
    <>
      <TextField
        id="bt-label"
        label={t('admin.fieldLabel')}
        hint={t('admin.fieldLabelHint')}
        value={values.label}
        onChange={(label) => onChange({ label })}
        error={errors.label}
        required
        width="long"
        maxLength={200}
        autoComplete="off"
      />
      {mode === 'create' ? (
        <TextField
          id="bt-code"
          label={t('admin.fieldCode')}
          hint={t('admin.fieldCodeHint')}
          value={values.code}
          onChange={(code) => onChange({ code })}
          error={errors.code}
          required
          maxLength={50}
          autoComplete="off"
          spellCheck={false}
        />
      ) : (
        <div className="field">
          <p className="field-label">{t('admin.fieldCodeFixed')}</p>
          <p>
            <code>{values.code}</code>
          </p>
        </div>
      )}
      <SelectField
        id="bt-phase"
        label={t('admin.fieldPhase')}
        hint={t('admin.fieldPhaseHint')}
        value={values.phase}
        onChange={(phase) => onChange({ phase })}
        error={errors.phase}
        required
        width="long"
        options={[
          ...(mode === 'create' ? [{ value: '', label: t('form.choose') }] : []),
          ...BARRIER_PHASES.map((p) => ({ value: p, label: BARRIER_PHASE_LABELS_DE[p] })),
        ]}
      />
      <TextAreaField
        id="bt-description"
        label={`${t('admin.fieldDescription')} ${t('common.optional')}`}
        hint={t('admin.fieldDescriptionHint')}
        value={values.description}
        onChange={(description) => onChange({ description })}
        error={errors.description}
        maxLength={1000}
      />
      <CheckboxField
        id="bt-special"
        label={t('admin.fieldSpecial')}
        hint={t('admin.fieldSpecialHint')}
        checked={values.specialCategory}
        onChange={(specialCategory) => onChange({ specialCategory })}
        error={errors.specialCategory}
      />
      <CheckboxGroup
        id="bt-services"
        legend={t('admin.fieldServiceTypes')}
        hint={t('admin.fieldServiceTypesHint')}
        options={SERVICE_OPTIONS}
        values={values.serviceTypes}
        onChange={(serviceTypes) => onChange({ serviceTypes })}
        error={errors.serviceTypes}
      />
      <TextField
        id="bt-sortOrder"
        label={mode === 'create' ? `${t('admin.fieldSortOrder')} ${t('common.optional')}` : t('admin.fieldSortOrder')}
        hint={t('admin.fieldSortOrderHint')}
        required={mode === 'edit'}
        value={values.sortOrder}
        onChange={(sortOrder) => onChange({ sortOrder })}
        error={errors.sortOrder}
        width="short"
        inputMode="numeric"
        autoComplete="off"
      />
      {mode === 'edit' ? (
        <CheckboxField
          id="bt-active"
          label={t('admin.fieldActive')}
          hint={t('admin.fieldActiveHint')}
          checked={values.active}
          onChange={(active) => onChange({ active })}
          error={errors.active}
        />
      ) : null}
    </>
  );
}
