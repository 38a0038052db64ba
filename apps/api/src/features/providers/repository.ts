import {
  type CooperationAgreementsTable,
  type OfferLocationsTable,
  type OffersTable,
  type ProvidersTable,
  type Tx,
  updateIfVersion,
} from '@lotse/db';
import type { HandbookPageContent } from '@lotse/domain';
import { type Insertable, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';

export type ProviderRow = NonNullable<Awaited<ReturnType<ProviderRepository['findProvider']>>>;
export type AgreementRow = NonNullable<Awaited<ReturnType<ProviderRepository['findAgreement']>>>;
export type OfferRow = Awaited<ReturnType<ProviderRepository['offers']>>[number];
export type HandbookRow = NonNullable<Awaited<ReturnType<ProviderRepository['findHandbookPage']>>>;
export type OpenReferralRow = Awaited<ReturnType<ProviderRepository['openReferrals']>>[number];

/** Versioned rows with an `updated_at` column, updated only when the version is still the expected one. */
type Versioned = 'providers' | 'cooperationAgreements' | 'offers';

const PROVIDER_COLUMNS = [
  'p.id',
  'p.name',
  'p.street',
  'p.houseNumber',
  'p.postalCode',
  'p.city',
  'p.phone',
  'p.email',
  'p.website',
  'p.contactPerson',
  'p.active',
  'p.version',
] as const;

const AGREEMENT_COLUMNS = [
  'a.id',
  'a.providerId',
  'p.name as providerName',
  'a.title',
  'a.validFrom',
  'a.validUntil',
  'a.answerDays',
  'a.startDays',
  'a.interimReportDays',
  'a.feedbackProcedure',
  'a.qualityStandards',
  'a.reportingDuties',
  'a.auditRights',
  'a.notice',
  'a.version',
] as const;

const LOCATION_COLUMNS = [
  'l.id',
  'l.label',
  'l.street',
  'l.houseNumber',
  'l.postalCode',
  'l.city',
  'l.latitude',
  'l.longitude',
  'l.openingHours',
  'l.accessible',
] as const;

export interface OfferFilter {
  ids?: string[];
  providerId?: string;
  serviceType?: string;
  /** true / false: only active / inactive offers; undefined: all. */
  active?: boolean;
  /** Only offers whose provider is active (the search). */
  activeProvider?: boolean;
  /** true: offer and provider active (it can be referred to); false: the offer or its provider is inactive. */
  usable?: boolean;
}

/** Providers, cooperation agreements, offers with locations, the handbook and the overdue list (SPEC C6). */
export class ProviderRepository {
  // ——— providers ———

  providers(trx: Tx, tenantId: string) {
    return this.providerQuery(trx, tenantId).orderBy('p.name').orderBy('p.id').execute();
  }

  findProvider(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = this.providerQuery(trx, tenantId).where('p.id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  private providerQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('providers as p')
      .select(PROVIDER_COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('offers as o')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('o.tenantId', '=', 'p.tenantId')
          .whereRef('o.providerId', '=', 'p.id')
          .as('offerCount'),
      )
      .where('p.tenantId', '=', tenantId);
  }

  insertProvider(trx: Tx, row: Insertable<ProvidersTable>) {
    return trx.insertInto('providers').values(row).execute();
  }

  /** Updates a versioned row if its version is still `expectedVersion`; returns whether it did. */
  updateVersioned(trx: Tx, table: Versioned, tenantId: string, id: string, expectedVersion: number, changes: Record<string, unknown>) {
    return updateIfVersion(trx, table, tenantId, id, expectedVersion, changes);
  }

  // ——— cooperation agreements ———

  agreements(trx: Tx, tenantId: string, filter: { providerId?: string } = {}) {
    let query = this.agreementQuery(trx, tenantId);
    if (filter.providerId) query = query.where('a.providerId', '=', filter.providerId);
    return query.orderBy('p.name').orderBy('a.validFrom', 'desc').orderBy('a.id').execute();
  }

  findAgreement(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = this.agreementQuery(trx, tenantId).where('a.id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  private agreementQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('cooperationAgreements as a')
      .innerJoin('providers as p', (join) => join.onRef('p.tenantId', '=', 'a.tenantId').onRef('p.id', '=', 'a.providerId'))
      .select(AGREEMENT_COLUMNS)
      .where('a.tenantId', '=', tenantId);
  }

  insertAgreement(trx: Tx, row: Insertable<CooperationAgreementsTable>) {
    return trx.insertInto('cooperationAgreements').values(row).execute();
  }

  /** Per provider the agreement valid today with the latest start (the "current" one). */
  currentAgreements(trx: Tx, tenantId: string, today: string) {
    return trx
      .selectFrom('cooperationAgreements')
      .distinctOn('providerId')
      .select(['providerId', 'id', 'title', 'answerDays', 'startDays', 'interimReportDays'])
      .where('tenantId', '=', tenantId)
      .where('validFrom', '<=', today)
      .where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', today)]))
      .orderBy('providerId')
      .orderBy('validFrom', 'desc')
      .orderBy('createdAt', 'desc')
      .execute();
  }

  // ——— offers ———

  /** Offers with provider, agreement, locations and the places currently held, in one statement. */
  offers(trx: Tx, tenantId: string, filter: OfferFilter, occupyingStatuses: readonly string[]) {
    let query = trx
      .selectFrom('offers as o')
      .innerJoin('providers as p', (join) => join.onRef('p.tenantId', '=', 'o.tenantId').onRef('p.id', '=', 'o.providerId'))
      .leftJoin('cooperationAgreements as a', (join) => join.onRef('a.tenantId', '=', 'o.tenantId').onRef('a.id', '=', 'o.agreementId'))
      .select([
        'o.id',
        'o.providerId',
        'p.name as providerName',
        'o.agreementId',
        'a.title as agreementTitle',
        'o.name',
        'o.description',
        'o.serviceType',
        'o.targetGroups',
        'o.capacity',
        'o.capacityUnit',
        'o.capacityPeriod',
        'o.waitingDays',
        'o.financingModel',
        'o.priceCents',
        'o.priceUnit',
        'o.contacts',
        'o.measureBeginRule',
        'o.plannedDurationDays',
        'o.active',
        'o.version',
      ])
      .select((eb) => [
        eb
          .selectFrom('referrals as r')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('r.tenantId', '=', 'o.tenantId')
          .whereRef('r.offerId', '=', 'o.id')
          .where('r.status', 'in', occupyingStatuses)
          .as('occupied'),
        jsonArrayFrom(
          eb
            .selectFrom('offerLocations as l')
            .select(LOCATION_COLUMNS)
            .whereRef('l.tenantId', '=', 'o.tenantId')
            .whereRef('l.offerId', '=', 'o.id')
            .orderBy('l.position'),
        ).as('locations'),
      ])
      .where('o.tenantId', '=', tenantId);
    if (filter.ids) query = query.where('o.id', 'in', filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
    if (filter.providerId) query = query.where('o.providerId', '=', filter.providerId);
    if (filter.serviceType) query = query.where('o.serviceType', '=', filter.serviceType);
    if (filter.active !== undefined) query = query.where('o.active', '=', filter.active);
    if (filter.activeProvider) query = query.where('p.active', '=', true);
    if (filter.usable === true) query = query.where('o.active', '=', true).where('p.active', '=', true);
    if (filter.usable === false) query = query.where((eb) => eb.or([eb('o.active', '=', false), eb('p.active', '=', false)]));
    return query.orderBy('o.name').orderBy('o.id').execute();
  }

  lockOffer(trx: Tx, tenantId: string, id: string) {
    return trx
      .selectFrom('offers')
      .select(['id', 'providerId', 'version'])
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  insertOffer(trx: Tx, row: Omit<Insertable<OffersTable>, 'contacts'> & { contacts: unknown }) {
    return trx
      .insertInto('offers')
      .values({ ...row, contacts: JSON.stringify(row.contacts) })
      .execute();
  }

  /** Replaces all locations of an offer. */
  async replaceLocations(trx: Tx, tenantId: string, offerId: string, rows: Insertable<OfferLocationsTable>[]) {
    await trx.deleteFrom('offerLocations').where('tenantId', '=', tenantId).where('offerId', '=', offerId).execute();
    if (rows.length > 0) await trx.insertInto('offerLocations').values(rows).execute();
  }

  // ——— search ———

  /** The person of a case with what the search needs: home coordinates and the target-group facts. */
  personOfCase(trx: Tx, tenantId: string, caseId: string) {
    return trx
      .selectFrom('cases as c')
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.personId'))
      .select(['c.personId', 'p.birthDate', 'p.singleParent', 'p.refugee', 'p.severeDisability', 'p.latitude', 'p.longitude'])
      .where('c.tenantId', '=', tenantId)
      .where('c.id', '=', caseId)
      .executeTakeFirst();
  }

  consentsOfPerson(trx: Tx, tenantId: string, personId: string) {
    return trx
      .selectFrom('consents')
      .select(['providerId', 'categories', 'givenOn', 'validUntil', 'revokedOn'])
      .where('tenantId', '=', tenantId)
      .where('personId', '=', personId)
      .execute();
  }

  // ——— handbook ———

  handbookPages(trx: Tx, tenantId: string) {
    return this.handbookQuery(trx, tenantId).execute();
  }

  findHandbookPage(trx: Tx, tenantId: string, serviceType: string, options: { forUpdate?: boolean } = {}) {
    let query = this.handbookQuery(trx, tenantId).where('serviceType', '=', serviceType);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  private handbookQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('handbookPages')
      .select(['serviceType', 'title', 'summary', 'checklists', 'sources', 'updatedAt', 'version'])
      .where('tenantId', '=', tenantId);
  }

  async updateHandbookPage(
    trx: Tx,
    tenantId: string,
    serviceType: string,
    expectedVersion: number,
    changes: { title?: string; summary?: string; checklists?: unknown; sources?: string | null; updatedBy: string },
  ): Promise<boolean> {
    const { checklists, ...rest } = changes;
    const result = await trx
      .updateTable('handbookPages')
      .set({
        ...rest,
        ...(checklists === undefined ? {} : { checklists: JSON.stringify(checklists) }),
        version: sql`version + 1`,
        updatedAt: sql`now()`,
      })
      .where('tenantId', '=', tenantId)
      .where('serviceType', '=', serviceType)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  // ——— overdue feedback ———

  /** Open referrals (sent, accepted, started) with the offer's deadlines and the case manager; no person data. */
  openReferrals(trx: Tx, tenantId: string, openStatuses: readonly string[]) {
    return trx
      .selectFrom('referrals as r')
      .innerJoin('offers as o', (join) => join.onRef('o.tenantId', '=', 'r.tenantId').onRef('o.id', '=', 'r.offerId'))
      .leftJoin('cooperationAgreements as a', (join) => join.onRef('a.tenantId', '=', 'o.tenantId').onRef('a.id', '=', 'o.agreementId'))
      .innerJoin('cases as c', (join) => join.onRef('c.tenantId', '=', 'r.tenantId').onRef('c.id', '=', 'r.caseId'))
      .innerJoin('users as m', (join) => join.onRef('m.tenantId', '=', 'c.tenantId').onRef('m.id', '=', 'c.caseManagerId'))
      .select([
        'r.id',
        'r.providerId',
        'r.status',
        'r.sentOn',
        'r.acceptedOn',
        'r.startedOn',
        'r.lastReportOn',
        'o.id as offerId',
        'o.name as offerName',
        'a.answerDays',
        'a.startDays',
        'a.interimReportDays',
        'c.caseManagerId',
        'm.displayName as caseManagerName',
      ])
      .where('r.tenantId', '=', tenantId)
      .where('r.status', 'in', openStatuses)
      .execute();
  }
}

/**
 * Gives a tenant the default handbook pages it lacks (at creation and at start for older tenants);
 * pages the tenant edited stay as they are.
 */
export async function ensureHandbookPages(trx: Tx, tenantId: string, pages: readonly HandbookPageContent[]) {
  if (pages.length === 0) return;
  await trx
    .insertInto('handbookPages')
    .values(
      pages.map((page) => ({
        tenantId,
        serviceType: page.serviceType,
        title: page.title,
        summary: page.summary,
        checklists: JSON.stringify(page.checklists),
        sources: page.sources,
      })),
    )
    .onConflict((oc) => oc.columns(['tenantId', 'serviceType']).doNothing())
    .execute();
}
