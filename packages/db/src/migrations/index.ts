import type { Migration } from 'kysely/migration';
import * as foundation from './20261121000000_foundation';
import * as caseFile from './20261122000000_case_file';
import * as cooperation from './20261123000000_cooperation';
import * as planning from './20261124000000_planning';
import * as statisticsReads from './20261125090000_statistics_reads';
import * as planningStockIndexes from './20261125120000_planning_stock_indexes';
import * as organisationDeactivation from './20261126100000_organisation_deactivation';
import * as organisationSanctions from './20261127000000_organisation_sanctions';
import * as caseloadTargetSet from './20261127200000_caseload_target_set';
import * as sanctionEvents from './20261127300000_sanction_events';
import * as statisticsLookbackIndexes from './20261127400000_statistics_lookback_indexes';
import * as statisticsSanctions from './20261127500000_statistics_sanctions';
import * as chargeReversals from './20261128000000_charge_reversals';
import * as planningSuppressionPatterns from './20261129000000_planning_suppression_patterns';

/** All migrations by name, in order. A static list: works in bundles and needs no file-system scan. */
export const migrations: Record<string, Migration> = {
  '20261121000000_foundation': foundation,
  '20261122000000_case_file': caseFile,
  '20261123000000_cooperation': cooperation,
  '20261124000000_planning': planning,
  '20261125090000_statistics_reads': statisticsReads,
  '20261125120000_planning_stock_indexes': planningStockIndexes,
  '20261126100000_organisation_deactivation': organisationDeactivation,
  '20261127000000_organisation_sanctions': organisationSanctions,
  '20261127200000_caseload_target_set': caseloadTargetSet,
  '20261127300000_sanction_events': sanctionEvents,
  '20261127400000_statistics_lookback_indexes': statisticsLookbackIndexes,
  '20261127500000_statistics_sanctions': statisticsSanctions,
  '20261128000000_charge_reversals': chargeReversals,
  '20261129000000_planning_suppression_patterns': planningSuppressionPatterns,
};
