import { ROLES } from '@lotse/domain';
import { z } from 'zod';
import { requiredText } from './common';

export const roleSchema = z.enum(ROLES);

export const loginRequest = z.strictObject({
  username: requiredText(100),
  password: z.string().min(1).max(500),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionInfo = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(roleSchema),
      /** Set for provider staff: the provider whose portal they use. */
      providerId: z.uuid().nullable(),
    }),
    tenant: z.object({ id: z.uuid(), name: z.string(), carrierModel: z.enum(['gE', 'zkT']) }),
    csrfToken: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof sessionInfo>;
