/** The person form's values, their conversion to API requests and validation with the contract schemas. */
import {
  type CreatePersonRequest,
  createPersonRequest,
  type Person,
  type UpdatePersonRequest,
  updatePersonRequest,
} from '@lotse/contracts';
import { SEXES, type Sex } from '@lotse/domain';
import { type MessageKey, t } from '../../i18n';
import { formatDate, parseGermanDate, todayIso } from '../../lib/format';
import { type FieldErrors, validate } from '../../lib/validation';

export interface PersonFormValues {
  customerNumber: string;
  firstName: string;
  lastName: string;
  /** As typed: dd.mm.yyyy */
  birthDate: string;
  sex: Sex | '';
  phone: string;
  email: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  singleParent: boolean;
  refugee: boolean;
  severeDisability: boolean;
  personalContactId: string;
}

export type PersonField = keyof PersonFormValues;

/** Form order (for focus and the error summary) with the label of each field. */
export const PERSON_FIELDS: readonly { field: PersonField; label: MessageKey }[] = [
  { field: 'customerNumber', label: 'person.customerNumber' },
  { field: 'firstName', label: 'person.firstName' },
  { field: 'lastName', label: 'person.lastName' },
  { field: 'birthDate', label: 'person.birthDate' },
  { field: 'sex', label: 'person.sex' },
  { field: 'phone', label: 'person.phone' },
  { field: 'email', label: 'person.email' },
  { field: 'street', label: 'person.street' },
  { field: 'houseNumber', label: 'person.houseNumber' },
  { field: 'postalCode', label: 'person.postalCode' },
  { field: 'city', label: 'person.city' },
  { field: 'preferredLanguage', label: 'person.preferredLanguage' },
  { field: 'interpreterNeeded', label: 'person.interpreterNeeded' },
  { field: 'singleParent', label: 'person.singleParent' },
  { field: 'refugee', label: 'person.refugee' },
  { field: 'severeDisability', label: 'person.severeDisability' },
  { field: 'personalContactId', label: 'person.personalContact' },
];

export function personFieldId(field: string): string {
  return `person-${field}`;
}

export const emptyPersonForm: PersonFormValues = {
  customerNumber: '',
  firstName: '',
  lastName: '',
  birthDate: '',
  sex: '',
  phone: '',
  email: '',
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  preferredLanguage: '',
  interpreterNeeded: false,
  singleParent: false,
  refugee: false,
  severeDisability: false,
  personalContactId: '',
};

export function personToForm(p: Person): PersonFormValues {
  return {
    customerNumber: p.customerNumber,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: formatDate(p.birthDate),
    sex: p.sex,
    phone: p.phone ?? '',
    email: p.email ?? '',
    street: p.street ?? '',
    houseNumber: p.houseNumber ?? '',
    postalCode: p.postalCode ?? '',
    city: p.city ?? '',
    preferredLanguage: p.preferredLanguage ?? '',
    interpreterNeeded: p.interpreterNeeded,
    singleParent: p.singleParent,
    refugee: p.refugee,
    severeDisability: p.severeDisability,
    personalContactId: p.personalContact?.id ?? '',
  };
}

const orNull = (s: string): string | null => {
  const v = s.trim();
  return v === '' ? null : v;
};

/**
 * Converts typed values into request fields (trimmed, empty → null, date → ISO). A date that cannot
 * be read is reported here, because the schema only sees ISO dates.
 */
function toRequestFields(v: PersonFormValues): { fields: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let birthDate: string | undefined;
  if (v.birthDate.trim() === '') {
    errors.birthDate = t('validation.required');
  } else {
    const iso = parseGermanDate(v.birthDate);
    if (!iso) errors.birthDate = t('validation.date');
    else if (iso > todayIso()) errors.birthDate = t('validation.dateFuture');
    else birthDate = iso;
  }
  if (v.sex === '' || !(SEXES as readonly string[]).includes(v.sex)) errors.sex = t('validation.choose');
  const fields: Record<string, unknown> = {
    customerNumber: v.customerNumber.trim().toUpperCase(),
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate,
    sex: v.sex === '' ? undefined : v.sex,
    phone: orNull(v.phone),
    email: orNull(v.email),
    street: orNull(v.street),
    houseNumber: orNull(v.houseNumber),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
    preferredLanguage: orNull(v.preferredLanguage),
    interpreterNeeded: v.interpreterNeeded,
    singleParent: v.singleParent,
    refugee: v.refugee,
    severeDisability: v.severeDisability,
    personalContactId: orNull(v.personalContactId),
  };
  return { fields, errors };
}

export type PersonValidation<T> = { ok: true; request: T } | { ok: false; errors: FieldErrors };

export function validateCreate(values: PersonFormValues): PersonValidation<CreatePersonRequest> {
  const { fields, errors } = toRequestFields(values);
  // Leave out empty optional fields on create.
  const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
  const result = validate(createPersonRequest, body);
  const all = { ...(result.ok ? {} : result.errors), ...errors };
  if (!result.ok || Object.keys(errors).length) return { ok: false, errors: all };
  return { ok: true, request: result.data };
}

/** Only the fields that differ from the loaded person (SPEC: send only changed fields). */
export function validateUpdate(
  values: PersonFormValues,
  initial: PersonFormValues,
): PersonValidation<UpdatePersonRequest> & { changed?: boolean } {
  const current = toRequestFields(values);
  const before = toRequestFields(initial);
  const diff: Record<string, unknown> = {};
  const dateError = current.errors.birthDate;
  for (const [key, value] of Object.entries(current.fields)) {
    if (key === 'birthDate' && dateError) continue;
    if (JSON.stringify(value) !== JSON.stringify(before.fields[key])) diff[key] = value;
  }
  const errors: FieldErrors = {};
  if (dateError && values.birthDate !== initial.birthDate) errors.birthDate = dateError;
  if (current.errors.sex && values.sex !== initial.sex) errors.sex = current.errors.sex;
  const result = validate(updatePersonRequest, diff);
  const all = { ...(result.ok ? {} : result.errors), ...errors };
  if (!result.ok || Object.keys(errors).length) return { ok: false, errors: all };
  return { ok: true, request: result.data, changed: Object.keys(result.data).length > 0 };
}

/** Common languages in German Jobcenters (ISO 639-1); any other code of a person is added on the fly. */
export const LANGUAGE_CODES = [
  'de',
  'ar',
  'bg',
  'bs',
  'en',
  'fa',
  'fr',
  'hr',
  'it',
  'ku',
  'pl',
  'ps',
  'ro',
  'ru',
  'sq',
  'so',
  'sr',
  'es',
  'ti',
  'tr',
  'uk',
  'vi',
] as const;
