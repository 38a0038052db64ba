import {
  createPersonRequest,
  idParams,
  personSchema,
  personSearchRequest,
  personSearchResult,
  staffList,
  updatePersonRequest,
} from '@lotse/contracts';
import { PERSON_READERS, PERSON_WRITERS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { PersonService } from './service';

export function personRoutes(app: FastifyInstance, persons: PersonService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Personen'];

  r.post(
    '/api/persons/search',
    {
      config: { access: PERSON_READERS },
      schema: {
        tags,
        summary: 'Personen suchen (Namensteile, Kundennummer, Geburtsdatum); Suchbegriffe im Body, nie in der URL',
        body: personSearchRequest,
        response: { 200: personSearchResult },
      },
    },
    async (request) => persons.search(authOf(request), request.body),
  );

  r.post(
    '/api/persons',
    {
      config: { access: PERSON_WRITERS },
      schema: {
        tags,
        summary: 'Person anlegen (Idempotency-Key empfohlen)',
        body: createPersonRequest,
        response: { 201: personSchema },
      },
    },
    async (request, reply) => {
      const result = await persons.create(authOf(request), request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/persons/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/persons/:id',
    {
      config: { access: PERSON_READERS },
      schema: { tags, summary: 'Person lesen (wird im Leseprotokoll vermerkt)', params: idParams, response: { 200: personSchema } },
    },
    async (request, reply) => {
      const person = await persons.get(authOf(request), request.params.id);
      setEtag(reply, person.version);
      return person;
    },
  );

  r.patch(
    '/api/persons/:id',
    {
      config: { access: PERSON_WRITERS },
      schema: {
        tags,
        summary: 'Person ändern (If-Match mit dem ETag erforderlich)',
        params: idParams,
        body: updatePersonRequest,
        response: { 200: personSchema },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request);
      const person = await persons.update(authOf(request), request.params.id, version, request.body);
      setEtag(reply, person.version);
      return person;
    },
  );

  r.get(
    '/api/staff',
    {
      config: { access: PERSON_READERS },
      schema: { tags, summary: 'Fachkräfte, die persönliche Ansprechpartner/innen sein können', response: { 200: staffList } },
    },
    async (request) => ({ items: await persons.staff(authOf(request)) }),
  );
}
