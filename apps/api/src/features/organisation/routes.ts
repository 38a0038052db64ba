import {
  createPlanningRegionRequest,
  createTeamRequest,
  idParams,
  organisationListQuery,
  planningRegionList,
  planningRegionSchema,
  teamList,
  teamSchema,
  updatePlanningRegionRequest,
  updateTeamRequest,
} from '@lotse/contracts';
import { ORGANISATION_ADMINS, ORGANISATION_READERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { type Created, idempotencyKeyOf } from '../idempotency/idempotency';
import type { OrganisationService } from './service';

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

/** Planning regions (Sozialräume) and teams: the dimensions of needs planning (docs/api-planning.md). */
export function organisationRoutes(app: FastifyInstance, service: OrganisationService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: ORGANISATION_READERS };
  const admin = { access: ORGANISATION_ADMINS };

  // ——— regions ———

  const regionTags = ['Sozialräume & Teams'];
  r.get(
    '/api/planning/regions',
    {
      config: read,
      schema: {
        tags: regionTags,
        summary: 'Sozialräume des Jobcenters mit ihren Postleitzahlen (Voreinstellung: nur aktive; active=all: aktive zuerst)',
        querystring: organisationListQuery,
        response: { 200: planningRegionList },
      },
    },
    async (request) => service.regions(authOf(request), request.query),
  );
  r.post(
    '/api/planning/regions',
    {
      config: admin,
      schema: {
        tags: regionTags,
        summary: 'Sozialraum anlegen (jede Postleitzahl gehört zu höchstens einem Sozialraum); Idempotency-Key empfohlen',
        body: createPlanningRegionRequest,
        response: { 201: planningRegionSchema },
      },
    },
    async (request, reply) =>
      created(reply, await service.createRegion(authOf(request), request.body, idempotencyKeyOf(request)), '/api/planning/regions'),
  );
  r.get(
    '/api/planning/regions/:id',
    { config: read, schema: { tags: regionTags, summary: 'Sozialraum', params: idParams, response: { 200: planningRegionSchema } } },
    async (request, reply) => withEtag(reply, await service.region(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/planning/regions/:id',
    {
      config: admin,
      schema: {
        tags: regionTags,
        summary:
          'Sozialraum umbenennen, seine Postleitzahlen ersetzen, deaktivieren (active: false) oder reaktivieren (active: true); If-Match erforderlich',
        params: idParams,
        body: updatePlanningRegionRequest,
        response: { 200: planningRegionSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateRegion(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );

  // ——— teams ———

  r.get(
    '/api/teams',
    {
      config: read,
      schema: {
        tags: regionTags,
        summary: 'Teams des Jobcenters mit der Zahl ihrer aktiven Mitglieder (Voreinstellung: nur aktive; active=all: aktive zuerst)',
        querystring: organisationListQuery,
        response: { 200: teamList },
      },
    },
    async (request) => service.teams(authOf(request), request.query),
  );
  r.post(
    '/api/teams',
    {
      config: admin,
      schema: {
        tags: regionTags,
        summary: 'Team anlegen (Name eindeutig); Idempotency-Key empfohlen',
        body: createTeamRequest,
        response: { 201: teamSchema },
      },
    },
    async (request, reply) =>
      created(reply, await service.createTeam(authOf(request), request.body, idempotencyKeyOf(request)), '/api/teams'),
  );
  r.get(
    '/api/teams/:id',
    { config: read, schema: { tags: regionTags, summary: 'Team', params: idParams, response: { 200: teamSchema } } },
    async (request, reply) => withEtag(reply, await service.team(authOf(request), request.params.id)),
  );
  r.patch(
    '/api/teams/:id',
    {
      config: admin,
      schema: {
        tags: regionTags,
        summary:
          'Team umbenennen, deaktivieren (active: false; nicht, solange aktive Benutzerkonten zugeordnet sind) oder reaktivieren; If-Match erforderlich (Mitglieder werden in der Benutzerverwaltung zugeordnet)',
        params: idParams,
        body: updateTeamRequest,
        response: { 200: teamSchema },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.updateTeam(authOf(request), request.params.id, requireIfMatch(request), request.body)),
  );
}
