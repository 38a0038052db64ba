import type { Migration } from 'kysely/migration';
import * as foundation from './20261121000000_foundation';
import * as caseFile from './20261122000000_case_file';
import * as cooperation from './20261123000000_cooperation';
import * as planning from './20261124000000_planning';

/** All migrations by name, in order. A static list: works in bundles and needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '20261121000000_foundation': foundation,
  '20261122000000_case_file': caseFile,
  '20261123000000_cooperation': cooperation,
  '20261124000000_planning': planning,
};
