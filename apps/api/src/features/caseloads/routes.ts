import {
  caseloadComparisonRequest,
  caseloadComparisonSchema,
  caseloadQuery,
  caseloadReportSchema,
  caseloadTargetSetSchema,
  putCaseloadTargetsRequest,
} from '@lotse/contracts';
import { CASELOAD_ADMINS, CASELOAD_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import type { CaseloadService } from './service';

/** Caseloads (SPEC C14; docs/caseloads.md, docs/api.md): targets, current loads, model comparison. */
export function caseloadRoutes(app: FastifyInstance, service: CaseloadService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Fallbelastung'];

  r.get(
    '/api/caseloads/targets',
    {
      config: { access: CASELOAD_READERS },
      schema: {
        tags,
        summary:
          'Betreuungsschlüssel je Funktion und Altersgruppe (gespeicherte Zielwerte und was nach den Rückfallregeln gilt); ETag = Version des Satzes',
        response: { 200: caseloadTargetSetSchema },
      },
    },
    async (request, reply) => {
      const set = await service.targets(authOf(request));
      setEtag(reply, set.version);
      return set;
    },
  );
  r.put(
    '/api/caseloads/targets',
    {
      config: { access: CASELOAD_ADMINS },
      schema: {
        tags,
        summary:
          'Betreuungsschlüssel als ganzen Satz ersetzen (nicht aufgeführte Zielwerte entfallen, es gelten die Rückfallregeln); If-Match erforderlich',
        body: putCaseloadTargetsRequest,
        response: { 200: caseloadTargetSetSchema },
      },
    },
    async (request, reply) => {
      const set = await service.replaceTargets(authOf(request), requireIfMatch(request), request.body);
      setEtag(reply, set.version);
      return set;
    },
  );
  r.get(
    '/api/caseloads',
    {
      config: { access: CASELOAD_READERS },
      schema: {
        tags,
        summary:
          'Fallbelastung heute je Fachkraft und Team: offene Fälle als Fallverantwortliche, in der Vermittlung und in der Leistung, nach U25/Ü25, gegen den Zielwert',
        querystring: caseloadQuery,
        response: { 200: caseloadReportSchema },
      },
    },
    async (request) => service.caseloads(authOf(request), request.query),
  );
  r.post(
    '/api/caseloads/comparison',
    {
      config: { access: CASELOAD_READERS },
      schema: {
        tags,
        summary:
          'Vergleich: die offenen Fälle nach dem aktuellen und einem anderen Organisationsmodell neu verteilt – Fälle je Person und Funktion, Übergaben, IAW-Typen (ändert nichts)',
        body: caseloadComparisonRequest,
        response: { 200: caseloadComparisonSchema },
      },
    },
    async (request) => service.compare(authOf(request), request.body),
  );
}
