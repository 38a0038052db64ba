import type { Role } from '@lotse/domain';

/** Who may call a route: nobody logged in, anyone logged in, or the listed roles. Checked on the server. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface AuthContext {
  tenantId: string;
  userId: string;
  roles: Role[];
  displayName: string;
  csrfToken: string;
  /** For provider staff: their provider; the portal shows only its referrals and conferences. */
  providerId: string | null;
  tokenHash: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth?: AuthContext;
  }
}

/** The authenticated caller; routes with access other than 'public' always have one. */
export function authOf(request: { auth?: AuthContext }): AuthContext {
  if (!request.auth) throw new Error('route without authentication asked for the caller');
  return request.auth;
}
