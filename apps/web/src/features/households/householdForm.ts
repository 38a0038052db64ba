import {
  type CreateHouseholdRequest,
  createHouseholdRequest,
  type Household,
  type PersonSummary,
  type UpdateHouseholdRequest,
  updateHouseholdRequest,
} from '@lotse/contracts';
import type { HouseholdRole } from '@lotse/domain';
import { type FieldErrors, validate } from '../../lib/validation';

/** A member row in the editor: the role plus what is shown of the person. */
export interface MemberRow {
  personId: string;
  role: HouseholdRole;
  firstName: string;
  lastName: string;
  birthDate: string;
  customerNumber: string;
  /** Added in this edit, not saved yet. */
  isNew?: boolean;
}

export function membersOf(household: Household): MemberRow[] {
  return household.members.map((m) => ({ ...m }));
}

export function memberFromSummary(p: PersonSummary, role: HouseholdRole): MemberRow {
  return {
    personId: p.id,
    role,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    customerNumber: p.customerNumber,
    isNew: true,
  };
}

const toInput = (rows: MemberRow[]) => rows.map((m) => ({ personId: m.personId, role: m.role }));

export type HouseholdValidation<T> = { ok: true; request: T; changed: boolean } | { ok: false; errors: FieldErrors };

/** Only the changed parts (number and/or members) go into the PATCH body. */
export function validateHouseholdUpdate(
  number: string,
  rows: MemberRow[],
  household: Household,
): HouseholdValidation<UpdateHouseholdRequest> {
  const body: Record<string, unknown> = {};
  if (number.trim().toUpperCase() !== household.number) body.number = number;
  const members = toInput(rows);
  if (JSON.stringify(members) !== JSON.stringify(toInput(membersOf(household)))) body.members = members;
  const result = validate(updateHouseholdRequest, body);
  if (!result.ok) return result;
  return { ok: true, request: result.data, changed: Object.keys(body).length > 0 };
}

export function validateHouseholdCreate(number: string, rows: MemberRow[]): HouseholdValidation<CreateHouseholdRequest> {
  const result = validate(createHouseholdRequest, { number, members: toInput(rows) });
  if (!result.ok) return result;
  return { ok: true, request: result.data, changed: true };
}
