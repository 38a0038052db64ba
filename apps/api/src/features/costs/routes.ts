import type { FastifyInstance } from 'fastify';
import type { CostService } from './service';

/** Stub: filled in by the feature's implementation. */
export function costRoutes(_app: FastifyInstance, _service: CostService) {}
