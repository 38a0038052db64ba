import { randomUUID } from 'node:crypto';
import type {
  CreatePlanningRegionRequest,
  CreateTeamRequest,
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
import { AuditRepository } from '../audit/repository';
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
  return { id: row.id, name: row.name, postalCodes: row.postalCodes, version: row.version };
}

function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, memberCount: row.memberCount ?? 0, version: row.version };
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

  regions(auth: AuthContext): Promise<{ items: PlanningRegion[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: (await repo.regions(trx, auth.tenantId)).map(toRegion) }));
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
            await requireFreePostalCodes(trx, auth.tenantId, input.postalCodes);
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
        if (changes.postalCodes !== undefined) {
          await requireFreePostalCodes(trx, auth.tenantId, changes.postalCodes, id);
          set.postalCodes = normalizePostalCodes(changes.postalCodes);
        }
        if (!(await repo.updateRegion(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
        const after = await repo.findRegion(trx, auth.tenantId, id);
        if (!after) throw new Error('region vanished after update');
        await audit.appendChange(trx, auth, 'planning_region', id, 'update', toRegion(before), toRegion(after));
        return toRegion(after);
      }),
    );
  }

  // ——— teams ———

  teams(auth: AuthContext): Promise<{ items: Team[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: (await repo.teams(trx, auth.tenantId)).map(toTeam) }));
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
            await repo.insertTeam(trx, { tenantId: auth.tenantId, id, name: input.name });
            const created = await repo.findTeam(trx, auth.tenantId, id);
            if (!created) throw new Error('team vanished after insert');
            const team = toTeam(created);
            await audit.appendChange(trx, auth, 'team', id, 'create', null, { name: team.name });
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
        const set: Record<string, unknown> = {};
        if (changes.name !== undefined) set.name = changes.name;
        if (!(await repo.updateTeam(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
        const after = await repo.findTeam(trx, auth.tenantId, id);
        if (!after) throw new Error('team vanished after update');
        await audit.appendChange(trx, auth, 'team', id, 'update', { name: before.name }, { name: after.name });
        return toTeam(after);
      }),
    );
  }
}

/**
 * A postal code belongs to at most one region of the tenant: 409 naming each code and the region that
 * holds it (field `postalCodes.<i>`, the position in the request). Call under `lockRegions`.
 */
async function requireFreePostalCodes(trx: Tx, tenantId: string, postalCodes: readonly string[], exceptRegionId?: string) {
  const holders = await repo.regionsHolding(trx, tenantId, [...new Set(postalCodes)], exceptRegionId);
  if (holders.length === 0) return;
  const holderOf = new Map<string, string>();
  for (const region of holders) for (const code of region.postalCodes) if (!holderOf.has(code)) holderOf.set(code, region.name);
  const taken: { code: string; region: string; index: number }[] = [];
  postalCodes.forEach((code, index) => {
    const region = holderOf.get(code);
    if (region !== undefined && !taken.some((t) => t.code === code)) taken.push({ code, region, index });
  });
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
