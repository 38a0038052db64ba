import { providerReportSchema, reportOfferListSchema, reportParams } from '@lotse/contracts';
import { PROVIDER_PORTAL, PROVIDER_REPORT_READERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import type { ReportScope, ReportService } from './service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(reply: FastifyReply, type: string, { file, name }: { file: Buffer; name: string }) {
  return reply.type(type).header('Content-Disposition', `attachment; filename="${name}"`).send(file);
}

/**
 * The provider report per offer and year (seed 000 §9; docs/api-reports.md): for the Jobcenter's
 * quality readers and planners under /api/reports, for provider staff (own offers only) under
 * /api/portal/reports. The same report in JSON, PDF and XLSX.
 */
export function reportRoutes(app: FastifyInstance, service: ReportService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Berichte'];
  const sides: Array<{ base: string; access: typeof PROVIDER_REPORT_READERS; scope: ReportScope; who: string }> = [
    { base: '/api/reports/offers', access: PROVIDER_REPORT_READERS, scope: { kind: 'jobcenter' }, who: 'alle Angebote' },
    { base: '/api/portal/reports', access: PROVIDER_PORTAL, scope: { kind: 'provider' }, who: 'nur Angebote des eigenen Trägers' },
  ];
  for (const { base, access, scope, who } of sides) {
    const config = { access };
    r.get(
      base,
      {
        config,
        schema: {
          tags,
          summary: `Angebote mit den Jahren, für die ein Trägerbericht vorliegt (${who})`,
          response: { 200: reportOfferListSchema },
        },
      },
      async (request) => service.offers(authOf(request), scope),
    );
    r.get(
      `${base}/:id/:year`,
      {
        config,
        schema: {
          tags,
          summary: `Trägerbericht eines Angebots für ein Jahr mit Vorjahresvergleich; Personenzahlen unter dem Mindestwert als „< N“ (${who})`,
          params: reportParams,
          response: { 200: providerReportSchema },
        },
      },
      async (request) => service.report(authOf(request), scope, request.params.id, request.params.year),
    );
    r.get(
      `${base}/:id/:year/pdf`,
      {
        config,
        schema: { tags, summary: `Trägerbericht als PDF (${who})`, params: reportParams, produces: ['application/pdf'] },
      },
      async (request, reply) =>
        download(reply, 'application/pdf', await service.pdf(authOf(request), scope, request.params.id, request.params.year)),
    );
    r.get(
      `${base}/:id/:year/xlsx`,
      {
        config,
        schema: {
          tags,
          summary: `Trägerbericht als Excel-Arbeitsmappe, ein Blatt je Abschnitt (${who})`,
          params: reportParams,
          produces: [XLSX_TYPE],
        },
      },
      async (request, reply) =>
        download(reply, XLSX_TYPE, await service.xlsx(authOf(request), scope, request.params.id, request.params.year)),
    );
  }
}
