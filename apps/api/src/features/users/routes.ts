import { createUserRequest, idParams, updateUserRequest, userList, userSchema } from '@lotse/contracts';
import { USER_ADMINS } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authOf } from '../../http/access';
import { requireIfMatch, setEtag } from '../../http/conditional';
import { idempotencyKeyOf } from '../idempotency/idempotency';
import type { UserService } from './service';

export function userRoutes(app: FastifyInstance, users: UserService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Benutzerverwaltung'];
  const config = { access: USER_ADMINS };

  r.get('/api/users', { config, schema: { tags, summary: 'Benutzer des Jobcenters', response: { 200: userList } } }, async (request) => ({
    items: await users.list(authOf(request)),
  }));

  r.post(
    '/api/users',
    { config, schema: { tags, summary: 'Benutzer anlegen', body: createUserRequest, response: { 201: userSchema } } },
    async (request, reply) => {
      const result = await users.create(authOf(request), request.body, idempotencyKeyOf(request));
      setEtag(reply, result.body.version);
      reply.header('Location', `/api/users/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  r.get(
    '/api/users/:id',
    { config, schema: { tags, summary: 'Benutzer lesen', params: idParams, response: { 200: userSchema } } },
    async (request, reply) => {
      const user = await users.get(authOf(request), request.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  r.patch(
    '/api/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Benutzer ändern, sperren oder Passwort setzen (If-Match erforderlich; beendet bei Sperre/Rollenänderung die Sitzungen)',
        params: idParams,
        body: updateUserRequest,
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const user = await users.update(authOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, user.version);
      return user;
    },
  );
}
