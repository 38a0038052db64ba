import type { FastifyInstance } from 'fastify';
import type { PlanningService } from './service';

/** Stub: filled in by the feature's implementation. */
export function planningRoutes(_app: FastifyInstance, _service: PlanningService) {}
