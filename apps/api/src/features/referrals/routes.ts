import type { FastifyInstance } from 'fastify';
import type { ReferralService } from './service';

export function referralRoutes(_app: FastifyInstance, _service: ReferralService) {}
