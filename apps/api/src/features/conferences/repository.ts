import type { Database, Tx } from '@lotse/db';
import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';

export type ConferenceRow = NonNullable<Awaited<ReturnType<ConferenceRepository['findConference']>>>;
export type ConferenceRecord = Awaited<ReturnType<ConferenceRepository['conferencesOfCase']>>[number];
export type PortalConferenceRecord = Awaited<ReturnType<ConferenceRepository['portalConferences']>>[number];

export interface ParticipantRecord {
  id: string;
  kind: 'internal' | 'provider' | 'other';
  userId: string | null;
  providerId: string | null;
  name: string;
  organisation: string | null;
  function: string | null;
}

export interface ActionRecord {
  id: string;
  kind: 'follow_up' | 'plan_change';
  title: string;
  dueOn: string;
  ownerId: string | null;
  ownerName: string | null;
  providerId: string | null;
  providerName: string | null;
  followUpId: string | null;
  goalId: string | null;
  subgoalId: string | null;
  createdAt: string;
}

export interface NewParticipant {
  kind: 'internal' | 'provider' | 'other';
  userId: string | null;
  providerId: string | null;
  name: string;
  organisation: string | null;
  function: string | null;
}

type ConferenceScope = ExpressionBuilder<Database & { c: Database['caseConferences'] }, 'c'>;

const PARTICIPANT_COLUMNS = ['cp.id', 'cp.kind', 'cp.userId', 'cp.providerId', 'cp.name', 'cp.organisation', 'cp.function'] as const;

function participantsOf(eb: ConferenceScope, providerId?: string) {
  let query = eb
    .selectFrom('conferenceParticipants as cp')
    .select(PARTICIPANT_COLUMNS)
    .whereRef('cp.tenantId', '=', 'c.tenantId')
    .whereRef('cp.conferenceId', '=', 'c.id');
  if (providerId) query = query.where('cp.providerId', '=', providerId);
  return jsonArrayFrom(query.orderBy('cp.position'));
}

function actionsOf(eb: ConferenceScope, providerId?: string) {
  let query = eb
    .selectFrom('conferenceActions as ca')
    .leftJoin('users as ou', (join) => join.onRef('ou.tenantId', '=', 'ca.tenantId').onRef('ou.id', '=', 'ca.ownerId'))
    .leftJoin('providers as pr', (join) => join.onRef('pr.tenantId', '=', 'ca.tenantId').onRef('pr.id', '=', 'ca.providerId'))
    .select([
      'ca.id',
      'ca.kind',
      'ca.title',
      'ca.dueOn',
      'ca.ownerId',
      'ou.displayName as ownerName',
      'ca.providerId',
      'pr.name as providerName',
      'ca.followUpId',
      'ca.goalId',
      'ca.subgoalId',
      'ca.createdAt',
    ])
    .whereRef('ca.tenantId', '=', 'c.tenantId')
    .whereRef('ca.conferenceId', '=', 'c.id');
  if (providerId) query = query.where('ca.providerId', '=', providerId);
  return jsonArrayFrom(query.orderBy('ca.dueOn').orderBy('ca.createdAt'));
}

/** Case conferences (Fallkonferenzen) with their participants and agreed actions. */
export class ConferenceRepository {
  findConference(trx: Tx, tenantId: string, id: string, options: { forUpdate?: boolean } = {}) {
    let query = trx.selectFrom('caseConferences').selectAll().where('tenantId', '=', tenantId).where('id', '=', id);
    if (options.forUpdate) query = query.forUpdate();
    return query.executeTakeFirst();
  }

  private fullQuery(trx: Tx, tenantId: string) {
    return trx
      .selectFrom('caseConferences as c')
      .innerJoin('users as u', (join) => join.onRef('u.tenantId', '=', 'c.tenantId').onRef('u.id', '=', 'c.createdBy'))
      .select([
        'c.id',
        'c.caseId',
        'c.scheduledAt',
        'c.location',
        'c.status',
        'c.personPresent',
        'c.absenceReason',
        'c.topics',
        'c.minutes',
        'c.createdBy',
        'u.displayName as createdByName',
        'c.version',
      ])
      .select((eb) => [participantsOf(eb).as('participants'), actionsOf(eb).as('actions')])
      .where('c.tenantId', '=', tenantId);
  }

  /** All conferences of a case, the latest date first. */
  conferencesOfCase(trx: Tx, tenantId: string, caseId: string) {
    return this.fullQuery(trx, tenantId).where('c.caseId', '=', caseId).orderBy('c.scheduledAt', 'desc').orderBy('c.id').execute();
  }

  conference(trx: Tx, tenantId: string, id: string) {
    return this.fullQuery(trx, tenantId).where('c.id', '=', id).executeTakeFirst();
  }

