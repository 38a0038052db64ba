import type { FastifyInstance } from 'fastify';
import type { PortalService } from './service';

export function portalRoutes(_app: FastifyInstance, _service: PortalService) {}
