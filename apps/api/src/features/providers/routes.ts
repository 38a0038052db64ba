import type { FastifyInstance } from 'fastify';
import type { ProviderService } from './service';

export function providerRoutes(_app: FastifyInstance, _service: ProviderService) {}
