import type { Database } from '@lotse/db';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config';

export class ConferenceService {
  constructor(
    readonly db: Kysely<Database>,
    readonly config: AppConfig,
  ) {}
}
