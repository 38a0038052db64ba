import { randomUUID } from 'node:crypto';
import type { CreateHouseholdRequest, Household, UpdateHouseholdRequest } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import { AppError } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { PersonRepository } from '../persons/repository';
import { HouseholdRepository, type MemberRole } from './repository';

const audit = new AuditRepository();
const persons = new PersonRepository();

function duplicateNumber(error: unknown): never {
  // Two requests adding the same person at once both pass checkMembers; the primary key catches the second.
  if (isUniqueViolation(error, 'household_members_pkey')) throw new AppError('PERSON_IN_OTHER_HOUSEHOLD');
  if (isUniqueViolation(error, 'households_tenant_id_number_key')) {
    throw new AppError('CONFLICT', {
      detail: { de: 'Diese BG-Nummer ist bereits vergeben.', en: 'This household number is already in use.' },
    });
  }
  throw error;
}

export class HouseholdService {
  private readonly repo = new HouseholdRepository();

  constructor(private readonly db: Kysely<Database>) {}

  get(auth: AuthContext, id: string): Promise<Household> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const household = await this.load(trx, auth.tenantId, id);
      await audit.appendReads(
        trx,
        auth,
        household.members.map((m) => m.personId),
        'household',
      );
      return household;
    });
  }

  async create(auth: AuthContext, input: CreateHouseholdRequest, idempotencyKey: string | undefined): Promise<Created<Household>> {
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/households', body: input },
          async () => {
            const id = randomUUID();
            await this.checkMembers(trx, auth.tenantId, input.members, null);
            await this.repo.insert(trx, { tenantId: auth.tenantId, id, number: input.number });
            await this.repo.replaceMembers(trx, auth.tenantId, id, input.members);
            const household = await this.load(trx, auth.tenantId, id);
            await audit.appendChange(trx, auth, 'household', id, 'create', null, snapshot(household));
            await audit.appendReads(
              trx,
              auth,
              household.members.map((m) => m.personId),
              'household',
            );
            return household;
          },
        ),
      );
    } catch (error) {
      duplicateNumber(error);
    }
  }

  async update(auth: AuthContext, id: string, expectedVersion: number, input: UpdateHouseholdRequest): Promise<Household> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const current = await this.repo.find(trx, auth.tenantId, id, { forUpdate: true });
        if (!current) throw new AppError('NOT_FOUND');
        if (current.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        const before = await this.load(trx, auth.tenantId, id);
        if (input.members) await this.checkMembers(trx, auth.tenantId, input.members, id);
        if (!(await this.repo.bumpVersion(trx, auth.tenantId, id, expectedVersion, input.number)))
          throw new AppError('PRECONDITION_FAILED');
        if (input.members) await this.repo.replaceMembers(trx, auth.tenantId, id, input.members);
        const after = await this.load(trx, auth.tenantId, id);
        await audit.appendChange(trx, auth, 'household', id, 'update', snapshot(before), snapshot(after));
        // The answer shows the members' names and birth dates: that is a read of their data.
        await audit.appendReads(
          trx,
          auth,
          after.members.map((m) => m.personId),
          'household',
        );
        return after;
      });
    } catch (error) {
      duplicateNumber(error);
    }
  }

  private async checkMembers(trx: Tx, tenantId: string, members: { personId: string; role: MemberRole }[], householdId: string | null) {
    const ids = members.map((m) => m.personId);
    const known = new Set((await persons.existingIds(trx, tenantId, ids)).map((p) => p.id));
    const unknown = members.flatMap((m, index) =>
      known.has(m.personId) ? [] : [{ field: `members.${index}.personId`, code: 'unknown_person', message: 'Diese Person gibt es nicht.' }],
    );
    if (unknown.length) throw new AppError('VALIDATION_FAILED', { fields: unknown });
    const elsewhere = await this.repo.membershipsElsewhere(trx, tenantId, ids, householdId);
    if (elsewhere.length) {
      throw new AppError('PERSON_IN_OTHER_HOUSEHOLD', {
        fields: elsewhere.map((e) => ({
          field: `members.${ids.indexOf(e.personId)}.personId`,
          code: 'in_other_household',
          message: 'Diese Person gehört bereits zu einer anderen Bedarfsgemeinschaft.',
        })),
      });
    }
  }

  private async load(trx: Tx, tenantId: string, id: string): Promise<Household> {
    const household = await this.repo.find(trx, tenantId, id);
    if (!household) throw new AppError('NOT_FOUND');
    const members = await this.repo.members(trx, tenantId, id);
    return {
      id: household.id,
      number: household.number,
      members,
      version: household.version,
      createdAt: household.createdAt.toISOString(),
      updatedAt: household.updatedAt.toISOString(),
    };
  }
}

function snapshot(household: Household) {
  return {
    number: household.number,
    version: household.version,
    members: household.members.map((m) => ({ personId: m.personId, role: m.role })),
  };
}
