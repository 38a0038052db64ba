import { workTodaySchema } from '@lotse/contracts';
import { PERSON_READERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import type { WorkService } from './service';

export function workRoutes(app: FastifyInstance, work: WorkService) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/work/today',
    {
      config: { access: PERSON_READERS },
      schema: {
        tags: ['Meine Arbeit'],
        summary: 'Meine Arbeit heute: überfällige Wiedervorlagen, fällige Teilziele, Überprüfungen, Fälle ohne Kontakt',
        response: { 200: workTodaySchema },
      },
    },
    async (request) => work.today(authOf(request)),
  );
}
