import { z } from 'zod';
import { pageInfo } from './common';

export const readPurposeSchema = z.enum([
  'view',
  'search',
  'household',
  'edit',
  'case',
  'special_category',
  'referral',
  'provider_portal',
  'statistics',
]);

export const changeLogEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    entity: z.string(),
    entityId: z.uuid(),
    action: z.enum(['create', 'update', 'delete']),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'ChangeLogEntry' });

export const readLogEntry = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    personId: z.uuid(),
    personName: z.string().nullable(),
    purpose: readPurposeSchema,
    hash: z.string(),
  })
  .meta({ id: 'ReadLogEntry' });

export const auditListQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  personId: z.uuid().optional(),
});

export const changeLogPage = z.object({ items: z.array(changeLogEntry), page: pageInfo }).meta({ id: 'ChangeLogPage' });
export const readLogPage = z.object({ items: z.array(readLogEntry), page: pageInfo }).meta({ id: 'ReadLogPage' });

export const auditVerification = z
  .object({
    log: z.enum(['change', 'read']),
    entries: z.number().int(),
    intact: z.boolean(),
    firstBrokenSeq: z.number().int().nullable(),
    checkedAt: z.string(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.infer<typeof auditVerification>;
