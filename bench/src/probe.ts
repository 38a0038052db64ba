import pg from 'pg';
import { APPEND_READS_SQL, PERSON_SQL, SET_TENANT_SQL } from './floor-server';

export interface SerialProbe {
  transactions: number;
  transactionsPerSecond: number;
  /** Mean ms per statement of the person-read transaction on one connection, without any concurrency. */
  meanMs: Record<'begin' | 'setTenant' | 'person' | 'appendReads' | 'commit', number>;
  /**
   * Reads per second one read-log chain can take at most, as its head row stays locked from the
   * append to the end of the commit (append + commit, not counting any wait for the application).
   */
  chainCeilingPerSecond: number;
}

/**
 * The person-read transaction on one connection, statement by statement, as the app role: shows
 * what each statement costs without contention, in particular the commit's WAL flush, which happens
 * while the read-log chain's head row is locked.
 */
export async function serialReadProbe(
  appUrl: string,
  tenantId: string,
  userId: string,
  ids: string[],
  transactions = 500,
): Promise<SerialProbe> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const sums = { begin: 0, setTenant: 0, person: 0, appendReads: 0, commit: 0 };
  const timed = async (key: keyof typeof sums, run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    sums[key] += performance.now() - started;
  };
  const started = performance.now();
  try {
    for (let i = 0; i < transactions; i++) {
      const id = ids[i % ids.length];
      await timed('begin', () => client.query('begin', []));
      await timed('setTenant', () => client.query(SET_TENANT_SQL, [tenantId]));
      await timed('person', () => client.query(PERSON_SQL, [tenantId, id]));
      await timed('appendReads', () => client.query(APPEND_READS_SQL, [tenantId, userId, [id], 'view']));
      await timed('commit', () => client.query('commit', []));
    }
  } finally {
    await client.end();
  }
  const seconds = (performance.now() - started) / 1000;
  const meanMs = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / transactions])) as SerialProbe['meanMs'];
  return {
    transactions,
    transactionsPerSecond: transactions / seconds,
    meanMs,
    chainCeilingPerSecond: 1000 / (meanMs.appendReads + meanMs.commit),
  };
}

export function describeProbe(probe: SerialProbe): string {
  const m = probe.meanMs;
  return (
    `Person-read transaction on one connection without concurrency (${probe.transactions} times): ${Math.round(probe.transactionsPerSecond)} per second; ` +
    `mean ms per statement: begin ${m.begin.toFixed(2)}, set_config ${m.setTenant.toFixed(2)}, person select ${m.person.toFixed(2)}, ` +
    `audit_append_reads ${m.appendReads.toFixed(2)}, commit ${m.commit.toFixed(2)}. A read-log chain's head row stays locked from the append ` +
    `to the end of the commit, so one chain takes at most about ${Math.round(probe.chainCeilingPerSecond)} reads/s ` +
    '(less once the wait for the application between append and commit is added); with a single chain per tenant that was the limit of a whole tenant.'
  );
}
