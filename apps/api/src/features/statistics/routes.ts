import type { FastifyInstance } from 'fastify';
import type { StatisticsService } from './service';

/** Stub: filled in by the feature's implementation. */
export function statisticsRoutes(_app: FastifyInstance, _service: StatisticsService) {}
