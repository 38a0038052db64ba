import type { FastifyInstance } from 'fastify';
import type { UnmetNeedService } from './service';

/** Stub: filled in by the feature's implementation. */
export function unmetNeedRoutes(_app: FastifyInstance, _service: UnmetNeedService) {}
