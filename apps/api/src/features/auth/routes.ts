import { loginRequest, sessionInfo } from '@lotse/contracts';
import { AppError, hasAnyRole } from '@lotse/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authOf } from '../../http/access';
import { type AuthService, SESSION_COOKIE } from './service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Resolves the session for every route that is not public, then checks roles and the CSRF token. */
export function registerAuthentication(app: FastifyInstance, auth: AuthService) {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    request.auth = await auth.authenticate(request.cookies[SESSION_COOKIE]);
    if (access !== 'authenticated' && !hasAnyRole(request.auth.roles, access)) throw new AppError('FORBIDDEN');
    if (!SAFE_METHODS.has(request.method)) auth.checkCsrf(request.auth, request.headers['x-csrf-token']);
  });
}

export function authRoutes(app: FastifyInstance, auth: AuthService, sessionAbsoluteHours: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Anmeldung'],
        summary: 'Anmelden; setzt das Sitzungs-Cookie',
        body: loginRequest,
        response: { 200: sessionInfo },
      },
    },
    async (request, reply) => {
      const { token, session } = await auth.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'strict',
        maxAge: sessionAbsoluteHours * 3600,
      });
      return session;
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['Anmeldung'], summary: 'Abmelden; beendet die Sitzung auf dem Server', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await auth.logout(authOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/auth/session',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['Anmeldung'], summary: 'Die aktuelle Sitzung mit CSRF-Token', response: { 200: sessionInfo } },
    },
    async (request) => auth.sessionView(authOf(request)),
  );
}
