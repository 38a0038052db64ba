import pg from 'pg';
import { searchStatement } from './floor-server';
import type { SearchBody, SearchKind } from './workload';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

export interface SearchPlanSummary {
  kind: SearchKind;
  queries: number;
  meanMs: number;
  maxMs: number;
  /** The scans used, e.g. "Index Only Scan persons_search_order" with the rows they filtered away. */
  scans: string[];
  meanRowsRemoved: number;
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node['Node Type'].includes('Scan')) out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/**
 * EXPLAIN ANALYZE of the search statement for the first queries of each kind, as the app role inside
 * a tenant transaction, i.e. under row-level security exactly as Lotse runs it (rolled back).
 */
export async function explainSearches(appUrl: string, tenantId: string, bodies: SearchBody[], perKind = 5): Promise<SearchPlanSummary[]> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  const byKind = new Map<SearchKind, { ms: number[]; scans: Set<string>; removed: number[] }>();
  try {
    for (const body of bodies) {
      const entry = byKind.get(body.kind) ?? { ms: [], scans: new Set<string>(), removed: [] };
      byKind.set(body.kind, entry);
      if (entry.ms.length >= perKind) continue;
      const statement = searchStatement(tenantId, body.query, 25);
      await client.query('begin');
      try {
        await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
          `explain (analyze, format json) ${statement.text}`,
          statement.values,
        );
        const plan = rows[0]?.['QUERY PLAN'][0];
        if (!plan) continue;
        entry.ms.push(plan['Execution Time']);
        let removed = 0;
        for (const scan of scans(plan.Plan)) {
          entry.scans.add(`${scan['Node Type']}${scan['Index Name'] ? ` ${scan['Index Name']}` : ''}`);
          removed += scan['Rows Removed by Filter'] ?? 0;
        }
        entry.removed.push(removed);
      } finally {
        await client.query('rollback');
      }
    }
  } finally {
    await client.end();
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return [...byKind.entries()].map(([kind, e]) => ({
    kind,
    queries: e.ms.length,
    meanMs: mean(e.ms),
    maxMs: Math.max(...e.ms),
    scans: [...e.scans],
    meanRowsRemoved: mean(e.removed),
  }));
}

export function describeSearchPlans(plans: SearchPlanSummary[]): string {
  return (
    'Search statement plans under row-level security (EXPLAIN ANALYZE as the app role, ' +
    `${plans[0]?.queries ?? 0} queries per kind): ` +
    plans
      .map(
        (p) =>
          `${p.kind}: mean ${p.meanMs.toFixed(1)} ms (max ${p.maxMs.toFixed(1)}), ${p.scans.join(' + ')}, ` +
          `${Math.round(p.meanRowsRemoved).toLocaleString('en-US')} rows read and discarded by the filter`,
      )
      .join('; ')
  );
}
