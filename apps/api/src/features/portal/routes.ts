import {
  idParams,
  portalActionRequest,
  portalBarrierTypeList,
  portalFeedbackRequest,
  portalReferralList,
  portalReferralListQuery,
  portalReferralSchema,
} from '@lotse/contracts';
import { PROVIDER_PORTAL } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { PortalService } from './service';

/**
 * The provider portal's referral routes (docs/api-cooperation.md, "Provider portal"), for provider staff
 * and scoped by the session's provider. The portal's conference routes live in features/conferences.
 */
export function portalRoutes(app: FastifyInstance, portal: PortalService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Trägerportal'];
  const config = { access: PROVIDER_PORTAL };

  r.get(
    '/api/portal/referrals',
    {
      config,
      schema: {
        tags,
        summary: 'Zuweisungen an den eigenen Träger (offen, alle oder nach Status); Personendaten nur mit gültiger Einwilligung',
        querystring: portalReferralListQuery,
        response: { 200: portalReferralList },
      },
    },
    async (request) => portal.list(authOf(request), request.query),
  );
  r.get(
    '/api/portal/referrals/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Zuweisung lesen (nur was die Einwilligung abdeckt)',
        params: idParams,
        response: { 200: portalReferralSchema },
      },
    },
    async (request, reply) => {
      const body = await portal.referral(authOf(request), request.params.id);
      setEtag(reply, body.version);
      return body;
    },
  );
  r.post(
    '/api/portal/referrals/:id/actions',
    {
      config,
      schema: {
        tags,
        summary: 'Annehmen, ablehnen, Beginn, Nichtantritt, Abschluss oder Abbruch melden; If-Match erforderlich',
        params: idParams,
        body: portalActionRequest,
        response: { 200: portalReferralSchema },
      },
    },
    async (request, reply) => {
      const body = await portal.action(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, body.version);
      return body;
    },
  );
  r.post(
    '/api/portal/referrals/:id/feedback',
    {
      config,
      schema: {
        tags,
        summary: 'Rückmeldung geben (Termin, Zwischenbericht, Abschlussbericht); Idempotency-Key empfohlen',
        params: idParams,
        body: portalFeedbackRequest,
        response: { 201: portalReferralSchema },
      },
    },
    async (request, reply) => {
      const result = await portal.feedback(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      return reply.code(201).send(result.body);
    },
  );
  r.get(
    '/api/portal/barrier-types',
    {
      config,
      schema: { tags, summary: 'Aktive Handlungsbedarfe, um entstehende Bedarfe zu benennen', response: { 200: portalBarrierTypeList } },
    },
    async (request) => portal.barrierTypes(authOf(request)),
  );
}
