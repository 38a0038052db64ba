import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DemoCaseBarrier, DemoFollowUp, DemoPlanSubGoal } from './demo/cases';
import type { Database } from './schema';

/**
 * The demo loaders' bulk insert: per table one INSERT … SELECT FROM unnest(…) for all rows of a batch,
 * and the columns of the case tables that both the case and the cooperation loader write.
 */

/** One column of a bulk insert: the value per row, its array type for unnest and the cast into the column. */
export type Column<T> = readonly [name: string, type: string, pick: (row: T) => unknown, cast?: string];

/** INSERT INTO table (tenant_id, …) SELECT tenant, … FROM unnest($1::type[], …): one statement for all rows. */
export function bulkInsert<T>(
  trx: Kysely<Database>,
  table: string,
  tenantId: string,
  rows: readonly T[],
  columns: ReadonlyArray<Column<T>>,
) {
  if (rows.length === 0) return Promise.resolve();
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const selected = sql.raw(columns.map(([name, , , cast]) => (cast ? `u.${name}::${cast}` : `u.${name}`)).join(', '));
  const arrays: RawBuilder<unknown>[] = columns.map(([, type, pick]) => sql`${rows.map(pick)}::${sql.raw(type)}[]`);
  return sql`
    insert into ${sql.table(table)} (tenant_id, ${names})
    select ${tenantId}::uuid, ${selected}
    from unnest(${sql.join(arrays)}) as u(${names})`.execute(trx);
}

export const json = (value: unknown) => JSON.stringify(value);

/**
 * text[]/uuid[] per row as an array literal (cast in the column): unnest cannot take ragged
 * two-dimensional arrays. Only codes and ids, no quoting needed.
 */
export const arrayLiteral = (values: readonly string[]) => `{${values.join(',')}}`;

export const CASE_BARRIER_COLUMNS: ReadonlyArray<Column<DemoCaseBarrier>> = [
  ['id', 'uuid', (b) => b.id],
  ['case_id', 'uuid', (b) => b.caseId],
  ['barrier_type_id', 'uuid', (b) => b.barrierTypeId],
  ['severity', 'text', (b) => b.severity],
  ['recorded_on', 'date', (b) => b.recordedOn],
  ['recorded_by', 'uuid', (b) => b.recordedBy],
  ['priority', 'int4', (b) => b.priority],
  ['indicators', 'text', (b) => json(b.indicators), 'jsonb'],
  ['note', 'text', (b) => b.note],
  ['status', 'text', (b) => b.status],
  ['created_at', 'timestamptz', (b) => b.createdAt],
  ['updated_at', 'timestamptz', (b) => b.updatedAt],
];

export const PLAN_SUBGOAL_COLUMNS: ReadonlyArray<Column<DemoPlanSubGoal>> = [
  ['id', 'uuid', (s) => s.id],
  ['case_id', 'uuid', (s) => s.caseId],
  ['goal_id', 'uuid', (s) => s.goalId],
  ['title', 'text', (s) => s.title],
  ['owner_kind', 'text', (s) => s.ownerKind],
  ['owner_note', 'text', (s) => s.ownerNote],
  ['due_on', 'date', (s) => s.dueOn],
  ['status', 'text', (s) => s.status],
  ['review_note', 'text', (s) => s.reviewNote],
  ['created_at', 'timestamptz', (s) => s.createdAt],
  ['updated_at', 'timestamptz', (s) => s.updatedAt],
];

export const FOLLOW_UP_COLUMNS: ReadonlyArray<Column<DemoFollowUp>> = [
  ['id', 'uuid', (f) => f.id],
  ['case_id', 'uuid', (f) => f.caseId],
  ['title', 'text', (f) => f.title],
  ['due_on', 'date', (f) => f.dueOn],
  ['owner_id', 'uuid', (f) => f.ownerId],
  ['done_on', 'date', (f) => f.doneOn],
  ['done_by', 'uuid', (f) => f.doneBy],
  ['created_at', 'timestamptz', (f) => f.createdAt],
  ['updated_at', 'timestamptz', (f) => f.updatedAt],
];
