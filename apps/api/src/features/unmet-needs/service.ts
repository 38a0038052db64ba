import type { Database } from '@lotse/db';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';

/** Stub: filled in by the feature's implementation. */
export class UnmetNeedService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}
}
