import { SEX_LABELS_DE, SEXES } from '@lotse/domain';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/client';
import type { StaffOption } from '../../api/endpoints';
import * as api from '../../api/endpoints';
import { ErrorSummary, focusFirstInvalid, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxField, FormSection, SelectField, TextField } from '../../components/FormField';
import { ProblemAlert } from '../../components/Page';
import { t } from '../../i18n';
import { languageName } from '../../lib/format';
import type { FieldErrors } from '../../lib/validation';
import { LANGUAGE_CODES, PERSON_FIELDS, type PersonField, type PersonFormValues, personFieldId } from './personForm';

export interface SubmitOutcome {
  fieldErrors?: FieldErrors;
  error?: ApiError | null;
}

interface PersonFormProps {
  initial: PersonFormValues;
  submitLabel: string;
  /** Validates and saves; returns the problems to show (the form keeps the typed input either way). */
  onSubmit: (values: PersonFormValues) => Promise<SubmitOutcome | undefined>;
  onCancel: () => void;
  /** The current contact, also when no longer in the staff list. */
  currentContact?: StaffOption | null;
  /** Shown above the form (e.g. the conflict banner). */
  banner?: ReactNode;
  /** Increase to move focus to the first field (e.g. after "Weiter bearbeiten"). */
  focusRequest?: number;
  /**
   * After a conflict: move the typed input onto a newer version. Fields still equal to `from` take the
   * value of `to`; fields the user changed keep the typed value.
   */
  rebase?: Rebase | null;
}

export interface Rebase {
  id: number;
  from: PersonFormValues;
  to: PersonFormValues;
}

export function rebaseValues(values: PersonFormValues, from: PersonFormValues, to: PersonFormValues): PersonFormValues {
  const next = { ...values } as Record<PersonField, unknown>;
  for (const key of Object.keys(to) as PersonField[]) {
    if (values[key] === from[key]) next[key] = to[key];
  }
  return next as unknown as PersonFormValues;
}

function useStaff(): { staff: StaffOption[]; failed: boolean } {
  const [staff, setStaff] = useState<StaffOption[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    api
      .listStaff(controller.signal)
      .then((list) => setStaff(list.items))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, []);
  return { staff, failed };
}

