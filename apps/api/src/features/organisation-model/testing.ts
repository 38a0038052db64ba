import { randomUUID } from 'node:crypto';
import { withTenant } from '@lotse/db';
import type { AgeGroup, CareModel, Role, TeamFunction } from '@lotse/domain';
import type { Session, TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';
import { createUserDirect } from '../tenants/provisioning';

const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1 };

/** Sets a tenant's model for an age group directly (test setup; the API path is tested on its own). */
export async function setModelDirect(t: TestApp, tenantId: string, ageGroup: AgeGroup, model: CareModel) {
  await withTenant(t.database.owner, tenantId, (trx) =>
    trx
      .updateTable('organisationModels')
      .set({ ...model })
      .where('tenantId', '=', tenantId)
      .where('ageGroup', '=', ageGroup)
      .execute(),
  );
}

/** A team with a function, created directly. */
export async function teamDirect(t: TestApp, tenantId: string, name: string, fn: TeamFunction | null): Promise<string> {
  const id = randomUUID();
  await withTenant(t.database.owner, tenantId, (trx) => trx.insertInto('teams').values({ tenantId, id, name, function: fn }).execute());
  return id;
}

/** A staff member with roles and a team, created directly; their user name is returned with the id. */
export async function staffDirect(t: TestApp, tenantId: string, name: string, roles: Role[], teamId: string | null) {
  const username = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomUUID().slice(0, 6)}`;
  const user = await createUserDirect(
    t.database.owner,
    tenantId,
    { username, displayName: name, password: 'richtig-langes-Passwort-1', roles },
    FAST_ARGON2,
  );
  if (teamId)
    await withTenant(t.database.owner, tenantId, (trx) =>
      trx.updateTable('users').set({ teamId }).where('tenantId', '=', tenantId).where('id', '=', user.id).execute(),
    );
  return { id: user.id, username };
}

let personCounter = 0;
/** Customer numbers of this test run start with a random block, so runs never collide. */
const run = 100 + Math.floor(Math.random() * 900);

/** A person (born on `birthDate`) with a new case in intake, opened by `cm` (or for `caseManagerId`). */
export async function caseInIntake(t: TestApp, cm: Session, birthDate: string, caseManagerId?: string) {
  personCounter += 1;
  const person = await call(t, cm, 'POST', '/api/persons', {
    customerNumber: `${run}D${String(personCounter).padStart(6, '0')}`,
    firstName: 'Routing',
    lastName: `Person ${personCounter}`,
    birthDate,
    sex: 'female',
  });
  await expectOk(person, 201);
  const created = await call(t, cm, 'POST', '/api/cases', { personId: person.json().id, ...(caseManagerId ? { caseManagerId } : {}) });
  await expectOk(created, 201);
  return { caseId: created.json().id as string, personId: person.json().id as string, version: created.json().version as number };
}
