import type { FastifyInstance } from 'fastify';
import type { OrganisationService } from './service';

/** Stub: filled in by the feature's implementation. */
export function organisationRoutes(_app: FastifyInstance, _service: OrganisationService) {}
