import { createProviderRequest, type Provider, updateProviderRequest } from '@lotse/contracts';
import { TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { CreateProviderBody, UpdateProviderBody } from './api';
import { ActiveField, AddressRows, blankToNull, type FieldMap, type FormBinding, PhoneEmailRow, schemaProblems, textBinding } from './kit';

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
  const labels = providerLabels();
  const field = textBinding(form, 'provider');
  const optional = (label: string) => `${label} ${t('common.optional')}`;
  return (
    <>
      <TextField
        {...field('name')}
        label={labels.name}
        hint={t('cooperation.providerNameHint')}
        required
        width="long"
        maxLength={200}
        autoComplete="off"
      />
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.addressLegend')}</legend>
        <AddressRows field={field} postalCode={{ hint: t('cooperation.postalCodeHint'), maxLength: 5 }} />
      </fieldset>
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.contactLegend')}</legend>
        <TextField {...field('contactPerson')} label={optional(labels.contactPerson)} maxLength={200} autoComplete="off" />
        <PhoneEmailRow field={field} />
        <TextField
          {...field('website')}
          label={optional(labels.website)}
          hint={t('cooperation.websiteHint')}
          width="long"
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
        />
      </fieldset>
      {mode === 'edit' ? (
        <ActiveField form={form} id="provider-active" label={labels.active} hint={t('cooperation.providerActiveHint')} />
      ) : null}
    </>
  );
}
