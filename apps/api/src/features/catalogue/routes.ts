import {
  barrierTypeList,
  barrierTypeSchema,
  caseRulesSchema,
  createBarrierTypeRequest,
  idParams,
  updateBarrierTypeRequest,
  updateCaseRulesRequest,
} from '@lotse/contracts';
import { CASE_READERS, CATALOGUE_ADMINS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import type { CatalogueService } from './service';

export function catalogueRoutes(app: FastifyInstance, catalogue: CatalogueService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Katalog und Fallregeln'];
  const readers = [...CASE_READERS, ...CATALOGUE_ADMINS];

  r.get(
    '/api/barrier-types',
    {
      config: { access: readers },
      schema: { tags, summary: 'Katalog der Handlungsbedarfe (mit Zuordnung zu Leistungsarten)', response: { 200: barrierTypeList } },
    },
    async (request) => catalogue.barrierTypes(authOf(request)),
  );
  r.post(
    '/api/barrier-types',
    {
      config: { access: CATALOGUE_ADMINS },
      schema: {
        tags,
        summary: 'Handlungsbedarf in den Katalog aufnehmen',
        body: createBarrierTypeRequest,
        response: { 201: barrierTypeSchema },
      },
    },
    async (request, reply) => {
      const created = await catalogue.createBarrierType(authOf(request), request.body);
      setEtag(reply, created.version);
      return reply.code(201).send(created);
    },
  );
  r.patch(
    '/api/barrier-types/:id',
    {
      config: { access: CATALOGUE_ADMINS },
      schema: {
        tags,
        summary: 'Handlungsbedarf im Katalog ändern; If-Match erforderlich',
        params: idParams,
        body: updateBarrierTypeRequest,
        response: { 200: barrierTypeSchema },
      },
    },
    async (request, reply) => {
      const updated = await catalogue.updateBarrierType(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, updated.version);
      return updated;
    },
  );
  r.get(
    '/api/settings/case-rules',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Fallregeln des Jobcenters (Indikation, Kontaktdichte, Planungsparameter)',
        response: { 200: caseRulesSchema },
      },
    },
    async (request, reply) => {
      const rules = await catalogue.caseRules(authOf(request));
      setEtag(reply, rules.version);
      return rules;
    },
  );
  r.patch(
    '/api/settings/case-rules',
    {
      config: { access: CATALOGUE_ADMINS },
      schema: {
        tags,
        summary: 'Fallregeln ändern; If-Match erforderlich',
        body: updateCaseRulesRequest,
        response: { 200: caseRulesSchema },
      },
    },
    async (request, reply) => {
      const rules = await catalogue.updateCaseRules(authOf(request), requireIfMatch(request), request.body);
      setEtag(reply, rules.version);
      return rules;
    },
  );
}
