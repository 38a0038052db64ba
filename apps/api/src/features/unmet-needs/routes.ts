import { createUnmetNeedRequest, idParams, resolveUnmetNeedRequest, unmetNeedList, unmetNeedSchema } from '@lotse/contracts';
import { CASE_MANAGERS, CASE_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { UnmetNeedService } from './service';

/** Unmet needs recorded in a case where no offer fits (docs/api-planning.md, docs/case-management.md). */
export function unmetNeedRoutes(app: FastifyInstance, service: UnmetNeedService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Ungedeckte Bedarfe'];

  r.get(
    '/api/cases/:id/unmet-needs',
    {
      config: { access: CASE_READERS },
      schema: {
        tags,
        summary: 'Ungedeckte Bedarfe des Falls, neueste zuerst (wird im Leseprotokoll vermerkt)',
        params: idParams,
        response: { 200: unmetNeedList },
      },
    },
    async (request) => service.list(authOf(request), request.params.id),
  );
  r.post(
    '/api/cases/:id/unmet-needs',
    {
      config: { access: CASE_MANAGERS },
      schema: {
        tags,
        summary:
          'Ungedeckten Bedarf erfassen (kein passendes Angebot; zuständige Fachkraft, offener Fall; Datum heute oder früher); Idempotency-Key empfohlen',
        params: idParams,
        body: createUnmetNeedRequest,
        response: { 201: unmetNeedSchema },
      },
    },
    async (request, reply) => {
      const result = await service.create(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/cases/${request.params.id}/unmet-needs`);
      return reply.code(201).send(result.body);
    },
  );
  r.post(
    '/api/unmet-needs/:id/resolve',
    {
      config: { access: CASE_MANAGERS },
      schema: {
        tags,
        summary: 'Ungedeckten Bedarf als erledigt vermerken (nicht vor seiner Erfassung); If-Match erforderlich',
        params: idParams,
        body: resolveUnmetNeedRequest,
        response: { 200: unmetNeedSchema },
      },
    },
    async (request, reply) => {
      const need = await service.resolve(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, need.version);
      return need;
    },
  );
}
