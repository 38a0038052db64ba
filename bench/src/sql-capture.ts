import pg from 'pg';

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Records every statement sent through node-postgres (Kysely's PostgresDialect and the floor both use
 * pg.Client) while `work` runs. Run one request at a time inside it, so what is recorded is that
 * request's SQL. The hook is removed afterwards and costs nothing during the measurements.
 */
export async function captureQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const queries: CapturedQuery[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args;
    if (typeof config === 'string') {
      queries.push({ text: config, values: Array.isArray(values) ? [...values] : [] });
    } else if (config && typeof config === 'object' && typeof (config as { text?: unknown }).text === 'string') {
      const q = config as { text: string; values?: unknown[] };
      queries.push({ text: q.text, values: [...(q.values ?? (Array.isArray(values) ? values : []))] });
    }
    return original.apply(this, args);
  };
  try {
    return { result: await work(), queries };
  } finally {
    proto.query = original;
  }
}

export function normaliseSql(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Differences between two statement sequences (whitespace-insensitive text, exact parameters). */
export function compareQueries(expected: CapturedQuery[], actual: CapturedQuery[]): string[] {
  const problems: string[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a) {
      problems.push(`#${i + 1}: ${e ? `missing in floor: ${normaliseSql(e.text)}` : `extra in floor: ${normaliseSql(a?.text ?? '')}`}`);
      continue;
    }
    if (normaliseSql(e.text) !== normaliseSql(a.text)) {
      problems.push(`#${i + 1} SQL differs:\n  Lotse: ${normaliseSql(e.text)}\n  floor: ${normaliseSql(a.text)}`);
    }
    const ev = JSON.stringify(e.values);
    const av = JSON.stringify(a.values);
    if (ev !== av) problems.push(`#${i + 1} parameters differ:\n  Lotse: ${ev}\n  floor: ${av}`);
  }
  return problems;
}
