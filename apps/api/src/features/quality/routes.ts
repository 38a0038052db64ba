import { qualityExportQuery, qualityQuery, qualityReportSchema } from '@lotse/contracts';
import { QUALITY_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { EXPORT_CONTENT_TYPES, sendExport } from '../../http/spreadsheet';
import { qualityCsv, qualityFileName, qualityWorkbook } from './export';
import type { QualityService } from './service';

/** Quality indicators (SPEC C13; docs/api-reports.md): aggregates for team leads and coordinators. */
export function qualityRoutes(app: FastifyInstance, service: QualityService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/quality',
    {
      config: { access: QUALITY_READERS },
      schema: {
        tags: ['Berichte'],
        summary:
          'Qualitätsindikatoren eines Jahres (Struktur, Prozess, Ergebnis) je Team, Leistungsart oder Träger, mit Definition, Zähler und Nenner; ' +
          'für die Koordination unterdrückt unter dem Mindestwert',
        querystring: qualityQuery,
        response: { 200: qualityReportSchema },
      },
    },
    async (request) => service.indicators(authOf(request), request.query),
  );

  r.get(
    '/api/quality/export',
    {
      config: { access: QUALITY_READERS },
      schema: {
        tags: ['Berichte'],
        summary:
          'Qualitätsindikatoren wie GET /api/quality als CSV (Semikolon, UTF-8 mit BOM) oder Arbeitsmappe (XLSX: Qualitätsindikatoren, Erläuterungen); ' +
          'je Zeile Zähler, Nenner, Wert und Definition',
        querystring: qualityExportQuery,
        produces: ['text/csv', EXPORT_CONTENT_TYPES.xlsx],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const report = await service.indicators(authOf(request), query);
      return sendExport(reply, format, qualityFileName(report), format === 'csv' ? qualityCsv(report) : await qualityWorkbook(report));
    },
  );
}
