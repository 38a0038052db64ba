import { createProviderRequest, type Provider, updateProviderRequest } from '@lotse/contracts';
import { CheckboxField, TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { CreateProviderBody, UpdateProviderBody } from './api';
import { blankToNull, type FieldMap, type FormBinding, schemaProblems } from './kit';

export interface ProviderValues {
  name: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
  contactPerson: string;
  active: boolean;
}

export const EMPTY_PROVIDER: ProviderValues = {
  name: '',
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
  website: '',
  contactPerson: '',
  active: true,
};

export const providerValues = (p: Provider): ProviderValues => ({
  name: p.name,
  street: p.street ?? '',
  houseNumber: p.houseNumber ?? '',
  postalCode: p.postalCode ?? '',
  city: p.city ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  website: p.website ?? '',
  contactPerson: p.contactPerson ?? '',
  active: p.active,
});

const TEXT_KEYS = ['street', 'houseNumber', 'postalCode', 'city', 'phone', 'email', 'website', 'contactPerson'] as const;

export function providerLabels(): Record<keyof ProviderValues, string> {
  return {
    name: t('cooperation.providerName'),
    street: t('cooperation.street'),
    houseNumber: t('cooperation.houseNumber'),
    postalCode: t('cooperation.postalCode'),
    city: t('cooperation.city'),
    contactPerson: t('cooperation.contactPerson'),
    phone: t('cooperation.phone'),
    email: t('cooperation.email'),
    website: t('cooperation.website'),
    active: t('cooperation.providerActive'),
  };
}

export function providerFieldMap(): FieldMap {
  const labels = providerLabels();
  const map: FieldMap = {};
  for (const key of Object.keys(labels) as (keyof ProviderValues)[]) map[key] = { id: `provider-${key}`, label: labels[key] };
  return map;
}

export function providerCreateBody(v: ProviderValues): { body: CreateProviderBody; problems: FieldProblem[] } {
  const body: CreateProviderBody = { name: v.name.trim() };
  for (const key of TEXT_KEYS) body[key] = blankToNull(v[key]);
  return { body, problems: schemaProblems(createProviderRequest, body) };
}

/** Only what changed against `base`: the server keeps the rest. */
export function providerUpdateBody(v: ProviderValues, base: ProviderValues): { body: UpdateProviderBody; problems: FieldProblem[] } {
  const body: UpdateProviderBody = {};
  if (v.name.trim() !== base.name.trim()) body.name = v.name.trim();
  for (const key of TEXT_KEYS) if (v[key].trim() !== base[key].trim()) body[key] = blankToNull(v[key]);
  if (v.active !== base.active) body.active = v.active;
  return { body, problems: schemaProblems(updateProviderRequest, body) };
}

export function ProviderFields({ form, mode }: { form: FormBinding<ProviderValues>; mode: 'create' | 'edit' }) {
  const { values, set, err } = form;
  const labels = providerLabels();
  const optional = (label: string) => `${label} ${t('common.optional')}`;
  return (
    <>
      <TextField
        id="provider-name"
        label={labels.name}
        hint={t('cooperation.providerNameHint')}
        value={values.name}
        onChange={set('name')}
        error={err('name')}
        required
        width="long"
        maxLength={200}
        autoComplete="off"
      />
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.addressLegend')}</legend>
        <div className="field-row">
          <TextField
            id="provider-street"
            label={optional(labels.street)}
            value={values.street}
            onChange={set('street')}
            error={err('street')}
            maxLength={200}
            autoComplete="off"
          />
          <TextField
            id="provider-houseNumber"
            label={optional(labels.houseNumber)}
            value={values.houseNumber}
            onChange={set('houseNumber')}
            error={err('houseNumber')}
            width="short"
            maxLength={20}
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField
            id="provider-postalCode"
            label={optional(labels.postalCode)}
            hint={t('cooperation.postalCodeHint')}
            value={values.postalCode}
            onChange={set('postalCode')}
            error={err('postalCode')}
            width="short"
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
          />
          <TextField
            id="provider-city"
            label={optional(labels.city)}
            value={values.city}
            onChange={set('city')}
            error={err('city')}
            maxLength={100}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.contactLegend')}</legend>
        <TextField
          id="provider-contactPerson"
          label={optional(labels.contactPerson)}
          value={values.contactPerson}
          onChange={set('contactPerson')}
          error={err('contactPerson')}
          maxLength={200}
          autoComplete="off"
        />
        <div className="field-row">
          <TextField
            id="provider-phone"
            label={optional(labels.phone)}
            type="tel"
            value={values.phone}
            onChange={set('phone')}
            error={err('phone')}
            maxLength={40}
            autoComplete="off"
          />
          <TextField
            id="provider-email"
            label={optional(labels.email)}
            type="email"
            value={values.email}
            onChange={set('email')}
            error={err('email')}
            width="long"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <TextField
          id="provider-website"
          label={optional(labels.website)}
          hint={t('cooperation.websiteHint')}
          value={values.website}
          onChange={set('website')}
          error={err('website')}
          width="long"
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
        />
      </fieldset>
      {mode === 'edit' ? (
        <CheckboxField
          id="provider-active"
          label={labels.active}
          hint={t('cooperation.providerActiveHint')}
          checked={values.active}
          onChange={set('active')}
          error={err('active')}
        />
      ) : null}
    </>
  );
}
