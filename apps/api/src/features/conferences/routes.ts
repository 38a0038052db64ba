import {
  conferenceList,
  conferenceSchema,
  createConferenceActionRequest,
  createConferenceRequest,
  idParams,
  portalConferenceList,
  portalConferenceSchema,
  updateConferenceRequest,
} from '@lotse/contracts';
import { CASE_MANAGERS, CASE_READERS, PROVIDER_PORTAL } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { ConferenceService } from './service';

/** Case conferences (docs/api-cooperation.md, "Case conferences"), and the provider's view of them. */
export function conferenceRoutes(app: FastifyInstance, conferences: ConferenceService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Fallkonferenzen'];
  const read = { access: CASE_READERS };
  const work = { access: CASE_MANAGERS };
  const portal = { access: PROVIDER_PORTAL };

  r.get(
    '/api/cases/:id/conferences',
    {
      config: read,
      schema: { tags, summary: 'Fallkonferenzen eines Falls (neueste zuerst)', params: idParams, response: { 200: conferenceList } },
    },
    async (request) => conferences.list(authOf(request), request.params.id),
  );

  r.post(
    '/api/cases/:id/conferences',
    {
      config: work,
      schema: {
        tags,
        summary: 'Fallkonferenz planen (zuständige Fachkraft); Idempotency-Key empfohlen',
        params: idParams,
        body: createConferenceRequest,
        response: { 201: conferenceSchema },
      },
    },
    async (request, reply) => {
      const result = await conferences.create(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/conferences/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/conferences/:id',
    { config: read, schema: { tags, summary: 'Fallkonferenz lesen', params: idParams, response: { 200: conferenceSchema } } },
    async (request, reply) => {
      const body = await conferences.get(authOf(request), request.params.id);
      setEtag(reply, body.version);
      return body;
    },
  );

  r.patch(
    '/api/conferences/:id',
    {
      config: work,
      schema: {
        tags,
        summary:
          'Fallkonferenz ändern oder ihr Ergebnis erfassen (durchgeführt: Anwesenheit der Person, sonst Grund); If-Match erforderlich',
        params: idParams,
        body: updateConferenceRequest,
        response: { 200: conferenceSchema },
      },
    },
    async (request, reply) => {
      const body = await conferences.update(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );

  r.post(
    '/api/conferences/:id/actions',
    {
      config: work,
      schema: {
        tags,
        summary: 'Vereinbarung der Fallkonferenz erfassen: Wiedervorlage oder neues Teilziel; Idempotency-Key empfohlen',
        params: idParams,
        body: createConferenceActionRequest,
        response: { 201: conferenceSchema },
      },
    },
    async (request, reply) => {
      const result = await conferences.addAction(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/portal/conferences',
    {
      config: portal,
      schema: {
        tags: ['Trägerportal'],
        summary: 'Fallkonferenzen, an denen der eigene Träger teilnimmt (nur der eigene Teil)',
        response: { 200: portalConferenceList },
      },
    },
    async (request) => conferences.portalList(authOf(request)),
  );

  r.get(
    '/api/portal/conferences/:id',
    {
      config: portal,
      schema: {
        tags: ['Trägerportal'],
        summary: 'Fallkonferenz aus Sicht des Trägers (Name der Person nur mit gültiger Einwilligung)',
        params: idParams,
        response: { 200: portalConferenceSchema },
      },
    },
    async (request) => conferences.portalGet(authOf(request), request.params.id),
  );
}
