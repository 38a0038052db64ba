import { z } from 'zod';
import { roleSchema } from './auth';
import { requiredText } from './common';

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleSchema),
    /** The provider a provider-staff user works for. */
    providerId: z.uuid().nullable(),
    /** The team of a staff member (needs planning and quality indicators by team). */
    teamId: z.uuid().nullable(),
    teamName: z.string().nullable(),
    disabled: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

const username = z
  .string()
  .trim()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9._-]+$/, 'Nur Kleinbuchstaben, Ziffern, Punkt, Binde- und Unterstrich.');
/** BSI-inspired minimum: long passwords instead of composition rules. */
const password = z.string().min(12).max(200);
const roles = z.array(roleSchema).min(1).max(9);

export const createUserRequest = z.strictObject({
  username,
  displayName: requiredText(120),
  email: z.email().max(200).nullable().optional(),
  roles,
  providerId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  password,
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.strictObject({
  displayName: requiredText(120).optional(),
  email: z.email().max(200).nullable().optional(),
  roles: roles.optional(),
  providerId: z.uuid().nullable().optional(),
  /** null leaves the team. */
  teamId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const userList = z.object({ items: z.array(userSchema) }).meta({ id: 'UserList' });

/** Staff a person can be assigned to as personal contact (§ 14 Abs. 3 SGB II). */
export const staffOption = z.object({ id: z.uuid(), displayName: z.string() });
export const staffList = z.object({ items: z.array(staffOption) });
