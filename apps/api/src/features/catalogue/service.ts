import { randomUUID } from 'node:crypto';
import type { BarrierType, CaseRules, createBarrierTypeRequest, updateBarrierTypeRequest, updateCaseRulesRequest } from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import { AppError, DEFAULT_BARRIER_CATALOGUE, DEFAULT_HANDBOOK, SERVICE_TYPES } from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { ensureOrganisationModels } from '../organisation-model/routing';
import { ensureHandbookPages } from '../providers/repository';
import { ensureSanctionRules } from '../sanctions/service';
import { CatalogueRepository } from './repository';

const audit = new AuditRepository();
const repo = new CatalogueRepository();

type BarrierTypeRow = Awaited<ReturnType<CatalogueRepository['barrierTypes']>>[number];

function toBarrierType(row: BarrierTypeRow): BarrierType {
  return { ...row, phase: row.phase as BarrierType['phase'], serviceTypes: row.serviceTypes as BarrierType['serviceTypes'] };
}

function toCaseRules(row: NonNullable<Awaited<ReturnType<CatalogueRepository['caseRules']>>>): CaseRules {
  return {
    indicationMinBarriers: row.indicationMinBarriers,
    indicationRequireWillingness: row.indicationRequireWillingness,
    contactDensityDays: { high: row.densityHighDays, medium: row.densityMediumDays, low: row.densityLowDays },
    suppressionMinimum: row.suppressionMinimum,
    caseloadTarget: row.caseloadTarget,
    waitingTargetDays: row.waitingTargetDays,
    hearingDays: row.hearingDays,
    version: row.version,
  };
}

/**
 * Gives a tenant the default barrier catalogue, case rules and handbook pages it lacks (at creation and
 * at start for older tenants); entries the tenant edited stay as they are.
 */
export async function ensureTenantCaseDefaults(trx: Tx, tenantId: string) {
  await repo.ensureDefaults(trx, tenantId, DEFAULT_BARRIER_CATALOGUE, randomUUID);
  await ensureHandbookPages(
    trx,
    tenantId,
    SERVICE_TYPES.map((serviceType) => DEFAULT_HANDBOOK[serviceType]),
  );
  await ensureOrganisationModels(trx, tenantId);
  await ensureSanctionRules(trx, tenantId);
}

/** The tenant's barrier catalogue and case rules, maintained by administrators (SPEC C2, C3). */
export class CatalogueService {
  constructor(private readonly db: Kysely<Database>) {}

  barrierTypes(auth: AuthContext) {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: (await repo.barrierTypes(trx, auth.tenantId)).map(toBarrierType) }));
  }

  async createBarrierType(auth: AuthContext, input: z.infer<typeof createBarrierTypeRequest>): Promise<BarrierType> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const id = randomUUID();
        await repo.insertBarrierType(trx, {
          tenantId: auth.tenantId,
          id,
          code: input.code,
          phase: input.phase,
          label: input.label,
          description: input.description ?? null,
          specialCategory: input.specialCategory,
          serviceTypes: [...new Set(input.serviceTypes)],
          sortOrder: input.sortOrder,
        });
        await audit.appendChange(trx, auth, 'barrier_type', id, 'create', null, input);
        const row = await repo.findBarrierType(trx, auth.tenantId, id);
        if (!row) throw new Error('barrier type vanished after insert');
        return toBarrierType(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'barrier_types_tenant_id_code_key')) throw new AppError('DUPLICATE_BARRIER_TYPE_CODE');
      throw error;
    }
  }

  updateBarrierType(auth: AuthContext, id: string, expectedVersion: number, changes: z.infer<typeof updateBarrierTypeRequest>) {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const before = await repo.findBarrierType(trx, auth.tenantId, id, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const set = changes.serviceTypes ? { ...changes, serviceTypes: [...new Set(changes.serviceTypes)] } : changes;
      if (!(await repo.updateBarrierType(trx, auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      const after = await repo.findBarrierType(trx, auth.tenantId, id);
      if (!after) throw new Error('barrier type vanished after update');
      await audit.appendChange(trx, auth, 'barrier_type', id, 'update', before, after);
      return toBarrierType(after);
    });
  }

  caseRules(auth: AuthContext): Promise<CaseRules> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      let row = await repo.caseRules(trx, auth.tenantId);
      if (!row) {
        await ensureTenantCaseDefaults(trx, auth.tenantId);
        row = await repo.caseRules(trx, auth.tenantId);
      }
      if (!row) throw new Error('case rules missing');
      return toCaseRules(row);
    });
  }

  updateCaseRules(auth: AuthContext, expectedVersion: number, changes: z.infer<typeof updateCaseRulesRequest>): Promise<CaseRules> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      await ensureTenantCaseDefaults(trx, auth.tenantId);
      const before = await repo.caseRules(trx, auth.tenantId);
      if (!before || before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const set: Record<string, unknown> = {};
      if (changes.indicationMinBarriers !== undefined) set.indicationMinBarriers = changes.indicationMinBarriers;
      if (changes.indicationRequireWillingness !== undefined) set.indicationRequireWillingness = changes.indicationRequireWillingness;
      if (changes.contactDensityDays) {
        set.densityHighDays = changes.contactDensityDays.high;
        set.densityMediumDays = changes.contactDensityDays.medium;
        set.densityLowDays = changes.contactDensityDays.low;
      }
      // Steering parameters (SPEC C12, C13, C16): suppression minimum, caseload and waiting targets, hearing days.
      for (const key of ['suppressionMinimum', 'caseloadTarget', 'waitingTargetDays', 'hearingDays'] as const) {
        if (changes[key] !== undefined) set[key] = changes[key];
      }
      if (!(await repo.updateCaseRules(trx, auth.tenantId, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      const after = await repo.caseRules(trx, auth.tenantId);
      if (!after) throw new Error('case rules vanished');
      await audit.appendChange(trx, auth, 'case_rules', auth.tenantId, 'update', toCaseRules(before), toCaseRules(after));
      return toCaseRules(after);
    });
  }
}
