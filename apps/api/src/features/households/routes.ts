import { createHouseholdRequest, householdSchema, idParams, updateHouseholdRequest } from '@lotse/contracts';
import { PERSON_READERS, PERSON_WRITERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { HouseholdService } from './service';

export function householdRoutes(app: FastifyInstance, households: HouseholdService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Bedarfsgemeinschaften'];

  r.post(
    '/api/households',
    {
      config: { access: PERSON_WRITERS },
      schema: { tags, summary: 'Bedarfsgemeinschaft anlegen', body: createHouseholdRequest, response: { 201: householdSchema } },
    },
    async (request, reply) => {
      const result = await households.create(authOf(request), request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/households/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/households/:id',
    {
      config: { access: PERSON_READERS },
      schema: { tags, summary: 'Bedarfsgemeinschaft mit Mitgliedern lesen', params: idParams, response: { 200: householdSchema } },
    },
    async (request, reply) => {
      const household = await households.get(authOf(request), request.params.id);
      setEtag(reply, household.version);
      return household;
    },
  );

  r.patch(
    '/api/households/:id',
    {
      config: { access: PERSON_WRITERS },
      schema: {
        tags,
        summary: 'BG-Nummer oder Mitglieder ändern (If-Match erforderlich; Mitgliederliste wird ersetzt)',
        params: idParams,
        body: updateHouseholdRequest,
        response: { 200: householdSchema },
      },
    },
    async (request, reply) => {
      const household = await households.update(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, household.version);
      return household;
    },
  );
}
