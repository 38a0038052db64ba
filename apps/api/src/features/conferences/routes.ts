import type { FastifyInstance } from 'fastify';
import type { ConferenceService } from './service';

export function conferenceRoutes(_app: FastifyInstance, _service: ConferenceService) {}
