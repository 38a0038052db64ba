import {
  barrierProposalDecisionRequest,
  barrierProposalList,
  barrierProposalSchema,
  childcareArrangementList,
  childcareArrangementSchema,
  consentList,
  consentSchema,
  createChildcareArrangementRequest,
  createConsentRequest,
  createReferralRequest,
  endChildcareArrangementRequest,
  idParams,
  referralActionRequest,
  referralList,
  referralSchema,
  revokeConsentRequest,
  updateReferralRequest,
} from '@lotse/contracts';
import { CASE_MANAGERS, CASE_READERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { ReferralService } from './service';

function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  setEtag(reply, body.version);
  return body;
}

/** Consents, referrals and barrier proposals of a case (docs/api-cooperation.md). */
export function referralRoutes(app: FastifyInstance, referrals: ReferralService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: CASE_READERS };
  const work = { access: CASE_MANAGERS };

  // ——— consents ———
  const consentTags = ['Einwilligungen'];
  r.get(
    '/api/cases/:id/consents',
    {
      config: read,
      schema: {
        tags: consentTags,
        summary: 'Einwilligungen (Schweigepflichtentbindungen) des Falls, neueste zuerst, mit Stand heute',
        params: idParams,
        response: { 200: consentList },
      },
    },
    async (request) => referrals.listConsents(authOf(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/consents',
    {
      config: work,
      schema: {
        tags: consentTags,
        summary: 'Einwilligung erfassen (alle fünf Beratungspunkte erforderlich); Idempotency-Key empfohlen',
        params: idParams,
        body: createConsentRequest,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => {
      const result = await referrals.createConsent(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/consents/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );
  r.get(
    '/api/consents/:id',
    { config: read, schema: { tags: consentTags, summary: 'Einwilligung lesen', params: idParams, response: { 200: consentSchema } } },
    async (request, reply) => withEtag(reply, await referrals.consent(authOf(request), request.params.id)),
  );
  r.post(
    '/api/consents/:id/revoke',
    {
      config: work,
      schema: {
        tags: consentTags,
        summary: 'Einwilligung widerrufen (wirkt sofort: der Träger erhält keine Daten mehr); If-Match erforderlich',
        params: idParams,
        body: revokeConsentRequest,
        response: { 200: consentSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await referrals.revokeConsent(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );
  r.get(
    '/api/consents/:id/form.pdf',
    {
      config: read,
      schema: {
        tags: consentTags,
        summary: 'Einwilligung als Formular zum Ausdrucken und Unterschreiben (PDF)',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await referrals.consentPdf(authOf(request), request.params.id);
      return reply.type('application/pdf').header('Content-Disposition', 'attachment; filename="Schweigepflichtentbindung.pdf"').send(pdf);
    },
  );

  // ——— referrals ———
  const referralTags = ['Zuweisungen'];
  r.get(
    '/api/cases/:id/referrals',
    {
      config: read,
      schema: {
        tags: referralTags,
        summary: 'Zuweisungen des Falls mit Rückmeldungen, Verlauf, Wartezeit und Fristen',
        params: idParams,
        response: { 200: referralList },
      },
    },
    async (request) => referrals.listReferrals(authOf(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/referrals',
    {
      config: work,
      schema: {
        tags: referralTags,
        summary: 'Zuweisung anlegen (Entwurf) oder Selbstmeldung erfassen; Idempotency-Key empfohlen',
        params: idParams,
        body: createReferralRequest,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) => {
      const result = await referrals.createReferral(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/referrals/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );
  r.get(
    '/api/referrals/:id',
    {
      config: read,
      schema: {
        tags: referralTags,
        summary: 'Zuweisung lesen (wird im Leseprotokoll vermerkt)',
        params: idParams,
        response: { 200: referralSchema },
      },
    },
    async (request, reply) => withEtag(reply, await referrals.referral(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/referrals/:id',
    {
      config: work,
      schema: {
        tags: referralTags,
        summary: 'Entwurf oder Selbstmeldung ändern; If-Match erforderlich',
        params: idParams,
        body: updateReferralRequest,
        response: { 200: referralSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await referrals.updateReferral(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );
  r.post(
    '/api/referrals/:id/actions',
    {
      config: work,
      schema: {
        tags: referralTags,
        summary: 'Zuweisung senden, zurückziehen oder Selbstmeldung bestätigen; If-Match erforderlich',
        params: idParams,
        body: referralActionRequest,
        response: { 200: referralSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await referrals.referralAction(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  // ——— childcare arrangements (one per child, 000 §9) ———
  r.get(
    '/api/referrals/:id/childcare-arrangements',
    {
      config: read,
      schema: {
        tags: referralTags,
        summary:
          'Betreuungsarrangements einer Zuweisung zur Kinderbetreuung (je Kind eine Maßnahme) und die Kinder der Bedarfsgemeinschaft zur Auswahl (wird im Leseprotokoll vermerkt)',
        params: idParams,
        response: { 200: childcareArrangementList },
      },
    },
    async (request) => referrals.listChildcareArrangements(authOf(request), request.params.id),
  );
  r.post(
    '/api/referrals/:id/childcare-arrangements',
    {
      config: work,
      schema: {
        tags: referralTags,
        summary:
          'Betreuungsarrangement für ein Kind erfassen (nur Kinderbetreuung, sobald der Träger angenommen hat); Idempotency-Key empfohlen',
        params: idParams,
        body: createChildcareArrangementRequest,
        response: { 201: childcareArrangementSchema },
      },
    },
    async (request, reply) => {
      const result = await referrals.createChildcareArrangement(
        authOf(request),
        request.params.id,
        request.body,
        idempotencyKeyOf(request),
      );
      reply.header('Location', `/api/childcare-arrangements/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );
  r.post(
    '/api/childcare-arrangements/:id/end',
    {
      config: work,
      schema: {
        tags: referralTags,
        summary: 'Ende eines Betreuungsarrangements eintragen oder berichtigen (ohne If-Match: das Ende ist das einzige änderbare Feld)',
        params: idParams,
        body: endChildcareArrangementRequest,
        response: { 200: childcareArrangementSchema },
      },
    },
    async (request) => referrals.endChildcareArrangement(authOf(request), request.params.id, request.body),
  );

  // ——— barrier proposals ———
  const proposalTags = ['Zuweisungen'];
  r.get(
    '/api/cases/:id/barrier-proposals',
    {
      config: read,
      schema: {
        tags: proposalTags,
        summary: 'Vom Träger gemeldete Handlungsbedarfe (Gesundheit/Sucht nur für die zuständige Fachkraft)',
        params: idParams,
        response: { 200: barrierProposalList },
      },
    },
    async (request) => referrals.listProposals(authOf(request), request.params.id),
  );
  r.post(
    '/api/barrier-proposals/:id/decision',
    {
      config: work,
      schema: {
        tags: proposalTags,
        summary: 'Vorschlag übernehmen (legt den Handlungsbedarf an) oder begründet ablehnen; If-Match erforderlich',
        params: idParams,
        body: barrierProposalDecisionRequest,
        response: { 200: barrierProposalSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await referrals.decideProposal(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );
}
