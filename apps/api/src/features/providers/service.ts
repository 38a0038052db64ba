import { randomUUID } from 'node:crypto';
import type {
  CooperationAgreement,
  CreateOfferRequest,
  createCooperationAgreementRequest,
  createProviderRequest,
  Offer,
  offerListQuery,
  offerSearchQuery,
  offerSearchResult,
  overdueByProviderSchema,
  Provider,
  UpdateOfferRequest,
  updateCooperationAgreementRequest,
  updateHandbookPageRequest,
  updateProviderRequest,
} from '@lotse/contracts';
import { type Database, type Tx, withTenant } from '@lotse/db';
import {
  AppError,
  consentState,
  DEFAULT_FEEDBACK_DEADLINES,
  distanceKm,
  type FieldError,
  fieldError,
  OCCUPYING_REFERRAL_STATUSES,
  type OfferTargetGroup,
  offerFitsTargetGroups,
  type ReferralStatus,
  referralOverdue,
  SERVICE_TYPES,
  type ServiceType,
  targetGroups,
  todayInGermany,
} from '@lotse/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppConfig } from '../../config';
import type { AuthContext } from '../../http/access';
import { isUniqueViolation } from '../../http/db-errors';
import { AuditRepository } from '../audit/repository';
import { type Created, once } from '../idempotency/idempotency';
import { type HandbookPage, type OfferLocation, toAgreement, toHandbookPage, toOffer, toProvider } from './mapping';
import { type OfferFilter, ProviderRepository } from './repository';

const audit = new AuditRepository();
const repo = new ProviderRepository();

/** Referrals still waiting for the provider's answer, start or reports. */
const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['sent', 'accepted', 'started'];

type CreateProviderRequest = z.infer<typeof createProviderRequest>;
type UpdateProviderRequest = z.infer<typeof updateProviderRequest>;
type CreateAgreementRequest = z.infer<typeof createCooperationAgreementRequest>;
type UpdateAgreementRequest = z.infer<typeof updateCooperationAgreementRequest>;
type OfferListQuery = z.infer<typeof offerListQuery>;
type OfferSearchQuery = z.infer<typeof offerSearchQuery>;
type OfferSearchResult = z.infer<typeof offerSearchResult>;
type OverdueByProvider = z.infer<typeof overdueByProviderSchema>;
type UpdateHandbookPageRequest = z.infer<typeof updateHandbookPageRequest>;

const PROVIDER_NAME_TAKEN: FieldError = {
  field: 'name',
  code: 'duplicate',
  message: 'Einen Träger mit diesem Namen gibt es in diesem Jobcenter bereits.',
};

/** Only the keys the request set (undefined means "leave as is", null means "clear"). */
function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normalizeContacts(contacts: CreateOfferRequest['contacts']): Offer['contacts'] {
  return contacts.map((c) => ({ name: c.name, function: c.function ?? null, phone: c.phone ?? null, email: c.email ?? null }));
}

function locationRows(tenantId: string, offerId: string, locations: CreateOfferRequest['locations']) {
  return locations.map((l, position) => ({
    tenantId,
    id: randomUUID(),
    offerId,
    position,
    label: l.label,
    street: l.street ?? null,
    houseNumber: l.houseNumber ?? null,
    postalCode: l.postalCode ?? null,
    city: l.city ?? null,
    latitude: l.latitude,
    longitude: l.longitude,
    openingHours: l.openingHours ?? null,
    accessible: l.accessible,
  }));
}

const byName = (a: string, b: string) => a.localeCompare(b, 'de');

/**
 * Providers, cooperation agreements and offers maintained by the coordinators, the offer search for a
 * case, the handbook, and the overdue-feedback list (SPEC C6, C7). Providers and offers hold no person
 * data; the search reads the case's person and is logged as such.
 */
