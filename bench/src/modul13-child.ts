/**
 * Runs one Modul 13 export in its own process for the benchmark (bench/src/steering.ts) and prints its
 * summary as JSON on the last line: `tsx modul13-child.ts <owner url> <tenant id> <YYYY-MM | YYYY> <out file>`.
 */
import { Writable } from 'node:stream';
import { createDatabase } from '@lotse/db';
import { exportModul13 } from '../../apps/cli/src/export';

const [ownerUrl, tenantId, period, out] = process.argv.slice(2);
if (!ownerUrl || !tenantId || !period || !out) throw new Error('usage: modul13-child <owner url> <tenant id> <YYYY-MM | YYYY> <out file>');
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const database = await createDatabase({ databaseUrl: ownerUrl, poolSize: 2 });
try {
  const summary = await exportModul13(
    database,
    { tenant: tenantId, out, ...(period.length === 4 ? { year: Number(period) } : { month: period }) },
    { stdout: sink(), stderr: sink(), progress: false },
  );
  console.log(
    JSON.stringify({
      records: summary.records,
      durationMs: summary.durationMs,
      peakRssMb: summary.peakRssMb,
      processed: summary.referralsExamined,
    }),
  );
} finally {
  await database.close();
}
