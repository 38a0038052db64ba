import { z } from 'zod';

export const uuid = z.uuid();
export const isoDate = z.iso.date();
/** A bounded single-line text; trimmed. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`.' });
export type Problem = z.infer<typeof problemSchema>;

export const cursorPageQuery = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
};

export const pageInfo = z.object({ nextCursor: z.string().nullable() });

export const idParams = z.strictObject({ id: uuid });
