import { createHash } from 'node:crypto';
import type { Tx } from '@lotse/db';
import { AppError } from '@lotse/domain';
import type { FastifyRequest } from 'fastify';
import { IdempotencyRepository } from './repository';

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
const repository = new IdempotencyRepository();

/** The Idempotency-Key header, if sent; a malformed key is rejected rather than ignored. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw new AppError('INVALID_IDEMPOTENCY_KEY');
  return header;
}

export interface Created<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs a creating use case at most once per key. The key is stored in the same transaction as the
 * write: a retry after a lost answer gets the first result; the same key with another body gets 422.
 */
export async function once<T>(
  trx: Tx,
  scope: { tenantId: string; userId: string; key: string | undefined; route: string; body: unknown },
  create: () => Promise<T>,
): Promise<Created<T>> {
  if (!scope.key) return { status: 201, body: await create(), replayed: false };
  const requestHash = createHash('sha256').update(scope.route).update('\n').update(JSON.stringify(scope.body)).digest('hex');
  await repository.lock(trx, scope.tenantId, scope.userId, scope.key);
  const existing = await repository.find(trx, scope.tenantId, scope.userId, scope.key);
  if (existing) {
    if (existing.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    return { status: existing.status, body: existing.body as T, replayed: true };
  }
  const body = await create();
  await repository.save(trx, { tenantId: scope.tenantId, userId: scope.userId, key: scope.key, requestHash, status: 201, body });
  return { status: 201, body, replayed: false };
}