export function PersonForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  currentContact,
  banner,
  focusRequest = 0,
  rebase,
}: PersonFormProps) {
  const [values, setValues] = useState<PersonFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const { staff, failed: staffFailed } = useStaff();

  useEffect(() => {
    if (focusTick > 0) focusFirstInvalid(formRef.current);
  }, [focusTick]);

  const rebaseRef = useRef(rebase);
  rebaseRef.current = rebase;
  const rebaseId = rebase?.id ?? 0;
  useEffect(() => {
    const r = rebaseRef.current;
    if (rebaseId > 0 && r) setValues((v) => rebaseValues(v, r.from, r.to));
  }, [rebaseId]);

  useEffect(() => {
    if (focusRequest > 0) document.getElementById(personFieldId('customerNumber'))?.focus();
  }, [focusRequest]);

  const set =
    <K extends PersonField>(field: K) =>
    (value: PersonFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setGeneralError(null);
    try {
      const outcome = await onSubmit(values);
      const fieldErrors = outcome?.fieldErrors ?? {};
      setErrors(fieldErrors);
      setGeneralError(outcome?.error ?? null);
      if (Object.keys(fieldErrors).length) setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const err = (field: PersonField) => errors[field];
  const id = personFieldId;

  const summary: SummaryItem[] = [
    ...PERSON_FIELDS.filter(({ field }) => errors[field]).map(({ field, label }) => ({
      fieldId: id(field),
      label: t(label),
      message: errors[field] as string,
    })),
    ...Object.entries(errors)
      .filter(([key]) => !PERSON_FIELDS.some((f) => f.field === key))
      .map(([, message]) => ({ message })),
  ];

  const staffOptions = [...staff];
  if (currentContact && !staffOptions.some((s) => s.id === currentContact.id)) staffOptions.unshift(currentContact);

  const languageCodes: string[] = [...LANGUAGE_CODES];
  if (values.preferredLanguage && !languageCodes.includes(values.preferredLanguage)) languageCodes.push(values.preferredLanguage);
  const languageOptions = [
    { value: '', label: t('common.notSpecified') },
    ...languageCodes
      .map((code) => ({ value: code, label: `${languageName(code)} (${code})` }))
      .sort((a, b) => (a.value === 'de' ? -1 : b.value === 'de' ? 1 : a.label.localeCompare(b.label, 'de'))),
  ];

  return (
    <>
      {banner}
      <ProblemAlert error={generalError} />
      <ErrorSummary items={summary} />
      <form ref={formRef} onSubmit={submit} noValidate className="form" aria-busy={busy || undefined}>
        <p className="muted">{t('form.requiredNote')}</p>
        <div className="form-grid">
          <FormSection legend={t('person.sectionMaster')}>
            <TextField
              id={id('customerNumber')}
              label={t('person.customerNumber')}
              hint={t('person.customerNumberHint')}
              value={values.customerNumber}
              onChange={set('customerNumber')}
              error={err('customerNumber')}
              required
              width="short"
              spellCheck={false}
              autoComplete="off"
            />
            <div className="field-row">
              <TextField
                id={id('firstName')}
                label={t('person.firstName')}
                value={values.firstName}
                onChange={set('firstName')}
                error={err('firstName')}
                required
                autoComplete="off"
              />
              <TextField
                id={id('lastName')}
                label={t('person.lastName')}
                value={values.lastName}
                onChange={set('lastName')}
                error={err('lastName')}
                required
                autoComplete="off"
              />
            </div>
            <div className="field-row">
              <TextField
                id={id('birthDate')}
                label={t('person.birthDate')}
                hint={t('person.birthDateHint')}
                value={values.birthDate}
                onChange={set('birthDate')}
                error={err('birthDate')}
                required
                width="short"
                inputMode="numeric"
                autoComplete="off"
              />
              <SelectField
                id={id('sex')}
                label={t('person.sex')}
                value={values.sex}
                onChange={(v) => set('sex')(v as PersonFormValues['sex'])}
                error={err('sex')}
                required
                width="short"
                options={[{ value: '', label: t('form.choose') }, ...SEXES.map((s) => ({ value: s, label: SEX_LABELS_DE[s] }))]}
              />
            </div>
          </FormSection>

          <FormSection legend={t('person.sectionContact')}>
            <TextField
              id={id('phone')}
              label={t('person.phone')}
              hint={t('person.phoneHint')}
              type="tel"
              value={values.phone}
              onChange={set('phone')}
              error={err('phone')}
              autoComplete="off"
            />
            <TextField
              id={id('email')}
              label={t('person.email')}
              type="email"
              value={values.email}
              onChange={set('email')}
              error={err('email')}
              width="long"
              autoComplete="off"
              spellCheck={false}
            />
          </FormSection>

          <FormSection legend={t('person.sectionAddress')}>
            <div className="field-row">
              <TextField
                id={id('street')}
                label={t('person.street')}
                value={values.street}
                onChange={set('street')}
                error={err('street')}
                autoComplete="off"
              />
              <TextField
                id={id('houseNumber')}
                label={t('person.houseNumber')}
                value={values.houseNumber}
                onChange={set('houseNumber')}
                error={err('houseNumber')}
                width="short"
                autoComplete="off"
              />
            </div>
            <div className="field-row">
              <TextField
                id={id('postalCode')}
                label={t('person.postalCode')}
                hint={t('person.postalCodeHint')}
                value={values.postalCode}
                onChange={set('postalCode')}
                error={err('postalCode')}
                width="short"
                inputMode="numeric"
                autoComplete="off"
              />
              <TextField
                id={id('city')}
                label={t('person.city')}
                value={values.city}
                onChange={set('city')}
                error={err('city')}
                autoComplete="off"
              />
            </div>
          </FormSection>

          <FormSection legend={t('person.sectionLanguage')}>
            <SelectField
              id={id('preferredLanguage')}
              label={t('person.preferredLanguage')}
              value={values.preferredLanguage}
              onChange={set('preferredLanguage')}
              error={err('preferredLanguage')}
              options={languageOptions}
            />
            <CheckboxField
              id={id('interpreterNeeded')}
              label={t('person.interpreterNeeded')}
              checked={values.interpreterNeeded}
              onChange={set('interpreterNeeded')}
              error={err('interpreterNeeded')}
            />
          </FormSection>

          <FormSection legend={t('person.flagsLegend')} hint={t('person.flagsHint')}>
            <CheckboxField
              id={id('singleParent')}
              label={t('person.singleParent')}
              checked={values.singleParent}
              onChange={set('singleParent')}
              error={err('singleParent')}
            />
            <CheckboxField
              id={id('refugee')}
              label={t('person.refugee')}
              checked={values.refugee}
              onChange={set('refugee')}
              error={err('refugee')}
            />
            <CheckboxField
              id={id('severeDisability')}
              label={t('person.severeDisability')}
              checked={values.severeDisability}
              onChange={set('severeDisability')}
              error={err('severeDisability')}
            />
          </FormSection>

          <FormSection legend={t('person.sectionPersonalContact')}>
            <SelectField
              id={id('personalContactId')}
              label={t('person.personalContact')}
              hint={staffFailed ? t('person.staffLoadFailed') : t('person.personalContactHint')}
              value={values.personalContactId}
              onChange={set('personalContactId')}
              error={err('personalContactId')}
              width="long"
              options={[
                { value: '', label: t('person.personalContactNone') },
                ...staffOptions.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
          </FormSection>
        </div>

        <div className="button-row form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          {busy ? (
            <span className="muted" role="status">
              {t('common.saving')}
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}
