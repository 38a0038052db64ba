import {
  agreementRuleList,
  agreementVersionList,
  agreementVersionSchema,
  barrierOrderRequest,
  barrierSchema,
  caseChildParams,
  caseList,
  caseListQuery,
  caseOverviewSchema,
  caseTransitionRequest,
  contactSchema,
  createAgreementRequest,
  createBarrierRequest,
  createCaseRequest,
  createContactRequest,
  createFollowUpRequest,
  createGoalRequest,
  createRatingRequest,
  createResourceRequest,
  createSubGoalRequest,
  followUpSchema,
  goalSchema,
  idParams,
  pageInfo,
  personCaseList,
  ratingSchema,
  resourceSchema,
  subGoalSchema,
  updateBarrierRequest,
  updateCaseRequest,
  updateFollowUpRequest,
  updateGoalRequest,
  updateSubGoalRequest,
} from '@lotse/contracts';
import { CASE_ASSIGNERS, CASE_MANAGERS, CASE_READERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { CaseService } from './service';

function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  setEtag(reply, body.version);
  return body;
}

export function caseRoutes(app: FastifyInstance, cases: CaseService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Fälle'];
  const read = { access: CASE_READERS };
  const work = { access: CASE_MANAGERS };

  r.get(
    '/api/cases',
    {
      config: read,
      schema: {
        tags,
        summary: 'Fälle auflisten (eigene oder alle; offen oder nach Status)',
        querystring: caseListQuery,
        response: { 200: caseList },
      },
    },
    async (request) => cases.list(authOf(request), request.query),
  );

  r.post(
    '/api/cases',
    {
      config: work,
      schema: {
        tags,
        summary: 'Fall eröffnen (Erstberatung); Idempotency-Key empfohlen',
        body: createCaseRequest,
        response: { 201: caseOverviewSchema },
      },
    },
    async (request, reply) => {
      const result = await cases.create(authOf(request), request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/cases/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/persons/:id/cases',
    { config: read, schema: { tags, summary: 'Fälle einer Person', params: idParams, response: { 200: personCaseList } } },
    async (request) => cases.listForPerson(authOf(request), request.params.id),
  );

  r.get(
    '/api/cases/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Fallakte: Überblick mit allen Teilen (wird im Leseprotokoll vermerkt; Gesundheit/Sucht nur für die zuständige Fachkraft)',
        params: idParams,
        response: { 200: caseOverviewSchema },
      },
    },
    async (request, reply) => withEtag(reply, await cases.overview(authOf(request), request.params.id)),
  );

  r.patch(
    '/api/cases/:id',
    {
      config: { access: CASE_ASSIGNERS },
      schema: {
        tags,
        summary: 'Fall ändern (Priorität, Kontaktdichte, Mitwirkungsbereitschaft, Zuständigkeit); If-Match erforderlich',
        params: idParams,
        body: updateCaseRequest,
        response: { 200: caseOverviewSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await cases.update(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  r.post(
    '/api/cases/:id/transitions',
    {
      config: work,
      schema: {
        tags,
        summary: 'Nächsten Schritt im Fallverlauf gehen (Statuswechsel mit Prüfung der Voraussetzungen); If-Match erforderlich',
        params: idParams,
        body: caseTransitionRequest,
        response: { 200: caseOverviewSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await cases.transition(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  const barrierParams = caseChildParams('barrierId');
  r.post(
    '/api/cases/:id/barriers',
    {
      config: work,
      schema: { tags, summary: 'Handlungsbedarf erfassen', params: idParams, body: createBarrierRequest, response: { 201: barrierSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(withEtag(reply, await cases.addBarrier(authOf(request), request.params.id, request.body))),
  );
  r.get(
    '/api/cases/:id/barriers/:barrierId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Handlungsbedarf lesen (Gesundheit/Sucht nur für die zuständige Fachkraft)',
        params: barrierParams,
        response: { 200: barrierSchema },
      },
    },
    async (request, reply) => withEtag(reply, await cases.barrier(authOf(request), request.params.id, request.params.barrierId)),
  );
  r.patch(
    '/api/cases/:id/barriers/:barrierId',
    {
      config: work,
      schema: {
        tags,
        summary: 'Handlungsbedarf ändern; If-Match erforderlich',
        params: barrierParams,
        body: updateBarrierRequest,
        response: { 200: barrierSchema },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cases.updateBarrier(authOf(request), request.params.id, request.params.barrierId, requireIfMatch(request), request.body),
      ),
  );
  r.put(
    '/api/cases/:id/barrier-order',
    {
      config: work,
      schema: {
        tags,
        summary: 'Reihenfolge der Bearbeitung der Handlungsbedarfe festlegen; If-Match (Fall) erforderlich',
        params: idParams,
        body: barrierOrderRequest,
        response: { 200: caseOverviewSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await cases.orderBarriers(authOf(request), request.params.id, requireIfMatch(request), request.body.barrierIds)),
  );

  r.post(
    '/api/cases/:id/resources',
    {
      config: work,
      schema: {
        tags,
        summary: 'Ressource / Stärke erfassen',
        params: idParams,
        body: createResourceRequest,
        response: { 201: resourceSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await cases.addResource(authOf(request), request.params.id, request.body)),
  );
  r.delete(
    '/api/cases/:id/resources/:resourceId',
    { config: work, schema: { tags, summary: 'Ressource entfernen', params: caseChildParams('resourceId'), response: { 204: z.null() } } },
    async (request, reply) => {
      await cases.removeResource(authOf(request), request.params.id, request.params.resourceId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/cases/:id/goals',
    {
      config: work,
      schema: { tags, summary: 'Ziel des Hilfeplans anlegen', params: idParams, body: createGoalRequest, response: { 201: goalSchema } },
    },
    async (request, reply) => reply.code(201).send(withEtag(reply, await cases.addGoal(authOf(request), request.params.id, request.body))),
  );
  r.patch(
    '/api/cases/:id/goals/:goalId',
    {
      config: work,
      schema: {
        tags,
        summary: 'Ziel ändern; If-Match erforderlich',
        params: caseChildParams('goalId'),
        body: updateGoalRequest,
        response: { 200: goalSchema },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cases.updateGoal(authOf(request), request.params.id, request.params.goalId, requireIfMatch(request), request.body),
      ),
  );
  r.post(
    '/api/cases/:id/goals/:goalId/subgoals',
    {
      config: work,
      schema: {
        tags,
        summary: 'Teilziel anlegen',
        params: caseChildParams('goalId'),
        body: createSubGoalRequest,
        response: { 201: subGoalSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(withEtag(reply, await cases.addSubGoal(authOf(request), request.params.id, request.params.goalId, request.body))),
  );
  r.patch(
    '/api/cases/:id/subgoals/:subGoalId',
    {
      config: work,
      schema: {
        tags,
        summary: 'Teilziel ändern (Status, Überprüfung); If-Match erforderlich',
        params: caseChildParams('subGoalId'),
        body: updateSubGoalRequest,
        response: { 200: subGoalSchema },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cases.updateSubGoal(authOf(request), request.params.id, request.params.subGoalId, requireIfMatch(request), request.body),
      ),
  );

  r.get(
    '/api/agreement-rules',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Rechtsgrundlagen der Vereinbarung nach Zeitraum (EGV, Kooperationsplan, Neue Grundsicherung)',
        response: { 200: agreementRuleList },
      },
    },
    async () => ({ items: await cases.agreementRules() }),
  );
  r.get(
    '/api/cases/:id/agreements',
    {
      config: read,
      schema: { tags, summary: 'Fassungen der Vereinbarung mit Änderungen', params: idParams, response: { 200: agreementVersionList } },
    },
    async (request) => cases.agreements(authOf(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/agreements',
    {
      config: work,
      schema: {
        tags,
        summary: 'Neue Fassung der Vereinbarung (Art nach dem Recht des Datums); Idempotency-Key empfohlen',
        params: idParams,
        body: createAgreementRequest,
        response: { 201: agreementVersionSchema },
      },
    },
    async (request, reply) => {
      const result = await cases.createAgreement(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      return reply.code(201).send(result.body);
    },
  );
  r.get(
    '/api/cases/:id/agreements/:versionId/pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'Fassung der Vereinbarung als PDF zum Aushändigen',
        params: caseChildParams('versionId'),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { pdf, versionNo } = await cases.agreementPdf(authOf(request), request.params.id, request.params.versionId);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="Vereinbarung-Fassung-${versionNo}.pdf"`)
        .send(pdf);
    },
  );

  r.post(
    '/api/cases/:id/ratings',
    {
      config: work,
      schema: {
        tags,
        summary: 'Einschätzung der Lebensbereiche (1–10) erfassen',
        params: idParams,
        body: createRatingRequest,
        response: { 201: ratingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await cases.addRating(authOf(request), request.params.id, request.body)),
  );

  r.get(
    '/api/cases/:id/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kontakte des Falls (neueste zuerst)',
        params: idParams,
        querystring: z.strictObject({
          cursor: z.string().max(500).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: { 200: z.object({ items: z.array(contactSchema), page: pageInfo }) },
      },
    },
    async (request) => cases.contacts(authOf(request), request.params.id, request.query),
  );
  r.post(
    '/api/cases/:id/contacts',
    {
      config: work,
      schema: { tags, summary: 'Kontakt dokumentieren', params: idParams, body: createContactRequest, response: { 201: contactSchema } },
    },
    async (request, reply) => reply.code(201).send(await cases.addContact(authOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/cases/:id/follow-ups',
    {
      config: work,
      schema: { tags, summary: 'Wiedervorlage anlegen', params: idParams, body: createFollowUpRequest, response: { 201: followUpSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(withEtag(reply, await cases.addFollowUp(authOf(request), request.params.id, request.body))),
  );
  r.patch(
    '/api/cases/:id/follow-ups/:followUpId',
    {
      config: { access: ['case_manager', 'placement_officer', 'benefits_officer', 'team_lead'] },
      schema: {
        tags,
        summary: 'Wiedervorlage ändern oder erledigen; If-Match erforderlich',
        params: caseChildParams('followUpId'),
        body: updateFollowUpRequest,
        response: { 200: followUpSchema },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await cases.updateFollowUp(authOf(request), request.params.id, request.params.followUpId, requireIfMatch(request), request.body),
      ),
  );
}
