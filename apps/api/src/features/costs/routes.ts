import {
  createReferralChargeRequest,
  idParams,
  offerYearParams,
  offerYearPlanList,
  offerYearPlanSchema,
  putOfferYearPlanRequest,
  referralChargeList,
  referralChargeListQuery,
  referralChargeParams,
  referralChargeSchema,
  reverseReferralChargeRequest,
} from '@lotse/contracts';
import { CHARGE_RECORDERS, OFFER_READERS, PLAN_EDITORS, type Role } from '@lotse/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { CostService } from './service';

const unique = (...lists: ReadonlyArray<readonly Role[]>): readonly Role[] => [...new Set(lists.flat())];

/** Who reads an offer's year plans: the offer catalogue's readers and the municipal social planning. */
const YEAR_PLAN_READERS = unique(OFFER_READERS, ['social_planner']);
/** Who reads the charges: the coordination that records them and team leads (controlling). */
const CHARGE_READERS = unique(CHARGE_RECORDERS, ['team_lead']);

/** If-Match when sent (then it must be readable), undefined when not: PUT creates without it. */
function optionalIfMatch(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  return header === undefined || header === '' ? undefined : requireIfMatch(request);
}

/** Offers' year plans and the actual cost of cases (docs/api-planning.md, "Offer year plans and charges"). */
export function costRoutes(app: FastifyInstance, service: CostService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Kosten'];

  r.get(
    '/api/offers/:id/years',
    {
      config: { access: YEAR_PLAN_READERS },
      schema: {
        tags,
        summary: 'Jahresplanungen eines Angebots (Plätze, Budget, Ist-Kosten, SGB-II-Anteil), neuestes Jahr zuerst',
        params: idParams,
        response: { 200: offerYearPlanList },
      },
    },
    async (request) => service.yearPlans(authOf(request), request.params.id),
  );
  r.get(
    '/api/offers/:id/years/:year',
    {
      config: { access: YEAR_PLAN_READERS },
      schema: {
        tags,
        summary: 'Jahresplanung eines Angebots für ein Jahr mit abgerechneten Kosten (404, solange keine angelegt ist)',
        params: offerYearParams,
        response: { 200: offerYearPlanSchema },
      },
    },
    async (request, reply) => {
      const plan = await service.yearPlan(authOf(request), request.params.id, request.params.year);
      setEtag(reply, plan.version);
      return plan;
    },
  );
  r.put(
    '/api/offers/:id/years/:year',
    {
      config: { access: PLAN_EDITORS },
      schema: {
        tags,
        summary:
          'Jahresplanung anlegen (ohne If-Match, 201) oder ersetzen (If-Match mit der Version erforderlich: 428 ohne, 412 bei veraltetem Stand)',
        params: offerYearParams,
        body: putOfferYearPlanRequest,
        response: { 200: offerYearPlanSchema, 201: offerYearPlanSchema },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const result = await service.putYearPlan(authOf(request), id, year, optionalIfMatch(request), request.body);
      setEtag(reply, result.plan.version);
      if (result.created) reply.header('Location', `/api/offers/${id}/years/${year}`);
      return reply.code(result.created ? 201 : 200).send(result.plan);
    },
  );

  r.get(
    '/api/offers/:id/charges',
    {
      config: { access: CHARGE_READERS },
      schema: {
        tags,
        summary:
          'Abgerechnete Einzelfallkosten eines Angebots in einem Jahr (ohne Personendaten, Zuweisungen nur als Kurzzeichen) und die abrechenbaren Zuweisungen',
        params: idParams,
        querystring: referralChargeListQuery,
        response: { 200: referralChargeList },
      },
    },
    async (request) => service.charges(authOf(request), request.params.id, request.query.year),
  );
  r.post(
    '/api/offers/:id/charges',
    {
      config: { access: CHARGE_RECORDERS },
      schema: {
        tags,
        summary:
          'Einzelfallkosten erfassen: Einheiten × Preis des Angebots für einen Leistungsmonat einer begonnenen Zuweisung (nicht bei institutioneller Förderung); Idempotency-Key empfohlen',
        params: idParams,
        body: createReferralChargeRequest,
        response: { 201: referralChargeSchema },
      },
    },
    async (request, reply) => {
      const result = await service.createCharge(authOf(request), request.params.id, request.body, idempotencyKeyOf(request));
      return reply.code(201).send(result.body);
    },
  );
  r.post(
    '/api/offers/:id/charges/:chargeId/reversal',
    {
      config: { access: CHARGE_RECORDERS },
      schema: {
        tags,
        summary:
          'Abrechnung stornieren: Storno mit negativen Einheiten und negativem Betrag für denselben Leistungsmonat, mit Grund (einmal je Abrechnung, nicht für ein Storno); Idempotency-Key empfohlen',
        params: referralChargeParams,
        body: reverseReferralChargeRequest,
        response: { 201: referralChargeSchema },
      },
    },
    async (request, reply) => {
      const { id, chargeId } = request.params;
      const result = await service.reverseCharge(authOf(request), id, chargeId, request.body, idempotencyKeyOf(request));
      return reply.code(201).send(result.body);
    },
  );
}