  insertConference(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      caseId: string;
      scheduledAt: string;
      location: string | null;
      topics: string[];
      createdBy: string;
    },
  ) {
    return trx
      .insertInto('caseConferences')
      .values({ ...row, topics: JSON.stringify(row.topics) })
      .execute();
  }

  /** Updates the conference if its version is still `expectedVersion`; returns whether it did. */
  async updateVersioned(
    trx: Tx,
    tenantId: string,
    id: string,
    expectedVersion: number,
    changes: {
      scheduledAt?: string;
      location?: string | null;
      topics?: string[];
      status?: 'planned' | 'held' | 'cancelled';
      personPresent?: boolean | null;
      absenceReason?: string | null;
      minutes?: string | null;
    },
  ): Promise<boolean> {
    const { topics, ...rest } = changes;
    const result = await trx
      .updateTable('caseConferences')
      .set({
        ...rest,
        ...(topics === undefined ? {} : { topics: JSON.stringify(topics) }),
        version: sql`version + 1`,
        updatedAt: sql`now()`,
      })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Replaces all participants of a conference, in the given order. */
  async replaceParticipants(trx: Tx, tenantId: string, conferenceId: string, participants: Array<NewParticipant & { id: string }>) {
    await trx.deleteFrom('conferenceParticipants').where('tenantId', '=', tenantId).where('conferenceId', '=', conferenceId).execute();
    if (participants.length === 0) return;
    await trx
      .insertInto('conferenceParticipants')
      .values(participants.map((p, position) => ({ tenantId, conferenceId, position, ...p })))
      .execute();
  }

  participantsOfConference(trx: Tx, tenantId: string, conferenceId: string) {
    return trx
      .selectFrom('conferenceParticipants')
      .select(['id', 'kind', 'userId', 'providerId', 'name', 'organisation', 'function'])
      .where('tenantId', '=', tenantId)
      .where('conferenceId', '=', conferenceId)
      .orderBy('position')
      .execute();
  }

  insertAction(
    trx: Tx,
    row: {
      tenantId: string;
      id: string;
      conferenceId: string;
      kind: 'follow_up' | 'plan_change';
      title: string;
      dueOn: string;
      ownerId: string | null;
      providerId: string | null;
      followUpId: string | null;
      goalId: string | null;
      subgoalId: string | null;
      createdBy: string;
    },
  ) {
    return trx.insertInto('conferenceActions').values(row).execute();
  }

  /** Active Jobcenter users among `ids` (not provider staff), with their names. */
  internalUsers(trx: Tx, tenantId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('tenantId', '=', tenantId)
      .where('id', 'in', ids)
      .where('disabled', '=', false)
      .where('providerId', 'is', null)
      .where(sql<boolean>`not ('provider_staff' = any(roles))`)
      .execute();
  }

  providersByIds(trx: Tx, tenantId: string, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return trx.selectFrom('providers').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', 'in', ids).execute();
  }

  /**
   * Conferences in which `providerId` takes part, with only that provider's participants and actions,
   * and the person (to be shown only under a valid consent).
   */
  portalConferences(trx: Tx, tenantId: string, providerId: string, conferenceId?: string) {
    let query = trx
      .selectFrom('caseConferences as c')
      .innerJoin('cases as k', (join) => join.onRef('k.tenantId', '=', 'c.tenantId').onRef('k.id', '=', 'c.caseId'))
      .innerJoin('persons as p', (join) => join.onRef('p.tenantId', '=', 'k.tenantId').onRef('p.id', '=', 'k.personId'))
      .select(['c.id', 'c.scheduledAt', 'c.location', 'c.status', 'k.personId', 'p.firstName', 'p.lastName'])
      .select((eb) => [participantsOf(eb, providerId).as('participants'), actionsOf(eb, providerId).as('actions')])
      .where('c.tenantId', '=', tenantId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('conferenceParticipants as x')
            .select('x.id')
            .whereRef('x.tenantId', '=', 'c.tenantId')
            .whereRef('x.conferenceId', '=', 'c.id')
            .where('x.providerId', '=', providerId),
        ),
      );
    if (conferenceId) query = query.where('c.id', '=', conferenceId);
    return query.orderBy('c.scheduledAt', 'desc').orderBy('c.id').execute();
  }

  /** Consents of the persons for one provider (their state is decided by the domain's consentState). */
  consentsForProvider(trx: Tx, tenantId: string, providerId: string, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('consents')
      .select(['personId', 'categories', 'givenOn', 'validUntil', 'revokedOn'])
      .where('tenantId', '=', tenantId)
      .where('providerId', '=', providerId)
      .where('personId', 'in', personIds)
      .execute();
  }
}
