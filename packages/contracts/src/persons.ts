import { HOUSEHOLD_ROLES, SEXES } from '@lotse/domain';
import { z } from 'zod';
import { isoDate, pageInfo, requiredText, text } from './common';

export const sexSchema = z.enum(SEXES);
export const householdRoleSchema = z.enum(HOUSEHOLD_ROLES);
export const targetGroupSchema = z.enum(['u25', 'ue50', 'single_parent', 'refugee', 'severe_disability']);

const customerNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{3}D\d{6}$/, 'Format: drei Ziffern, D, sechs Ziffern (z. B. 123D456789).');
const postalCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, 'Fünf Ziffern.');
const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[+\d][\d ()/-]*$/, 'Nur Ziffern, Leerzeichen und + ( ) / -.');
const languageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2}$/, 'Sprachcode nach ISO 639-1, z. B. de, tr, ar.');

/** Fields a case worker edits. Optional text fields accept null to clear them. */
const personFields = {
  customerNumber,
  firstName: requiredText(100),
  lastName: requiredText(100),
  birthDate: isoDate,
  sex: sexSchema,
  phone: phone.nullable(),
  email: z.email().max(200).nullable(),
  street: text(120).nullable(),
  houseNumber: text(20).nullable(),
  postalCode: postalCode.nullable(),
  city: text(100).nullable(),
  preferredLanguage: languageCode.nullable(),
  interpreterNeeded: z.boolean(),
  singleParent: z.boolean(),
  refugee: z.boolean(),
  severeDisability: z.boolean(),
  personalContactId: z.uuid().nullable(),
};

export const createPersonRequest = z.strictObject({
  ...personFields,
  phone: personFields.phone.optional(),
  email: personFields.email.optional(),
  street: personFields.street.optional(),
  houseNumber: personFields.houseNumber.optional(),
  postalCode: personFields.postalCode.optional(),
  city: personFields.city.optional(),
  preferredLanguage: personFields.preferredLanguage.optional(),
  interpreterNeeded: personFields.interpreterNeeded.default(false),
  singleParent: personFields.singleParent.default(false),
  refugee: personFields.refugee.default(false),
  severeDisability: personFields.severeDisability.default(false),
  personalContactId: personFields.personalContactId.optional(),
});
export type CreatePersonRequest = z.infer<typeof createPersonRequest>;

export const updatePersonRequest = z.strictObject(personFields).partial();
export type UpdatePersonRequest = z.infer<typeof updatePersonRequest>;

export const personSchema = z
  .object({
    id: z.uuid(),
    customerNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string(),
    sex: sexSchema,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    street: z.string().nullable(),
    houseNumber: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    preferredLanguage: z.string().nullable(),
    interpreterNeeded: z.boolean(),
    singleParent: z.boolean(),
    refugee: z.boolean(),
    severeDisability: z.boolean(),
    targetGroups: z.array(targetGroupSchema),
    personalContact: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    household: z.object({ id: z.uuid(), number: z.string(), role: householdRoleSchema }).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof personSchema>;

export const personSearchRequest = z.strictObject({
  query: z.string().trim().min(2).max(200),
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type PersonSearchRequest = z.infer<typeof personSearchRequest>;

export const personSummary = z
  .object({
    id: z.uuid(),
    customerNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummary>;

export const personSearchResult = z.object({ items: z.array(personSummary), page: pageInfo }).meta({ id: 'PersonSearchResult' });
export type PersonSearchResult = z.infer<typeof personSearchResult>;
