import { randomUUID } from 'node:crypto';
import type {
  CreatePlanningRegionRequest,
  CreateTeamRequest,
  OrganisationListQuery,
  PlanningRegion,
  Team,
  UpdatePlanningRegionRequest,
  UpdateTeamRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import { AppError, type FieldError } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { type Actor, AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { OrganisationRepository, type RegionRow, type TeamRow } from './repository';

const audit = new AuditRepository();
const repo = new OrganisationRepository();

const REGION_NAME_TAKEN: FieldError = {
  field: 'name',
  code: 'duplicate',
  message: 'Einen Sozialraum mit diesem Namen gibt es in diesem Jobcenter bereits.',
};
const TEAM_NAME_TAKEN: FieldError = {
  field: 'name',
  code: 'duplicate',
  message: 'Ein Team mit diesem Namen gibt es in diesem Jobcenter bereits.',
};

function toRegion(row: RegionRow): PlanningRegion {
  return { id: row.id, name: row.name, postalCodes: row.postalCodes, active: row.active, version: row.version };
}

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    memberCount: row.memberCount ?? 0,
    active: row.active,
    function: row.function ?? null,
    version: row.version,
  };
}

/** What the change log keeps of a team (the member count is not the team's own data). */
const teamSnapshot = (team: { name: string; active: boolean; function?: string | null }) => ({
  name: team.name,
  active: team.active,
  function: team.function ?? null,
});

/** „ein aktives Benutzerkonto“ / „3 aktive Benutzerkonten“, with the verb that goes with it. */
function activeAccounts(n: number): { de: string; verb: string; pronoun: string; en: string } {
  return n === 1
    ? { de: 'ein aktives Benutzerkonto', verb: 'ist', pronoun: 'es', en: 'one active user account' }
    : { de: `${n} aktive Benutzerkonten`, verb: 'sind', pronoun: 'sie', en: `${n} active user accounts` };
}

/** A region's codes as stored: each once, in order. */
function normalizePostalCodes(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}

/** Runs a write and turns the unique name of the table into a 409 with a field error on `name`. */
async function uniqueName<T>(constraint: string, taken: FieldError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw new AppError('CONFLICT', { fields: [taken] });
    throw error;
  }
}

/**
 * Planning regions (Sozialräume: sets of postal codes) and teams, maintained by administrators and read
 * by needs planning (SPEC C12). Neither holds person data; a user's team is set in the user administration.
 */
