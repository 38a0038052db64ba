import {
  createSanctionDutyRequest,
  createSanctionRequest,
  idParams,
  sanctionAnswerRequest,
  sanctionDecisionRequest,
  sanctionDutyList,
  sanctionDutySchema,
  sanctionHearingRequest,
  sanctionList,
  sanctionRuleList,
  sanctionRuleRequest,
  sanctionRuleSchema,
  sanctionSchema,
  sanctionWithdrawRequest,
} from '@lotse/contracts';
import { CASE_MANAGERS, CASE_READERS, CATALOGUE_ADMINS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { SanctionService } from './service';

/** Sanctions (Leistungsminderungen, SPEC C16; docs/sanctions.md and docs/api.md). */
export function sanctionRoutes(app: FastifyInstance, sanctions: SanctionService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Leistungsminderungen'];
  // The rule table belongs to the tenant's rule tables the administrators maintain (like the case rules).
  const admin = { access: CATALOGUE_ADMINS };
  const read = { access: CASE_READERS };
  const work = { access: CASE_MANAGERS };

  // ——— rule table ———

  r.get(
    '/api/sanction-rules',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Regeltabelle der Leistungsminderungen (Zeiträume des Rechts mit Quelle)',
        response: { 200: sanctionRuleList },
      },
    },
    async (request) => sanctions.listRules(authOf(request)),
  );

  r.post(
    '/api/sanction-rules',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Zeitraum in die Regeltabelle aufnehmen (Zeiträume dürfen sich nicht überschneiden)',
        body: sanctionRuleRequest,
        response: { 201: sanctionRuleSchema },
      },
    },
    async (request, reply) => {
      const created = await sanctions.createRule(authOf(request), request.body);
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    },
  );

  r.put(
    '/api/sanction-rules/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Zeile der Regeltabelle ändern (ganze Zeile); If-Match erforderlich',
        params: idParams,
        body: sanctionRuleRequest,
        response: { 200: sanctionRuleSchema },
      },
    },
    async (request, reply) => {
      const updated = await sanctions.updateRule(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, updated.version);
      return updated;
    },
  );

  // ——— duties ———

  r.get(
    '/api/cases/:id/sanction-duties',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dokumentierte Pflichten eines Falls (neueste zuerst)',
        params: idParams,
        response: { 200: sanctionDutyList },
      },
    },
    async (request) => sanctions.listDuties(authOf(request), request.params.id),
  );

  r.post(
    '/api/cases/:id/sanction-duties',
    {
      config: work,
      schema: {
        tags,
        summary: 'Pflicht dokumentieren, wie sie festgelegt wurde (zuständige Fachkraft); Idempotency-Key empfohlen',
        params: idParams,
        body: createSanctionDutyRequest,
        response: { 201: sanctionDutySchema },
      },
    },
    async (request, reply) => {
      const result = await sanctions.createDuty(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      return reply.code(201).send(result.body);
    },
  );

  // ——— sanctions ———

  r.get(
    '/api/cases/:id/sanctions',
    {
      config: read,
      schema: { tags, summary: 'Leistungsminderungen eines Falls (neueste zuerst)', params: idParams, response: { 200: sanctionList } },
    },
    async (request) => sanctions.list(authOf(request), request.params.id),
  );

  r.post(
    '/api/cases/:id/sanctions',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Pflichtverletzung erfassen: Regel nach dem Datum der Pflichtverletzung; abgelehnt ohne sanktionsfähige Pflicht; Idempotency-Key empfohlen',
        params: idParams,
        body: createSanctionRequest,
        response: { 201: sanctionSchema },
      },
    },
    async (request, reply) => {
      const result = await sanctions.create(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/sanctions/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/sanctions/:id',
    { config: read, schema: { tags, summary: 'Leistungsminderung lesen', params: idParams, response: { 200: sanctionSchema } } },
    async (request, reply) => {
      const body = await sanctions.get(authOf(request), request.params.id);
      setEtag(reply, body.version);
      return body;
    },
  );

  r.post(
    '/api/sanctions/:id/hearing',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Anhörung versenden: Datum (Standard heute), Frist nach den Fallregeln; Schreiben unter hearing.pdf; If-Match erforderlich',
        params: idParams,
        body: sanctionHearingRequest,
        response: { 200: sanctionSchema },
      },
    },
    async (request, reply) => {
      const body = await sanctions.sendHearing(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      reply.header('Link', `</api/sanctions/${body.id}/hearing.pdf>; rel="alternate"; type="application/pdf"`);
      return body;
    },
  );

  r.get(
    '/api/sanctions/:id/hearing.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'Anhörungsschreiben (§ 24 SGB X) als PDF',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await sanctions.hearingLetter(authOf(request), request.params.id);
      return reply.type('application/pdf').header('Content-Disposition', 'attachment; filename="Anhoerung.pdf"').send(pdf);
    },
  );

  r.post(
    '/api/sanctions/:id/answer',
    {
      config: work,
      schema: {
        tags,
        summary: 'Antwort der Person auf die Anhörung erfassen; If-Match erforderlich',
        params: idParams,
        body: sanctionAnswerRequest,
        response: { 200: sanctionSchema },
      },
    },
    async (request, reply) => {
      const body = await sanctions.recordAnswer(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );

  r.post(
    '/api/sanctions/:id/decision',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Entscheiden (erst nach Antwort oder Fristablauf) und an die Leistungsgewährung übergeben (nach Organisationsmodell); If-Match erforderlich',
        params: idParams,
        body: sanctionDecisionRequest,
        response: { 200: sanctionSchema },
      },
    },
    async (request, reply) => {
      const body = await sanctions.decide(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );

  r.post(
    '/api/sanctions/:id/withdraw',
    {
      config: work,
      schema: {
        tags,
        summary: 'Leistungsminderung vor der Entscheidung zurücknehmen (mit Grund); If-Match erforderlich',
        params: idParams,
        body: sanctionWithdrawRequest,
        response: { 200: sanctionSchema },
      },
    },
    async (request, reply) => {
      const body = await sanctions.withdraw(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );
}
