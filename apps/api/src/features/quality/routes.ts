import type { FastifyInstance } from 'fastify';
import type { QualityService } from './service';

/** Stub: filled in by the feature's implementation. */
export function qualityRoutes(_app: FastifyInstance, _service: QualityService) {}
