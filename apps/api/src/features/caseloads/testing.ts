import { randomUUID } from 'node:crypto';
import { type Tx, withTenant } from '@lotse/db';
import { type AgeGroup, type CareModel, personSearchName, type Role, type TeamFunction } from '@lotse/domain';
import type { TestApp } from '../../testing';
import { createUserDirect } from '../tenants/provisioning';

/**
 * Writes the caseload fixtures directly with the owner connection: teams with a function, staff (also
 * disabled), persons of a given birth date and cases in a given status with their placement and benefits
 * staff — so every expected figure can be computed by hand.
 */
export class CaseloadWriter {
  private counter = 0;

  constructor(
    readonly t: TestApp,
    readonly tenantId: string,
  ) {}

  private write<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return withTenant(this.t.database.owner, this.tenantId, work);
  }

  async team(name: string, fn: TeamFunction | null): Promise<string> {
    const id = randomUUID();
    await this.write((trx) => trx.insertInto('teams').values({ tenantId: this.tenantId, id, name, function: fn }).execute());
    return id;
  }

  /** Puts an existing user into a team (and disables them, if asked). */
  async place(userId: string, teamId: string | null, options: { disabled?: boolean } = {}) {
    await this.write((trx) =>
      trx
        .updateTable('users')
        .set({ teamId, disabled: options.disabled ?? false })
        .where('tenantId', '=', this.tenantId)
        .where('id', '=', userId)
        .execute(),
    );
  }

  async staff(displayName: string, roles: Role[], teamId: string | null, options: { disabled?: boolean } = {}): Promise<string> {
    const user = await createUserDirect(
      this.t.database.owner,
      this.tenantId,
      { username: `fb.${randomUUID().slice(0, 8)}`, displayName, password: 'ein-langes-Passwort-1', roles },
      { memoryCost: 1024, timeCost: 1 },
    );
    await this.place(user.id, teamId, options);
    return user.id;
  }

  /** A person born on `birthDate` with a case in `status`, opened on `openedOn` (the plans' order). */
  async case(options: {
    birthDate: string;
    status: string;
    ownerId: string;
    openedOn: string;
    placementOfficerId?: string | null;
    benefitsOfficerId?: string | null;
  }): Promise<string> {
    const personId = randomUUID();
    const caseId = randomUUID();
    const n = String(++this.counter).padStart(4, '0');
    const closed = options.status === 'closed' || options.status === 'not_indicated';
    await this.write(async (trx) => {
      await trx
        .insertInto('persons')
        .values({
          tenantId: this.tenantId,
          id: personId,
          customerNumber: `555D${randomUUID().replaceAll('-', '').slice(0, 6)}`,
          firstName: 'Erika',
          lastName: `Fallbelastung${n}`,
          birthDate: options.birthDate,
          sex: 'female',
          interpreterNeeded: false,
          singleParent: false,
          refugee: false,
          severeDisability: false,
          searchName: personSearchName(`Fallbelastung${n}`, 'Erika'),
        })
        .execute();
      await trx
        .insertInto('cases')
        .values({
          tenantId: this.tenantId,
          id: caseId,
          personId,
          status: options.status,
          priority: 'medium',
          caseManagerId: options.ownerId,
          placementOfficerId: options.placementOfficerId ?? null,
          benefitsOfficerId: options.benefitsOfficerId ?? null,
          openedOn: options.openedOn,
          closedOn: closed ? '2026-06-30' : null,
          statusSince: new Date(),
          nextContactDue: '2030-01-01',
        })
        .execute();
    });
    return caseId;
  }

  /** The stored organisation model: the given age groups, the others without a row (default). */
  async models(models: Partial<Record<AgeGroup, CareModel>>) {
    await this.write(async (trx) => {
      await trx.deleteFrom('organisationModels').where('tenantId', '=', this.tenantId).execute();
      for (const [ageGroup, m] of Object.entries(models) as [AgeGroup, CareModel][]) {
        await trx
          .insertInto('organisationModels')
          .values({ tenantId: this.tenantId, ageGroup, ...m })
          .execute();
      }
    });
  }
}
