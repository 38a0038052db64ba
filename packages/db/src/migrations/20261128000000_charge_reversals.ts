import { type Kysely, sql } from 'kysely';

/**
 * Corrections of charges (docs/api-planning.md): charges stay append-only; a wrong charge is cancelled
 * by a reversal (Storno), a charge of the negated units and amount for the same referral and service
 * month that names the charge it reverses and why. A charge is reversed at most once (unique index),
 * a reversal itself is never reversed (it is recorded anew instead).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table referral_charges
    add column reverses_charge_id uuid,
    add column reason text,
    add foreign key (tenant_id, reverses_charge_id) references referral_charges(tenant_id, id),
    drop constraint referral_charges_units_check,
    drop constraint referral_charges_amount_cents_check,
    add constraint referral_charges_sign check (
      (reverses_charge_id is null and units > 0 and amount_cents >= 0 and reason is null)
      or (reverses_charge_id is not null and units < 0 and amount_cents <= 0 and length(trim(reason)) > 0))`.execute(db);
  await sql`create unique index referral_charges_reversed_once on referral_charges (tenant_id, reverses_charge_id)
    where reverses_charge_id is not null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Charge reversals cannot be reverted; restore a backup instead.');
}
