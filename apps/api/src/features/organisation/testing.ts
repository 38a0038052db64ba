import type { PlanningRegion, Team } from '@lotse/contracts';
import type { Session, TestApp } from '../../testing';
import { call, expectOk } from '../cases/testing';

/** Creates a planning region through the API, as an administrator would. */
export async function createRegion(t: TestApp, admin: Session, name: string, postalCodes: string[]): Promise<PlanningRegion> {
  const res = await call(t, admin, 'POST', '/api/planning/regions', { name, postalCodes });
  await expectOk(res, 201);
  return res.json();
}

/** Creates a team through the API, as an administrator would. */
export async function createTeam(t: TestApp, admin: Session, name: string): Promise<Team> {
  const res = await call(t, admin, 'POST', '/api/teams', { name });
  await expectOk(res, 201);
  return res.json();
}
