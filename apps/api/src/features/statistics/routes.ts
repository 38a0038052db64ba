import { Readable } from 'node:stream';
import {
  deliverModul13Request,
  modul13DeliveryList,
  modul13DeliverySchema,
  modul13ReportSchema,
  reportMonthParams,
} from '@lotse/contracts';
import { STATISTICS_OFFICERS } from '@lotse/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { StatisticsService } from './service';

/** § 51b SGB II delivery in the shape of XSozial Modul 13 (docs/statistics.md). Months are YYYY-MM; bad or future → 422. */
export function statisticsRoutes(app: FastifyInstance, service: StatisticsService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Statistik § 51b'];
  const config = { access: STATISTICS_OFFICERS };

  r.get(
    '/api/statistics/modul13/deliveries',
    {
      config,
      schema: { tags, summary: 'Verbuchte Lieferungen (Modul 13), neueste zuerst', response: { 200: modul13DeliveryList } },
    },
    async (request) => service.deliveries(authOf(request)),
  );
  r.get(
    '/api/statistics/modul13/:month/report',
    {
      config,
      schema: {
        tags,
        summary: 'Prüfbericht eines Monats (Probelauf): meldbare Sätze, Korrekturen früherer Monate, abgewiesene Sätze mit Gründen',
        params: reportMonthParams,
        response: { 200: modul13ReportSchema },
      },
    },
    async (request) => service.report(authOf(request), request.params.month),
  );
  r.get(
    '/api/statistics/modul13/:month/xml',
    {
      config,
      schema: {
        tags,
        summary: 'Lieferdatei eines Monats als XML (Probelauf, gestreamt; Schema: modul13.xsd)',
        params: reportMonthParams,
        produces: ['application/xml'],
      },
    },
    async (request, reply) => {
      const { filename, chunks } = service.xml(authOf(request), request.params.month);
      return reply
        .type('application/xml; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${filename}"`)
        .send(Readable.from(chunks));
    },
  );
  r.post(
    '/api/statistics/modul13/:month/deliveries',
    {
      config,
      schema: {
        tags,
        summary:
          'Lieferung eines Monats verbuchen (Lieferprotokoll für spätere Korrekturen); mit expectedSha256 nur, wenn die Datei der heruntergeladenen entspricht; Idempotency-Key empfohlen',
        params: reportMonthParams,
        body: deliverModul13Request,
        response: { 201: modul13DeliverySchema },
      },
    },
    async (request, reply) => {
      const result = await service.deliver(authOf(request), request.params.month, request.body, idempotencyKeyOf(request));
      // 201 for the first request and for an idempotent replay alike.
      return (reply as FastifyReply).code(result.status).send(result.body);
    },
  );
}