export class ProviderService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}

  private today() {
    return todayInGermany(this.config.now());
  }

  // ——— providers ———

  providers(auth: AuthContext): Promise<{ items: Provider[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({ items: (await repo.providers(trx, auth.tenantId)).map(toProvider) }));
  }

  provider(auth: AuthContext, id: string): Promise<Provider> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await repo.findProvider(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return toProvider(row);
    });
  }

  async createProvider(auth: AuthContext, input: CreateProviderRequest, idempotencyKey: string | undefined): Promise<Created<Provider>> {
    try {
      return await withTenant(this.db, auth.tenantId, (trx) =>
        once(
          trx,
          { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/providers', body: input },
          async () => {
            const id = randomUUID();
            await repo.insertProvider(trx, {
              tenantId: auth.tenantId,
              id,
              name: input.name,
              street: input.street ?? null,
              houseNumber: input.houseNumber ?? null,
              postalCode: input.postalCode ?? null,
              city: input.city ?? null,
              phone: input.phone ?? null,
              email: input.email ?? null,
              website: input.website ?? null,
              contactPerson: input.contactPerson ?? null,
            });
            const created = await repo.findProvider(trx, auth.tenantId, id);
            if (!created) throw new Error('provider vanished after insert');
            const provider = toProvider(created);
            await audit.appendChange(trx, auth, 'provider', id, 'create', null, provider);
            return provider;
          },
        ),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'providers_tenant_id_name_key')) throw new AppError('CONFLICT', { fields: [PROVIDER_NAME_TAKEN] });
      throw error;
    }
  }

  async updateProvider(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateProviderRequest): Promise<Provider> {
    try {
      return await withTenant(this.db, auth.tenantId, async (trx) => {
        const before = await repo.findProvider(trx, auth.tenantId, id, { forUpdate: true });
        if (!before) throw new AppError('NOT_FOUND');
        if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
        if (!(await repo.updateVersioned(trx, 'providers', auth.tenantId, id, expectedVersion, definedOnly(changes)))) {
          throw new AppError('PRECONDITION_FAILED');
        }
        const after = await repo.findProvider(trx, auth.tenantId, id);
        if (!after) throw new Error('provider vanished after update');
        await audit.appendChange(trx, auth, 'provider', id, 'update', toProvider(before), toProvider(after));
        return toProvider(after);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'providers_tenant_id_name_key')) throw new AppError('CONFLICT', { fields: [PROVIDER_NAME_TAKEN] });
      throw error;
    }
  }

  // ——— cooperation agreements ———

  agreements(auth: AuthContext, query: { providerId?: string }): Promise<{ items: CooperationAgreement[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => ({
      items: (await repo.agreements(trx, auth.tenantId, { providerId: query.providerId })).map(toAgreement),
    }));
  }

  agreement(auth: AuthContext, id: string): Promise<CooperationAgreement> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await repo.findAgreement(trx, auth.tenantId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return toAgreement(row);
    });
  }

  createAgreement(
    auth: AuthContext,
    input: CreateAgreementRequest,
    idempotencyKey: string | undefined,
  ): Promise<Created<CooperationAgreement>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(
        trx,
        { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/cooperation-agreements', body: input },
        async () => {
          const errors: FieldError[] = [];
          if (!(await repo.findProvider(trx, auth.tenantId, input.providerId))) {
            errors.push({ field: 'providerId', code: 'unknown_provider', message: 'Diesen Träger gibt es in diesem Jobcenter nicht.' });
          }
          const validUntil = input.validUntil ?? null;
          if (validUntil !== null && validUntil < input.validFrom) errors.push(validUntilBeforeFrom());
          if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
          const id = randomUUID();
          await repo.insertAgreement(trx, {
            tenantId: auth.tenantId,
            id,
            providerId: input.providerId,
            title: input.title,
            validFrom: input.validFrom,
            validUntil,
            answerDays: input.answerDays,
            startDays: input.startDays,
            interimReportDays: input.interimReportDays,
            feedbackProcedure: input.feedbackProcedure ?? null,
            qualityStandards: input.qualityStandards ?? null,
            reportingDuties: input.reportingDuties ?? null,
            auditRights: input.auditRights ?? null,
            notice: input.notice ?? null,
          });
          const created = await repo.findAgreement(trx, auth.tenantId, id);
          if (!created) throw new Error('agreement vanished after insert');
          const agreement = toAgreement(created);
          await audit.appendChange(trx, auth, 'cooperation_agreement', id, 'create', null, agreement);
          return agreement;
        },
      ),
    );
  }

  updateAgreement(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateAgreementRequest): Promise<CooperationAgreement> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const before = await repo.findAgreement(trx, auth.tenantId, id, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const set = definedOnly(changes);
      const validFrom = set.validFrom ?? before.validFrom;
      const validUntil = set.validUntil === undefined ? before.validUntil : set.validUntil;
      if (validUntil !== null && validUntil < validFrom) throw new AppError('VALIDATION_FAILED', { fields: [validUntilBeforeFrom()] });
      if (!(await repo.updateVersioned(trx, 'cooperationAgreements', auth.tenantId, id, expectedVersion, set))) {
        throw new AppError('PRECONDITION_FAILED');
      }
      const after = await repo.findAgreement(trx, auth.tenantId, id);
      if (!after) throw new Error('agreement vanished after update');
      await audit.appendChange(trx, auth, 'cooperation_agreement', id, 'update', toAgreement(before), toAgreement(after));
      return toAgreement(after);
    });
  }

  // ——— offers ———

  offers(auth: AuthContext, query: OfferListQuery): Promise<{ items: Offer[] }> {
    const filter: OfferFilter = {
      providerId: query.providerId,
      serviceType: query.serviceType,
      // An offer of an inactive provider cannot be referred to: it is listed as inactive.
      usable: query.active === 'all' ? undefined : query.active === 'true',
    };
    return withTenant(this.db, auth.tenantId, async (trx) => ({
      items: (await repo.offers(trx, auth.tenantId, filter, OCCUPYING_REFERRAL_STATUSES)).map(toOffer),
    }));
  }

  offer(auth: AuthContext, id: string): Promise<Offer> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const offer = await this.loadOffer(trx, auth.tenantId, id);
      if (!offer) throw new AppError('NOT_FOUND');
      return offer;
    });
  }

  private async loadOffer(trx: Tx, tenantId: string, id: string): Promise<Offer | undefined> {
    const [row] = await repo.offers(trx, tenantId, { ids: [id] }, OCCUPYING_REFERRAL_STATUSES);
    return row ? toOffer(row) : undefined;
  }

  /** The agreement must be one of the offer's provider. */
  private async checkAgreement(trx: Tx, tenantId: string, providerId: string, agreementId: string | null | undefined) {
    if (!agreementId) return;
    const agreement = await repo.findAgreement(trx, tenantId, agreementId);
    if (!agreement) {
      throw fieldError('agreementId', 'unknown_agreement', 'Diese Kooperationsvereinbarung gibt es in diesem Jobcenter nicht.');
    }
    if (agreement.providerId !== providerId) {
      throw fieldError('agreementId', 'other_provider', 'Die Kooperationsvereinbarung gehört zu einem anderen Träger als das Angebot.');
    }
  }

  createOffer(auth: AuthContext, input: CreateOfferRequest, idempotencyKey: string | undefined): Promise<Created<Offer>> {
    return withTenant(this.db, auth.tenantId, (trx) =>
      once(trx, { tenantId: auth.tenantId, userId: auth.userId, key: idempotencyKey, route: 'POST /api/offers', body: input }, async () => {
        if (!(await repo.findProvider(trx, auth.tenantId, input.providerId))) {
          throw fieldError('providerId', 'unknown_provider', 'Diesen Träger gibt es in diesem Jobcenter nicht.');
        }
        await this.checkAgreement(trx, auth.tenantId, input.providerId, input.agreementId);
        const id = randomUUID();
        await repo.insertOffer(trx, {
          tenantId: auth.tenantId,
          id,
          providerId: input.providerId,
          agreementId: input.agreementId ?? null,
          name: input.name,
          description: input.description ?? null,
          serviceType: input.serviceType,
          targetGroups: [...new Set(input.targetGroups)],
          capacity: input.capacity ?? null,
          capacityUnit: input.capacityUnit,
          capacityPeriod: input.capacityPeriod,
          waitingDays: input.waitingDays ?? null,
          financingModel: input.financingModel,
          priceCents: input.priceCents ?? null,
          priceUnit: input.priceUnit ?? null,
          contacts: normalizeContacts(input.contacts),
          measureBeginRule: input.measureBeginRule,
          plannedDurationDays: input.plannedDurationDays ?? null,
        });
        await repo.replaceLocations(trx, auth.tenantId, id, locationRows(auth.tenantId, id, input.locations));
        const offer = await this.loadOffer(trx, auth.tenantId, id);
        if (!offer) throw new Error('offer vanished after insert');
        await audit.appendChange(trx, auth, 'offer', id, 'create', null, offerForLog(offer));
        return offer;
      }),
    );
  }

  updateOffer(auth: AuthContext, id: string, expectedVersion: number, changes: UpdateOfferRequest): Promise<Offer> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const locked = await repo.lockOffer(trx, auth.tenantId, id);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const before = await this.loadOffer(trx, auth.tenantId, id);
      if (!before) throw new Error('offer vanished while locked');
      await this.checkAgreement(trx, auth.tenantId, locked.providerId, changes.agreementId);
      const { contacts, locations, targetGroups: groups, ...rest } = changes;
      const set: Record<string, unknown> = definedOnly(rest);
      if (groups) set.targetGroups = [...new Set(groups)];
      if (contacts) set.contacts = JSON.stringify(normalizeContacts(contacts));
      if (!(await repo.updateVersioned(trx, 'offers', auth.tenantId, id, expectedVersion, set))) throw new AppError('PRECONDITION_FAILED');
      if (locations) await repo.replaceLocations(trx, auth.tenantId, id, locationRows(auth.tenantId, id, locations));
      const after = await this.loadOffer(trx, auth.tenantId, id);
      if (!after) throw new Error('offer vanished after update');
      await audit.appendChange(trx, auth, 'offer', id, 'update', offerForLog(before), offerForLog(after));
      return after;
    });
  }

  // ——— search ———

  /**
   * Offers for a case, from the person's home: active offers of active providers, nearest location
   * first. Reads the person (coordinates, target groups, consents) and logs that read.
   */
  search(auth: AuthContext, query: OfferSearchQuery): Promise<OfferSearchResult> {
    const today = this.today();
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const person = await repo.personOfCase(trx, auth.tenantId, query.caseId);
      if (!person) throw new AppError('NOT_FOUND');
      const home =
        person.latitude !== null && person.longitude !== null
          ? { latitude: Number(person.latitude), longitude: Number(person.longitude) }
          : null;
      const groups = targetGroups(person, today);
      const consented = new Set(
        (await repo.consentsOfPerson(trx, auth.tenantId, person.personId))
          .filter(
            (c) =>
              consentState({ categories: [], givenOn: c.givenOn, validUntil: c.validUntil, revokedOn: c.revokedOn }, today) === 'valid',
          )
          .map((c) => c.providerId),
      );
      const offers = (
        await repo.offers(
          trx,
          auth.tenantId,
          { serviceType: query.serviceType, active: true, activeProvider: true },
          OCCUPYING_REFERRAL_STATUSES,
        )
      ).map(toOffer);

      let hits = offers.map((offer) => {
        const nearest = home ? nearestLocation(home, offer.locations) : null;
        return {
          offer,
          nearestLocation: nearest?.location ?? null,
          distanceKm: nearest ? Math.round(nearest.distance * 10) / 10 : null,
          consentValid: consented.has(offer.provider.id),
        };
      });
      if (query.matchTargetGroup === 'true') {
        hits = hits.filter((h) => offerFitsTargetGroups(h.offer.targetGroups as OfferTargetGroup[], groups));
      }
      if (query.freeCapacityOnly === 'true') hits = hits.filter((h) => h.offer.freeCapacity === null || h.offer.freeCapacity > 0);
      const maxDistance = query.maxDistanceKm;
      if (home && maxDistance !== undefined) hits = hits.filter((h) => h.distanceKm !== null && h.distanceKm <= maxDistance);
      hits.sort((a, b) =>
        a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm
          ? a.distanceKm - b.distanceKm
          : byName(a.offer.name, b.offer.name) || a.offer.id.localeCompare(b.offer.id),
      );

      await audit.appendReads(trx, auth, [person.personId], 'referral');
      return { personLocated: home !== null, personTargetGroups: groups, items: hits.slice(0, query.limit) };
    });
  }

  // ——— handbook ———

  handbook(auth: AuthContext): Promise<{ items: HandbookPage[] }> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const order = (s: string) => SERVICE_TYPES.indexOf(s as ServiceType);
      const rows = await repo.handbookPages(trx, auth.tenantId);
      return { items: rows.sort((a, b) => order(a.serviceType) - order(b.serviceType)).map(toHandbookPage) };
    });
  }

  handbookPage(auth: AuthContext, serviceType: ServiceType): Promise<HandbookPage> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const row = await repo.findHandbookPage(trx, auth.tenantId, serviceType);
      if (!row) throw new AppError('NOT_FOUND');
      return toHandbookPage(row);
    });
  }

  updateHandbookPage(
    auth: AuthContext,
    serviceType: ServiceType,
    expectedVersion: number,
    changes: UpdateHandbookPageRequest,
  ): Promise<HandbookPage> {
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const before = await repo.findHandbookPage(trx, auth.tenantId, serviceType, { forUpdate: true });
      if (!before) throw new AppError('NOT_FOUND');
      if (before.version !== expectedVersion) throw new AppError('PRECONDITION_FAILED');
      const set = { ...definedOnly(changes), updatedBy: auth.userId };
      if (!(await repo.updateHandbookPage(trx, auth.tenantId, serviceType, expectedVersion, set)))
        throw new AppError('PRECONDITION_FAILED');
      const after = await repo.findHandbookPage(trx, auth.tenantId, serviceType);
      if (!after) throw new Error('handbook page vanished after update');
      // Pages have no id of their own: logged under the tenant, with the service type in the entry.
      await audit.appendChange(trx, auth, 'handbook_page', auth.tenantId, 'update', toHandbookPage(before), toHandbookPage(after));
      return toHandbookPage(after);
    });
  }

  // ——— overdue feedback ———

  /** Per provider its current agreement, open referrals and the overdue ones; no person data. */
  overdue(auth: AuthContext): Promise<OverdueByProvider> {
    const today = this.today();
    return withTenant(this.db, auth.tenantId, async (trx) => {
      const [providers, current, open] = [
        await repo.providers(trx, auth.tenantId),
        await repo.currentAgreements(trx, auth.tenantId, today),
        await repo.openReferrals(trx, auth.tenantId, OPEN_REFERRAL_STATUSES),
      ];
      const agreementOf = new Map(current.map((a) => [a.providerId, a]));
      const byProvider = new Map<string, OverdueByProvider['providers'][number]>();
      for (const p of providers) {
        const agreement = agreementOf.get(p.id);
        byProvider.set(p.id, {
          provider: { id: p.id, name: p.name },
          agreement: agreement
            ? {
                id: agreement.id,
                title: agreement.title,
                answerDays: agreement.answerDays,
                startDays: agreement.startDays,
                interimReportDays: agreement.interimReportDays,
              }
            : null,
          openReferrals: 0,
          overdue: [],
        });
      }
      for (const r of open) {
        const entry = byProvider.get(r.providerId);
        if (!entry) continue;
        entry.openReferrals++;
        const deadlines =
          r.answerDays !== null && r.startDays !== null && r.interimReportDays !== null
            ? { answerDays: r.answerDays, startDays: r.startDays, interimReportDays: r.interimReportDays }
            : DEFAULT_FEEDBACK_DEADLINES;
        const overdue = referralOverdue(
          {
            status: r.status as ReferralStatus,
            sentOn: r.sentOn,
            acceptedOn: r.acceptedOn,
            startedOn: r.startedOn,
            lastReportOn: r.lastReportOn,
          },
          deadlines,
          today,
        );
        if (!overdue) continue;
        entry.overdue.push({
          referralId: r.id,
          offer: { id: r.offerId, name: r.offerName },
          status: r.status as ReferralStatus,
          sentOn: r.sentOn,
          caseManager: { id: r.caseManagerId, displayName: r.caseManagerName },
          overdue,
        });
      }
      const active = new Set(providers.filter((p) => p.active).map((p) => p.id));
      const list = [...byProvider.values()].filter((e) => active.has(e.provider.id) || e.openReferrals > 0);
      for (const e of list) {
        e.overdue.sort((a, b) => b.overdue.daysOverdue - a.overdue.daysOverdue || a.referralId.localeCompare(b.referralId));
      }
      list.sort((a, b) => byName(a.provider.name, b.provider.name));
      return { today, providers: list };
    });
  }
}

function validUntilBeforeFrom(): FieldError {
  return { field: 'validUntil', code: 'before_valid_from', message: 'Das Ende der Gültigkeit liegt vor ihrem Beginn.' };
}

function nearestLocation(home: { latitude: number; longitude: number }, locations: OfferLocation[]) {
  let best: { location: OfferLocation; distance: number } | null = null;
  for (const location of locations) {
    const distance = distanceKm(home, location);
    if (best === null || distance < best.distance) best = { location, distance };
  }
  return best;
}

/** The offer as the change log keeps it: its content, not the occupancy of the moment. */
function offerForLog(offer: Offer) {
  const { occupied: _occupied, freeCapacity: _free, ...content } = offer;
  return content;
}
