import { AppError } from '@lotse/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

export function etagFor(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number) {
  reply.header('ETag', etagFor(version));
}

/** The version the client saw, from If-Match. Missing → 428; unreadable counts as stale → 412. */
export function requireIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw new AppError('PRECONDITION_REQUIRED');
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(String(header).trim());
  if (!match) throw new AppError('PRECONDITION_FAILED');
  return Number(match[1]);
}
