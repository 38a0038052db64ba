import { auditListQuery, auditVerification, changeLogPage, readLogPage } from '@lotse/contracts';
import { AUDIT_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../http/access';
import type { AuditService } from './service';

export function auditRoutes(app: FastifyInstance, audit: AuditService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Datenschutz'];
  const config = { access: AUDIT_READERS };

  r.get(
    '/api/audit/changes',
    {
      config,
      schema: { tags, summary: 'Änderungsprotokoll (neueste zuerst)', querystring: auditListQuery, response: { 200: changeLogPage } },
    },
    async (request) => audit.changes(authOf(request), request.query),
  );

  r.get(
    '/api/audit/reads',
    {
      config,
      schema: {
        tags,
        summary: 'Leseprotokoll personenbezogener Daten (neueste zuerst)',
        querystring: auditListQuery,
        response: { 200: readLogPage },
      },
    },
    async (request) => audit.reads(authOf(request), request.query),
  );

  r.get(
    '/api/audit/verify',
    {
      config,
      schema: {
        tags,
        summary: 'Hash-Kette eines Protokolls prüfen',
        querystring: z.strictObject({ log: z.enum(['change', 'read']) }),
        response: { 200: auditVerification },
      },
    },
    async (request) => audit.verify(authOf(request), request.query.log),
  );
}
