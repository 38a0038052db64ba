import { randomUUID } from 'node:crypto';
import { withTenant } from '@lotse/db';
import { addDays, todayInGermany } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../testing';
import { call, expectOk, type SeededCase, seedCaseInPlanning } from '../cases/testing';
import { createUserDirect } from '../tenants/provisioning';

const today = todayInGermany();
const yesterday = addDays(today, -1);
const FAST = { memoryCost: 1024, timeCost: 1 };

/** A time on `day` in German local time (winter or summer offset does not matter for the day). */
const at = (day: string, time = '10:00') => `${day}T${time}:00+01:00`;

describe.each(['pglite', 'postgres'] as const)('case conferences on %s', (kind) => {
  let t: TestApp;
  let cm: Session;
  let otherCm: Session;
  let placement: Session;
  let providerStaff: Session;
  let otherProviderStaff: Session;
  let tenantBProviderStaff: Session;
  let otherProviderId: string;
  let personCounter = 0;

  async function newPerson() {
    personCounter++;
    const res = await call(t, cm, 'POST', '/api/persons', {
      customerNumber: `456D${String(personCounter).padStart(6, '0')}`,
      firstName: 'Mira',
      lastName: `Konferenz${personCounter}`,
      birthDate: '1990-05-06',
      sex: 'female',
      street: 'Lotsenweg',
      houseNumber: '7',
      postalCode: '12345',
      city: 'Lotsenbach',
    });
    await expectOk(res, 201);
    return res.json().id as string;
  }

  async function newCase(): Promise<SeededCase & { personId: string }> {
    const personId = await newPerson();
    return { ...(await seedCaseInPlanning(t, cm, personId)), personId };
  }

  function conferenceBody(overrides: Record<string, unknown> = {}) {
    return {
      scheduledAt: at(yesterday),
      location: 'Jobcenter, Raum 2.14',
      topics: ['Stand der Schuldnerberatung', 'Nächste Schritte'],
      participants: [
        { kind: 'internal', userId: t.tenantA.users.placement_officer.id, function: 'Arbeitsvermittlung' },
        { kind: 'provider', providerId: t.tenantA.providerId, name: 'Frau Berater', function: 'Schuldnerberatung' },
        { kind: 'other', name: 'Herr Vormund', organisation: 'Betreuungsverein', function: 'rechtlicher Betreuer' },
      ],
      ...overrides,
    };
  }

  async function createConference(caseId: string, overrides: Record<string, unknown> = {}) {
    const res = await call(t, cm, 'POST', `/api/cases/${caseId}/conferences`, conferenceBody(overrides));
    await expectOk(res, 201);
    return res.json();
  }

  async function patch(session: Session, id: string, version: number | null, body: Record<string, unknown>) {
    return call(t, session, 'PATCH', `/api/conferences/${id}`, body, version === null ? {} : { 'if-match': `"${version}"` });
  }

  async function insertConsent(c: { caseId: string; personId: string }, providerId: string, revokedOn: string | null = null) {
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .insertInto('consents')
        .values({
          tenantId: t.tenantA.id,
          id: randomUUID(),
          personId: c.personId,
          caseId: c.caseId,
          providerId,
          categories: ['attendance'],
          purpose: 'Abstimmung in der Fallkonferenz',
          form: 'written',
          givenOn: addDays(today, -10),
          validUntil: null,
          counselled: ['content', 'effects', 'scope', 'voluntariness', 'benefit'],
          revokedOn,
          recordedBy: t.tenantA.users.case_manager.id,
        })
        .execute(),
    );
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const second = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      { username: `zweite.fk.${kind}`, displayName: 'Zweite Fallmanagerin', password: TEST_PASSWORD, roles: ['case_manager'] },
      FAST,
    );
    otherProviderId = randomUUID();
    await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx
        .insertInto('providers')
        .values({ tenantId: t.tenantA.id, id: otherProviderId, name: 'Anderer Träger', city: 'Lotsenbach' })
        .execute(),
    );
    const otherStaff = await createUserDirect(
      t.database.owner,
      t.tenantA.id,
      {
        username: `anderer.traeger.${kind}`,
        displayName: 'Anderer Träger Mitarbeiter',
        password: TEST_PASSWORD,
        roles: ['provider_staff'],
        providerId: otherProviderId,
      },
      FAST,
    );
    cm = await t.login(t.tenantA.users.case_manager.username);
    otherCm = await t.login(second.username);
    placement = await t.login(t.tenantA.users.placement_officer.username);
    providerStaff = await t.login(t.tenantA.users.provider_staff.username);
    otherProviderStaff = await t.login(otherStaff.username);
    tenantBProviderStaff = await t.login(t.tenantB.users.provider_staff.username);
  });
  afterAll(async () => t?.close());

  it('plans a conference, idempotently, and lists and reads it (logged as a read of the case)', async () => {
    const c = await newCase();
    const key = { 'idempotency-key': `conf-${kind}-1` };
    const first = await call(t, cm, 'POST', `/api/cases/${c.caseId}/conferences`, conferenceBody(), key);
    await expectOk(first, 201);
    const replay = await call(t, cm, 'POST', `/api/cases/${c.caseId}/conferences`, conferenceBody(), key);
    expect(replay.statusCode).toBe(201);
    expect(replay.json().id).toBe(first.json().id);
    expect(first.headers.etag).toBe('"1"');
    expect(first.headers.location).toBe(`/api/conferences/${first.json().id}`);

    const body = first.json();
    expect(body).toMatchObject({
      caseId: c.caseId,
      status: 'planned',
      location: 'Jobcenter, Raum 2.14',
      personPresent: null,
      absenceReason: null,
      topics: ['Stand der Schuldnerberatung', 'Nächste Schritte'],
      minutes: null,
      actions: [],
      createdBy: { id: t.tenantA.users.case_manager.id },
      version: 1,
    });
    expect(new Date(body.scheduledAt).toISOString()).toBe(new Date(at(yesterday)).toISOString());
    expect(body.participants).toMatchObject([
      {
        kind: 'internal',
        userId: t.tenantA.users.placement_officer.id,
        providerId: null,
        function: 'Arbeitsvermittlung',
      },
      { kind: 'provider', providerId: t.tenantA.providerId, name: 'Frau Berater', organisation: expect.stringMatching(/^Träger /) },
      { kind: 'other', userId: null, providerId: null, name: 'Herr Vormund', organisation: 'Betreuungsverein' },
    ]);
    // Internal participants are named after the user.
    expect(body.participants[0].name).toBe(`placement_officer ${t.tenantA.users.placement_officer.username.split('.')[1]}`);

    const second = await createConference(c.caseId, { scheduledAt: at(addDays(today, 7)), topics: ['Folgetermin'] });
    // Any case reader may read (here: the placement officer and another case manager).
    const list = await call(t, placement, 'GET', `/api/cases/${c.caseId}/conferences`);
    await expectOk(list);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([second.id, body.id]);
    const one = await call(t, otherCm, 'GET', `/api/conferences/${body.id}`);
    await expectOk(one);
    expect(one.headers.etag).toBe('"1"');
    expect(one.json()).toEqual(body);

    const reads = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.selectFrom('readLog').select(['actorId', 'purpose']).where('personId', '=', c.personId).execute(),
    );
    expect(reads).toContainEqual({ actorId: otherCm.userId, purpose: 'case' });
    expect(reads).toContainEqual({ actorId: placement.userId, purpose: 'case' });

    expect((await call(t, cm, 'GET', `/api/conferences/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(t, cm, 'GET', `/api/cases/${randomUUID()}/conferences`)).statusCode).toBe(404);
  });

  it('checks participants: active Jobcenter users and known providers, with the field path', async () => {
    const c = await newCase();
    const res = await call(
      t,
      cm,
      'POST',
      `/api/cases/${c.caseId}/conferences`,
      conferenceBody({
        participants: [
          { kind: 'internal', userId: t.tenantA.users.provider_staff.id },
          { kind: 'provider', providerId: randomUUID(), name: 'Unbekannt' },
          { kind: 'internal', userId: t.tenantB.users.case_manager.id },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'participants.0.userId:unknown_user',
      'participants.1.providerId:unknown_provider',
      'participants.2.userId:unknown_user',
    ]);
    const empty = await call(t, cm, 'POST', `/api/cases/${c.caseId}/conferences`, conferenceBody({ topics: [] }));
    expect(empty.statusCode).toBe(400);
  });

  it('changes a planned conference only with If-Match (428/412); participants replace all', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId);
    const missing = await patch(cm, conf.id, null, { location: 'Rathaus' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('PRECONDITION_REQUIRED');

    const changed = await patch(cm, conf.id, 1, {
      location: 'Rathaus, Saal 1',
      topics: ['Wohnung'],
      participants: [{ kind: 'other', name: 'Frau Nachbarin' }],
    });
    await expectOk(changed);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ location: 'Rathaus, Saal 1', topics: ['Wohnung'], version: 2 });
    expect(changed.json().participants).toHaveLength(1);
    expect(changed.json().participants[0]).toMatchObject({ kind: 'other', name: 'Frau Nachbarin', organisation: null });

    const stale = await patch(cm, conf.id, 1, { location: 'Anderswo' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('PRECONDITION_FAILED');

    const badParticipant = await patch(cm, conf.id, 2, { participants: [{ kind: 'provider', providerId: randomUUID(), name: 'X' }] });
    expect(badParticipant.statusCode).toBe(400);
    expect(badParticipant.json().errors[0].field).toBe('participants.0.providerId');

    const changes = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.selectFrom('changeLog').select(['entity', 'action']).where('entityId', '=', conf.id).orderBy('seq').execute(),
    );
    expect(changes).toEqual([
      { entity: 'case_conference', action: 'create' },
      { entity: 'case_conference', action: 'update' },
    ]);
  });

  it('records a held conference: presence required, absence needs a reason; afterwards only the minutes', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId);

    const noPresence = await patch(cm, conf.id, 1, { status: 'held' });
    expect(noPresence.statusCode).toBe(400);
    expect(noPresence.json().errors.map((e: { field: string }) => e.field)).toEqual(['personPresent']);

    const noReason = await patch(cm, conf.id, 1, { status: 'held', personPresent: false, absenceReason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'absenceReason', code: 'required', message: expect.stringContaining('Grund') }]);

    const held = await patch(cm, conf.id, 1, {
      status: 'held',
      personPresent: false,
      absenceReason: 'Die Person ist erkrankt und hat der Durchführung ohne sie zugestimmt.',
      minutes: 'Schuldnerberatung läuft; Termin beim Vermieter vereinbart.',
    });
    await expectOk(held);
    expect(held.json()).toMatchObject({ status: 'held', personPresent: false, version: 2 });

    const closed = await patch(cm, conf.id, 2, { location: 'Anderswo', status: 'cancelled' });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'location:conference_closed',
      'status:conference_closed',
    ]);
    const minutes = await patch(cm, conf.id, 2, { minutes: 'Ergänzt: Rückmeldung bis Monatsende.' });
    await expectOk(minutes);
    expect(minutes.json()).toMatchObject({ minutes: 'Ergänzt: Rückmeldung bis Monatsende.', version: 3 });

    // Present: no reason needed. A conference in the future cannot have been held yet.
    const other = await createConference(c.caseId, { scheduledAt: at(today, '00:30') });
    await expectOk(await patch(cm, other.id, 1, { status: 'held', personPresent: true }));
    const future = await createConference(c.caseId, { scheduledAt: at(addDays(today, 3)) });
    const early = await patch(cm, future.id, 1, { status: 'held', personPresent: true });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'status', code: 'not_yet_held' });
    await expectOk(await patch(cm, future.id, 1, { status: 'cancelled' }));
  });

  it('turns agreed actions into follow-ups and sub-goals of the case', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId);
    const dueOn = addDays(today, 14);

    const followUp = await call(
      t,
      cm,
      'POST',
      `/api/conferences/${conf.id}/actions`,
      { kind: 'follow_up', title: 'Rückmeldung des Vermieters prüfen', dueOn, providerId: t.tenantA.providerId },
      { 'idempotency-key': `action-${kind}-1` },
    );
    await expectOk(followUp, 201);
    const action = followUp.json().actions[0];
    expect(action).toMatchObject({
      kind: 'follow_up',
      title: 'Rückmeldung des Vermieters prüfen',
      dueOn,
      owner: { id: t.tenantA.users.case_manager.id },
      provider: { id: t.tenantA.providerId },
      goalId: null,
      subGoalId: null,
    });
    const replay = await call(
      t,
      cm,
      'POST',
      `/api/conferences/${conf.id}/actions`,
      { kind: 'follow_up', title: 'Rückmeldung des Vermieters prüfen', dueOn, providerId: t.tenantA.providerId },
      { 'idempotency-key': `action-${kind}-1` },
    );
    expect(replay.json().actions).toHaveLength(1);

    const planChange = await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, {
      kind: 'plan_change',
      title: 'Haushaltsplan mit der Schuldnerberatung erstellen',
      dueOn,
      goalId: c.goalId,
      providerId: t.tenantA.providerId,
    });
    await expectOk(planChange, 201);
    const subGoalAction = planChange.json().actions.find((a: { kind: string }) => a.kind === 'plan_change');
    expect(subGoalAction).toMatchObject({ goalId: c.goalId, owner: null, provider: { id: t.tenantA.providerId } });

    const file = await call(t, cm, 'GET', `/api/cases/${c.caseId}`);
    await expectOk(file);
    const followUps = file.json().followUps as Array<{ id: string; title: string; dueOn: string; owner: { id: string } }>;
    expect(followUps.find((f) => f.id === action.followUpId)).toMatchObject({
      title: 'Rückmeldung des Vermieters prüfen',
      dueOn,
      owner: { id: t.tenantA.users.case_manager.id },
    });
    const goal = file.json().goals.find((g: { id: string }) => g.id === c.goalId);
    expect(goal.subGoals.find((s: { id: string }) => s.id === subGoalAction.subGoalId)).toMatchObject({
      title: 'Haushaltsplan mit der Schuldnerberatung erstellen',
      ownerKind: 'provider',
      dueOn,
    });

    // Another staff member as owner of a follow-up.
    const owned = await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, {
      kind: 'follow_up',
      title: 'Stellenangebote vorschlagen',
      dueOn,
      ownerId: t.tenantA.users.placement_officer.id,
    });
    await expectOk(owned, 201);
  });

  it('puts planned conferences of today on "Meine Arbeit heute", not those of other days or cancelled ones', async () => {
    const c = await newCase();
    const todays = await createConference(c.caseId, { scheduledAt: at(today, '14:30'), location: 'Raum 3' });
    await createConference(c.caseId, { scheduledAt: at(addDays(today, 1)) });
    const cancelled = await createConference(c.caseId, { scheduledAt: at(today, '09:00') });
    await expectOk(await patch(cm, cancelled.id, cancelled.version, { status: 'cancelled' }));
    const work = await call(t, cm, 'GET', '/api/work/today');
    await expectOk(work);
    const items = work.json().items.filter((i: { kind: string; caseId: string }) => i.kind === 'conference_today' && i.caseId === c.caseId);
    expect(items).toEqual([
      expect.objectContaining({
        refId: todays.id,
        dueOn: today,
        title: expect.stringMatching(/^Fallkonferenz um \d\d:\d\d Uhr \(Raum 3\)$/),
      }),
    ]);
    const others = await call(t, otherCm, 'GET', '/api/work/today');
    expect(others.json().items.some((i: { refId: string }) => i.refId === todays.id)).toBe(false);
  });

  it('refuses actions with a provider that is not a participant, a goal of another case, or missing goal', async () => {
    const c = await newCase();
    const other = await newCase();
    const conf = await createConference(c.caseId, { participants: [{ kind: 'other', name: 'Frau Nachbarin' }] });
    const url = `/api/conferences/${conf.id}/actions`;
    const dueOn = addDays(today, 7);

    const notParticipant = await call(t, cm, 'POST', url, { kind: 'follow_up', title: 'X', dueOn, providerId: t.tenantA.providerId });
    expect(notParticipant.statusCode).toBe(400);
    expect(notParticipant.json().errors.map((e: { field: string }) => e.field)).toEqual(['providerId']);

    const foreignGoal = await call(t, cm, 'POST', url, { kind: 'plan_change', title: 'X', dueOn, goalId: other.goalId });
    expect(foreignGoal.statusCode).toBe(400);
    expect(foreignGoal.json().errors).toEqual([expect.objectContaining({ field: 'goalId', code: 'unknown_goal' })]);

    const noGoal = await call(t, cm, 'POST', url, { kind: 'plan_change', title: 'X', dueOn });
    expect(noGoal.statusCode).toBe(400);
    expect(noGoal.json().errors[0]).toMatchObject({ field: 'goalId', code: 'required' });

    const badOwner = await call(t, cm, 'POST', url, { kind: 'follow_up', title: 'X', dueOn, ownerId: t.tenantA.users.admin.id });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().errors[0].field).toBe('ownerId');

    const cancelled = await createConference(c.caseId);
    await expectOk(await patch(cm, cancelled.id, 1, { status: 'cancelled' }));
    const onCancelled = await call(t, cm, 'POST', `/api/conferences/${cancelled.id}/actions`, { kind: 'follow_up', title: 'X', dueOn });
    expect(onCancelled.statusCode).toBe(409);

    const nothing = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
      trx.selectFrom('conferenceActions').select('id').where('conferenceId', '=', conf.id).execute(),
    );
    expect(nothing).toEqual([]);
  });

  it('lets only the responsible case manager change conferences (403 NOT_RESPONSIBLE)', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId);
    const create = await call(t, otherCm, 'POST', `/api/cases/${c.caseId}/conferences`, conferenceBody());
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('NOT_RESPONSIBLE');
    const change = await patch(otherCm, conf.id, 1, { location: 'Anderswo' });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('NOT_RESPONSIBLE');
    const action = await call(t, otherCm, 'POST', `/api/conferences/${conf.id}/actions`, {
      kind: 'follow_up',
      title: 'X',
      dueOn: addDays(today, 3),
    });
    expect(action.statusCode).toBe(403);
    expect(action.json().code).toBe('NOT_RESPONSIBLE');
    // Other roles do not reach the route at all; tenant B does not see the conference.
    expect((await patch(placement, conf.id, 1, { location: 'X' })).statusCode).toBe(403);
    const tenantBCm = await t.login(t.tenantB.users.case_manager.username);
    expect((await call(t, tenantBCm, 'GET', `/api/conferences/${conf.id}`)).statusCode).toBe(404);
    expect((await patch(tenantBCm, conf.id, 1, { location: 'X' })).statusCode).toBe(404);
  });

  it('keeps closed cases read-only (409 CASE_READ_ONLY); plan changes only while the plan is editable', async () => {
    const personId = await newPerson();
    const created = await call(t, cm, 'POST', '/api/cases', { personId });
    await expectOk(created, 201);
    const caseId = created.json().id as string;
    const conf = await createConference(caseId);
    // In intake there is no help plan yet: a plan change is refused, a follow-up is fine.
    const planChange = await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, {
      kind: 'plan_change',
      title: 'X',
      dueOn: addDays(today, 7),
      goalId: randomUUID(),
    });
    expect(planChange.statusCode).toBe(409);
    expect(planChange.json().code).toBe('CASE_READ_ONLY');
    const declined = await call(
      t,
      cm,
      'POST',
      `/api/cases/${caseId}/transitions`,
      { action: 'decline', reason: 'Kein Bedarf an Fallmanagement.' },
      { 'if-match': `"${created.json().version}"` },
    );
    await expectOk(declined);
    const again = await call(t, cm, 'POST', `/api/cases/${caseId}/conferences`, conferenceBody());
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CASE_READ_ONLY');
    const change = await patch(cm, conf.id, 1, { minutes: 'Nachtrag' });
    expect(change.statusCode).toBe(409);
    expect(change.json().code).toBe('CASE_READ_ONLY');
    // Reading stays possible.
    await expectOk(await call(t, cm, 'GET', `/api/cases/${caseId}/conferences`));
  });

  it('shows providers only their part, the name only under a valid consent, and nothing of other providers or tenants', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId, {
      participants: [
        { kind: 'internal', userId: t.tenantA.users.placement_officer.id },
        { kind: 'provider', providerId: t.tenantA.providerId, name: 'Frau Berater', function: 'Schuldnerberatung' },
        { kind: 'provider', providerId: otherProviderId, name: 'Herr Andere', function: 'Suchtberatung' },
        { kind: 'other', name: 'Herr Vormund', organisation: 'Betreuungsverein' },
      ],
    });
    const dueOn = addDays(today, 10);
    await expectOk(
      await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, {
        kind: 'follow_up',
        title: 'Bericht an das Jobcenter',
        dueOn,
        providerId: t.tenantA.providerId,
      }),
      201,
    );
    await expectOk(
      await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, {
        kind: 'follow_up',
        title: 'Aufgabe des anderen Trägers',
        dueOn,
        providerId: otherProviderId,
      }),
      201,
    );
    await expectOk(await call(t, cm, 'POST', `/api/conferences/${conf.id}/actions`, { kind: 'follow_up', title: 'Intern', dueOn }), 201);
    await expectOk(
      await patch(cm, conf.id, 1, {
        status: 'held',
        personPresent: false,
        absenceReason: 'Krank',
        minutes: 'Vertrauliches Protokoll',
      }),
    );
    // A conference of another case without this provider is not listed.
    const without = await createConference(c.caseId, { participants: [{ kind: 'other', name: 'Niemand vom Träger' }] });

    const list = await call(t, providerStaff, 'GET', '/api/portal/conferences');
    await expectOk(list);
    const mine = list.json().items.find((x: { id: string }) => x.id === conf.id);
    expect(list.json().items.some((x: { id: string }) => x.id === without.id)).toBe(false);
    expect(mine).toEqual({
      id: conf.id,
      scheduledAt: conf.scheduledAt,
      location: conf.location,
      status: 'held',
      personName: null,
      participants: [{ id: expect.any(String), name: 'Frau Berater', function: 'Schuldnerberatung' }],
      actions: [{ id: expect.any(String), title: 'Bericht an das Jobcenter', dueOn }],
    });
    const raw = list.body;
    for (const secret of ['Vertrauliches Protokoll', 'Stand der Schuldnerberatung', 'Herr Andere', 'Herr Vormund', 'Krank', 'Intern']) {
      expect(raw).not.toContain(secret);
    }

    const single = await call(t, providerStaff, 'GET', `/api/portal/conferences/${conf.id}`);
    await expectOk(single);
    expect(single.json().personName).toBeNull();
    expect(await portalReads()).toBe(0);

    // With a consent for another provider: still no name; with one for this provider: the name, logged.
    await insertConsent(c, otherProviderId);
    expect((await call(t, providerStaff, 'GET', `/api/portal/conferences/${conf.id}`)).json().personName).toBeNull();
    await insertConsent(c, t.tenantA.providerId, null);
    const named = await call(t, providerStaff, 'GET', `/api/portal/conferences/${conf.id}`);
    expect(named.json().personName).toMatch(/^Mira Konferenz\d+$/);
    expect(await portalReads()).toBe(1);
    const namedList = await call(t, providerStaff, 'GET', '/api/portal/conferences');
    expect(namedList.json().items.find((x: { id: string }) => x.id === conf.id).personName).toMatch(/^Mira Konferenz/);

    // The other provider sees its own part; a conference without it is 404.
    const theirs = await call(t, otherProviderStaff, 'GET', `/api/portal/conferences/${conf.id}`);
    await expectOk(theirs);
    expect(theirs.json().participants.map((p: { name: string }) => p.name)).toEqual(['Herr Andere']);
    expect(theirs.json().actions.map((a: { title: string }) => a.title)).toEqual(['Aufgabe des anderen Trägers']);
    expect(theirs.json().personName).toMatch(/^Mira Konferenz/);
    expect((await call(t, otherProviderStaff, 'GET', `/api/portal/conferences/${without.id}`)).statusCode).toBe(404);
    expect((await call(t, providerStaff, 'GET', `/api/portal/conferences/${without.id}`)).statusCode).toBe(404);
    // Tenant B's provider staff: 404 and an empty list.
    expect((await call(t, tenantBProviderStaff, 'GET', `/api/portal/conferences/${conf.id}`)).statusCode).toBe(404);
    const bList = await call(t, tenantBProviderStaff, 'GET', '/api/portal/conferences');
    expect(bList.json().items.some((x: { id: string }) => x.id === conf.id)).toBe(false);

    // Roles: providers never reach the Jobcenter routes, staff never the portal routes.
    expect((await call(t, providerStaff, 'GET', `/api/conferences/${conf.id}`)).statusCode).toBe(403);
    expect((await call(t, providerStaff, 'GET', `/api/cases/${c.caseId}/conferences`)).statusCode).toBe(403);
    expect((await call(t, cm, 'GET', '/api/portal/conferences')).statusCode).toBe(403);

    async function portalReads() {
      const rows = await withTenant(t.database.owner, t.tenantA.id, (trx) =>
        trx
          .selectFrom('readLog')
          .select('purpose')
          .where('personId', '=', c.personId)
          .where('actorId', '=', providerStaff.userId)
          .where('purpose', '=', 'provider_portal')
          .execute(),
      );
      return rows.length;
    }
  });

  it('hides the name again once the consent is revoked', async () => {
    const c = await newCase();
    const conf = await createConference(c.caseId);
    await insertConsent(c, t.tenantA.providerId, today);
    const res = await call(t, providerStaff, 'GET', `/api/portal/conferences/${conf.id}`);
    await expectOk(res);
    expect(res.json().personName).toBeNull();
  });
});
