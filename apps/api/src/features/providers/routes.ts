import {
  cooperationAgreementList,
  cooperationAgreementListQuery,
  cooperationAgreementSchema,
  createCooperationAgreementRequest,
  createOfferRequest,
  createProviderRequest,
  handbookList,
  handbookPageSchema,
  handbookParams,
  idParams,
  offerList,
  offerListQuery,
  offerSchema,
  offerSearchQuery,
  offerSearchResult,
  overdueByProviderSchema,
  providerList,
  providerSchema,
  updateCooperationAgreementRequest,
  updateHandbookPageRequest,
  updateOfferRequest,
  updateProviderRequest,
} from '@lotse/contracts';
import { CASE_READERS, COOPERATION_ADMINS, FEEDBACK_WATCHERS, HANDBOOK_READERS, OFFER_READERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import type { Created } from '../idempotency/idempotency';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { ProviderService } from './service';

function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  setEtag(reply, body.version);
  return body;
}

/** 201 with ETag and Location of the new resource (also for an idempotent replay). */
function created<T extends { id: string; version: number }>(reply: FastifyReply, result: Created<T>, base: string) {
  setEtag(reply, result.body.version);
  reply.header('Location', `${base}/${result.body.id}`);
  return reply.code(result.status).send(result.body);
}

/** Providers, cooperation agreements, offers and their search, the handbook and overdue feedback (SPEC C6, C7). */
export function providerRoutes(app: FastifyInstance, service: ProviderService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Angebote & Träger'];
  const read = { access: OFFER_READERS };
  const admin = { access: COOPERATION_ADMINS };

  // ——— providers ———

  r.get(
    '/api/providers',
    { config: read, schema: { tags, summary: 'Träger des Jobcenters mit Zahl ihrer Angebote', response: { 200: providerList } } },
    async (request) => service.providers(authOf(request)),
  );
  r.post(
    '/api/providers',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Träger anlegen; Idempotency-Key empfohlen (Name muss eindeutig sein)',
        body: createProviderRequest,
        response: { 201: providerSchema },
      },
    },
    async (request, reply) =>
      created(reply, await service.createProvider(authOf(request), request.body, idempotencyKeyOf(request)), '/api/providers'),
  );
  r.get(
    '/api/providers/:id',
    { config: read, schema: { tags, summary: 'Träger', params: idParams, response: { 200: providerSchema } } },
    async (request, reply) => withEtag(reply, await service.provider(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/providers/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Träger ändern oder deaktivieren (inaktive Träger erscheinen nicht in der Angebotssuche); If-Match erforderlich',
        params: idParams,
        body: updateProviderRequest,
        response: { 200: providerSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateProvider(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  // ——— cooperation agreements ———

  r.get(
    '/api/cooperation-agreements',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kooperationsvereinbarungen (optional eines Trägers)',
        querystring: cooperationAgreementListQuery,
        response: { 200: cooperationAgreementList },
      },
    },
    async (request) => service.agreements(authOf(request), request.query),
  );
  r.post(
    '/api/cooperation-agreements',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Kooperationsvereinbarung mit einem Träger anlegen (Fristen für Rückmeldungen); Idempotency-Key empfohlen',
        body: createCooperationAgreementRequest,
        response: { 201: cooperationAgreementSchema },
      },
    },
    async (request, reply) =>
      created(
        reply,
        await service.createAgreement(authOf(request), request.body, idempotencyKeyOf(request)),
        '/api/cooperation-agreements',
      ),
  );
  r.get(
    '/api/cooperation-agreements/:id',
    {
      config: read,
      schema: { tags, summary: 'Kooperationsvereinbarung', params: idParams, response: { 200: cooperationAgreementSchema } },
    },
    async (request, reply) => withEtag(reply, await service.agreement(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/cooperation-agreements/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Kooperationsvereinbarung ändern; If-Match erforderlich',
        params: idParams,
        body: updateCooperationAgreementRequest,
        response: { 200: cooperationAgreementSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateAgreement(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  // ——— offers ———

  r.get(
    '/api/offers',
    {
      config: read,
      schema: {
        tags,
        summary: 'Angebote (nach Träger, Leistungsart, aktiv/inaktiv) mit belegten und freien Plätzen',
        querystring: offerListQuery,
        response: { 200: offerList },
      },
    },
    async (request) => service.offers(authOf(request), request.query),
  );
  r.get(
    '/api/offers/search',
    {
      config: { access: CASE_READERS },
      schema: {
        tags,
        summary:
          'Angebotssuche für einen Fall: aktive Angebote nach Entfernung vom Wohnort, Zielgruppe und freien Plätzen (wird im Leseprotokoll vermerkt)',
        querystring: offerSearchQuery,
        response: { 200: offerSearchResult },
      },
    },
    async (request) => service.search(authOf(request), request.query),
  );
  r.post(
    '/api/offers',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Angebot mit Standorten und Ansprechpersonen anlegen; Idempotency-Key empfohlen',
        body: createOfferRequest,
        response: { 201: offerSchema },
      },
    },
    async (request, reply) =>
      created(reply, await service.createOffer(authOf(request), request.body, idempotencyKeyOf(request)), '/api/offers'),
  );
  r.get(
    '/api/offers/:id',
    { config: read, schema: { tags, summary: 'Angebot mit Standorten und Belegung', params: idParams, response: { 200: offerSchema } } },
    async (request, reply) => withEtag(reply, await service.offer(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/offers/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Angebot ändern (Standorte werden als Ganzes ersetzt); If-Match erforderlich',
        params: idParams,
        body: updateOfferRequest,
        response: { 200: offerSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateOffer(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  // ——— handbook ———

  const handbookTags = ['Handbuch'];
  r.get(
    '/api/handbook',
    {
      config: { access: HANDBOOK_READERS },
      schema: { tags: handbookTags, summary: 'Handbuch: eine Seite mit Checklisten je Leistungsart', response: { 200: handbookList } },
    },
    async (request) => service.handbook(authOf(request)),
  );
  r.get(
    '/api/handbook/:serviceType',
    {
      config: { access: HANDBOOK_READERS },
      schema: {
        tags: handbookTags,
        summary: 'Handbuchseite einer Leistungsart',
        params: handbookParams,
        response: { 200: handbookPageSchema },
      },
    },
    async (request, reply) => withEtag(reply, await service.handbookPage(authOf(request), request.params.serviceType)),
  );
  r.patch(
    '/api/handbook/:serviceType',
    {
      config: admin,
      schema: {
        tags: handbookTags,
        summary: 'Handbuchseite bearbeiten; If-Match erforderlich',
        params: handbookParams,
        body: updateHandbookPageRequest,
        response: { 200: handbookPageSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateHandbookPage(authOf(request), request.params.serviceType, requireIfMatch(request), request.body)),
  );

  // ——— overdue feedback ———

  r.get(
    '/api/cooperation/overdue',
    {
      config: { access: FEEDBACK_WATCHERS },
      schema: {
        tags,
        summary: 'Überfällige Rückmeldungen je Träger (Fristen der Kooperationsvereinbarung, ohne Personendaten)',
        response: { 200: overdueByProviderSchema },
      },
    },
    async (request) => service.overdue(authOf(request)),
  );
}
