import type { FastifyInstance } from 'fastify';
import type { ReportService } from './service';

/** Stub: filled in by the feature's implementation. */
export function reportRoutes(_app: FastifyInstance, _service: ReportService) {}
