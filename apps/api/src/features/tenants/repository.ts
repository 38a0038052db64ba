import type { Database } from '@lotse/db';
import type { Kysely } from 'kysely';

export class TenantRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: { id: string; name: string; carrierModel: 'gE' | 'zkT' }) {
    return this.db.insertInto('tenants').values(row).execute();
  }

  list() {
    return this.db.selectFrom('tenants').selectAll().orderBy('name').execute();
  }

  findByIdOrName(idOrName: string) {
    return this.db
      .selectFrom('tenants')
      .selectAll()
      .where((eb) => (/^[0-9a-f-]{36}$/i.test(idOrName) ? eb('id', '=', idOrName) : eb('name', '=', idOrName)))
      .executeTakeFirst();
  }
}