export class OrganisationService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  // ——— regions ———

  regions(auth: AuthContext, query: OrganisationListQuery = { active: 'true' }): Promise<{ items: PlanningRegion[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({
      items: (await repo.regions(trx, auth.tenantId, query.active)).map(toRegion),
    }));
  }

  region(auth: AuthContext, id: string): Promise<PlanningRegion> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await repo.findRegion(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return toRegion(row);
    });
  }

  createRegion(
    auth: AuthContext,
    input: CreatePlanningRegionRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<PlanningRegion>> {
    return uniqueName('planning_regions_tenant_id_name_key', REGION_NAME_TAKEN, () =>
      withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/planning/regions', body: input },
          async () => {
            await repo.lockRegions(trx, auth.tenantId);
            await takePostalCodes(trx, auth, input.postalCodes);
            const id = randomUUID();
            await repo.insertRegion(trx, {
              tenantId: auth.tenantId,
              id,
              name: input.name,
              postalCodes: normalizePostalCodes(input.postalCodes),
            });
            const created = await repo.findRegion(trx, auth.tenantId, id);
            if (!created) throw new Error('region vanished after insert');
            const region = toRegion(created);
            await audit.appendChange(trx, auth, 'planning_region', id, 'create', null, region);
            return region;
          },
        ),
      ),
    );
  }

  updateRegion(auth: AuthContext, id: string, expectedVersion: number, changes: UpdatePlanningRegionRequest): Promise<PlanningRegion> {
    return uniqueName('planning_regions_tenant_id_name_key', REGION_NAME_TAKEN, () =>
      withTenant(this.db, auth.tenantId, async (trx) => {
        await repo.lockRegions(trx, auth.tenantId);
        const before = await repo.findRegion(trx, auth.tenantId, id, { forUpdate: true });
        if (!before) throw new AppError('NOT_FOUND');
        if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        const set: Record<string, unknown> = {};
        if (changes.name !== undefined) set.name = changes.name;
        const reactivating = changes.active === true && !before.active;
        if (reactivating && changes.postalCodes === undefined && before.postalCodes.length === 0) {
          throw new AppError('REGION_WITHOUT_POSTAL_CODES', {
            fields: [
              {
                field: 'postalCodes',
                code: 'required',
                message: 'Bitte tragen Sie beim Reaktivieren mindestens eine Postleitzahl ein.',
              },
            ],
            detail: {
              de: `Alle Postleitzahlen des Sozialraums „${before.name}“ gehören inzwischen zu anderen Sozialräumen. Tragen Sie beim Reaktivieren mindestens eine Postleitzahl ein.`,
              en: `All postal codes of the planning region "${before.name}" now belong to other regions. Give at least one postal code when reactivating it.`,
            },
          });
        }
        if (changes.postalCodes !== undefined) {
          await takePostalCodes(trx, auth, changes.postalCodes, id);
          set.postalCodes = normalizePostalCodes(changes.postalCodes);
        } else if (reactivating) {
          // Its codes were its own while it was deactivated (another region taking one moves it); checked all the same.
          await takePostalCodes(trx, auth, before.postalCodes, id);
        }
        if (changes.active !== undefined) set.active = changes.active;
        if (!(await repo.updateRegion(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
        const after = await repo.findRegion(trx, auth.tenantId, id);
        if (!after) throw new Error('region vanished after update');
        await audit.appendChange(trx, auth, 'planning_region', id, 'update', toRegion(before), toRegion(after));
        return toRegion(after);
      }),
    );
  }

  // ——— teams ———

  teams(auth: AuthContext, query: OrganisationListQuery = { active: 'true' }): Promise<{ items: Team[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({
      items: (await repo.teams(trx, auth.tenantId, query.active)).map(toTeam),
    }));
  }

  team(auth: AuthContext, id: string): Promise<Team> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await repo.findTeam(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return toTeam(row);
    });
  }

  createTeam(auth: AuthContext, input: CreateTeamRequest, idempotencyKey: string | undefined): Promise<Created<Team>> {
    return uniqueName('teams_tenant_id_name_key', TEAM_NAME_TAKEN, () =>
      withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/teams', body: input },
          async () => {
            const id = randomUUID();
            await repo.insertTeam(trx, { tenantId: auth.tenantId, id, name: input.name, function: input.function ?? null });
            const created = await repo.findTeam(trx, auth.tenantId, id);
            if (!created) throw new Error('team vanished after insert');
            const team = toTeam(created);
            await audit.appendChange(trx, auth, 'team', id, 'create', null, teamSnapshot(team));
            return team;
          },
        ),
      ),
    );
  }

  updateTeam(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateTeamRequest): Promise<Team> {
    return uniqueName('teams_tenant_id_name_key', TEAM_NAME_TAKEN, () =>
      withTenant(this.db, auth.tenantId, async (trx) => {
        const locked = await repo.lockTeam(trx, auth.tenantId, id);
        if (!locked) throw new AppError('NOT_FOUND');
        if (locked.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        const before = await repo.findTeam(trx, auth.tenantId, id);
        if (!before) throw new Error('team vanished while locked');
        // Counted under the lock: an assignment to this team holds the row `for share` until it commits.
        if (changes.active === false && before.active && (before.memberCount ?? 0) > 0) {
          const n = activeAccounts(before.memberCount ?? 0);
          throw new AppError('TEAM_HAS_ACTIVE_MEMBERS', {
            fields: [{ field: 'active', code: 'has_active_members', message: `Dem Team ${n.verb} noch ${n.de} zugeordnet.` }],
            detail: {
              de: `Dem Team „${before.name}“ ${n.verb} noch ${n.de} zugeordnet. Ordnen Sie ${n.pronoun} in der Benutzerverwaltung einem anderen Team zu oder sperren Sie ${n.pronoun}; danach lässt sich das Team deaktivieren.`,
              en: `The team "${before.name}" still has ${n.en}. Move them to another team or disable them in the user administration; then the team can be deactivated.`,
            },
          });
        }
        const set: Record<string, unknown> = {};
        if (changes.name !== undefined) set.name = changes.name;
        if (changes.active !== undefined) set.active = changes.active;
        // The function routes new work only (SPEC C14); open cases move with a bulk reassignment.
        if (changes.function !== undefined) set.function = changes.function;
        if (!(await repo.updateTeam(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
        const after = await repo.findTeam(trx, auth.tenantId, id);
        if (!after) throw new Error('team vanished after update');
        await audit.appendChange(trx, auth, 'team', id, 'update', teamSnapshot(before), teamSnapshot(after));
        return toTeam(after);
      }),
    );
  }
}

/**
 * A postal code belongs to at most one region of the tenant. A code of an active region cannot be taken:
 * 409 naming each code and the region that holds it (field `postalCodes.<i>`, the position in the
 * request). A code a deactivated region still holds moves: it is removed there (that region's version
 * goes up and the change log records it), so every code stays in one region and the figures count it for
 * the region that took it. Call under `lockRegions`.
 */
async function takePostalCodes(trx: Tx, actor: Actor, postalCodes: readonly string[], exceptRegionId?: string) {
  const wanted = [...new Set(postalCodes)];
  const holders = await repo.regionsHolding(trx, actor.tenantId, wanted, exceptRegionId);
  if (holders.length === 0) return;
  const holderOf = new Map<string, string>();
  for (const region of holders)
    if (region.active) for (const code of region.postalCodes) if (!holderOf.has(code)) holderOf.set(code, region.name);
  const taken: { code: string; region: string; index: number }[] = [];
  postalCodes.forEach((code, index) => {
    const region = holderOf.get(code);
    if (region !== undefined && !taken.some((t) => t.code === code)) taken.push({ code, region, index });
  });
  if (taken.length > 0) {
    const fields: FieldError[] = taken.map((t) => ({
      field: `postalCodes.${t.index}`,
      code: 'in_other_region',
      message: `Die Postleitzahl ${t.code} gehört bereits zum Sozialraum „${t.region}“.`,
    }));
    const list = taken.map((t) => `${t.code} („${t.region}“)`).join(', ');
    throw new AppError('POSTAL_CODE_IN_OTHER_REGION', {
      fields,
      detail: {
        de: `Bereits anderen Sozialräumen zugeordnet: ${list}.`,
        en: `Already assigned to other planning regions: ${list}.`,
      },
    });
  }
  const moving = new Set(wanted);
  for (const region of holders) {
    const before = toRegion(region);
    const remaining = region.postalCodes.filter((code) => !moving.has(code));
    // The regions' lock is held, so the version read above is still the current one.
    if (!(await repo.updateRegion(trx, actor.tenantId, region.id, region.version, { postalCodes: remaining }))) {
      throw new Error('region changed under the regions lock');
    }
    const after = await repo.findRegion(trx, actor.tenantId, region.id);
    if (!after) throw new Error('region vanished after update');
    await audit.appendChange(trx, actor, 'planning_region', region.id, 'update', before, toRegion(after));
  }
}
