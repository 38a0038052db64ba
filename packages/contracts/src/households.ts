import { z } from 'zod';
import { householdRoleSchema } from './persons';

const householdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{5}BG\d{7}$/, 'Format: fünf Ziffern, BG, sieben Ziffern (z. B. 12301BG0004711).');

export const householdMemberInput = z.strictObject({ personId: z.uuid(), role: householdRoleSchema });

const members = z
  .array(householdMemberInput)
  .min(1)
  .max(30)
  .refine((m) => m.filter((x) => x.role === 'applicant').length === 1, {
    message: 'Genau ein Mitglied muss Antragsteller/in sein.',
  })
  .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, { message: 'Jede Person darf nur einmal Mitglied sein.' });

export const createHouseholdRequest = z.strictObject({ number: householdNumber, members });
export type CreateHouseholdRequest = z.infer<typeof createHouseholdRequest>;

export const updateHouseholdRequest = z.strictObject({ number: householdNumber.optional(), members: members.optional() });
export type UpdateHouseholdRequest = z.infer<typeof updateHouseholdRequest>;

export const householdSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    members: z.array(
      z.object({
        personId: z.uuid(),
        role: householdRoleSchema,
        customerNumber: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        birthDate: z.string(),
      }),
    ),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Household' });
export type Household = z.infer<typeof householdSchema>;
