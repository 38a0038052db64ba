import {
  costsSchema,
  planningDimensionsSchema,
  planningExportQuery,
  planningFiltersQuery,
  planningOverviewSchema,
  planningTableQuery,
  planningTableSchema,
  planningYearQuery,
  planParams,
  planSchema,
  putPlanRequest,
} from '@lotse/contracts';
import { PLAN_EDITORS, PLANNING_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { sendExport } from '../../http/spreadsheet';
import { planningWorkbook, tableCsv } from './export';
import type { PlanningService } from './service';

/** Needs planning (SPEC C12) and costs (000 §10): aggregates only; planners see small cells suppressed. */
export function planningRoutes(app: FastifyInstance, service: PlanningService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Bedarfsplanung'];
  const read = { access: PLANNING_READERS };

  r.get(
    '/api/planning/dimensions',
    {
      config: read,
      schema: {
        tags,
        summary: 'Sozialräume, Teams und Jahre mit Daten (Filter der Bedarfsplanung)',
        response: { 200: planningDimensionsSchema },
      },
    },
    async (request) => service.dimensions(authOf(request)),
  );

  r.get(
    '/api/planning/table',
    {
      config: read,
      schema: {
        tags,
        summary: 'Planungstabelle: Bedarfe, ungedeckte Bedarfe, Zuweisungen, Eintritte und Warteliste je Periode, gegliedert, mit Vorjahr',
        querystring: planningTableQuery,
        response: { 200: planningTableSchema },
      },
    },
    async (request) => service.table(authOf(request), request.query),
  );

  r.get(
    '/api/planning/overview',
    {
      config: read,
      schema: {
        tags,
        summary: 'Übersicht je Leistungsart: Bedarf, Kapazität, Auslastung, Wartezeiten, Soll und Kosten mit Vorjahr',
        querystring: planningFiltersQuery,
        response: { 200: planningOverviewSchema },
      },
    },
    async (request) => service.overview(authOf(request), request.query),
  );

  r.get(
    '/api/planning/plan',
    {
      config: read,
      schema: {
        tags,
        summary: 'Jahresplanung: Soll je Leistungsart und Monat gegen Ist (Eintritte, abgerechnete Kosten)',
        querystring: planningYearQuery,
        response: { 200: planSchema },
      },
    },
    async (request) => service.plan(authOf(request), request.query.year),
  );

  r.put(
    '/api/planning/plan/:year/:serviceType',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary: 'Soll einer Leistungsart für ein Jahr setzen (12 Monate); If-Match mit der Version der Leistungsart erforderlich',
        params: planParams,
        body: putPlanRequest,
        response: { 200: planSchema },
      },
    },
    async (request, reply) => {
      const { plan, version } = await service.putPlan(
        authOf(request),
        request.params.year,
        request.params.serviceType,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, version);
      return plan;
    },
  );

  r.get(
    '/api/planning/costs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Kosten je Leistungsart und Finanzierungsform: Fälle, Plan, Ist, je Fall und SGB-II-Anteil',
        querystring: planningYearQuery,
        response: { 200: costsSchema },
      },
    },
    async (request) => service.costs(authOf(request), request.query.year),
  );

  r.get(
    '/api/planning/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Planungstabelle als CSV (Semikolon, UTF-8) oder Arbeitsmappe (XLSX: Bedarfe, Übersicht, Soll-Ist, Kosten, Erläuterungen)',
        querystring: planningExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const auth = authOf(request);
      const name = `Bedarfsplanung-${query.year}`;
      if (format === 'csv') {
        const { table, dims } = await service.tableExport(auth, query);
        return sendExport(reply, 'csv', name, tableCsv(table, dims));
      }
      return sendExport(reply, 'xlsx', name, await planningWorkbook(await service.exportData(auth, query)));
    },
  );
}
