import { describe, expect, it } from 'vitest';
import { classifyProfile } from './cpu-profile';
import { searchStatement } from './floor-server';
import { parseOptions } from './options';
import {
  type BenchReport,
  combineRounds,
  evaluateTargets,
  fileTimestamp,
  type LoadResult,
  loadProblems,
  percentile,
  ratio,
  renderMarkdown,
  type ScenarioResult,
  summariseLatencies,
} from './report';
import { compareQueries } from './sql-capture';
import { germanDate, searchBodies } from './workload';

function load(rps: number, p99: number, extra: Partial<LoadResult> = {}): LoadResult {
  return {
    requestsPerSecond: rps,
    requests: rps * 10,
    durationSeconds: 10,
    latencyMs: { p50: p99 / 4, p95: p99 / 2, p99, mean: p99 / 3, max: p99 * 2 },
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    statusCodes: { '200': rps * 10 },
    errorSamples: [],
    roundRequestsPerSecond: [rps],
    ...extra,
  };
}

function scenario(name: string, lotse: LoadResult, floor: LoadResult): ScenarioResult {
  return { name, description: `${name} description`, lotse, floor, ratio: ratio(lotse.requestsPerSecond, floor.requestsPerSecond) };
}

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it('is NaN without values', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summariseLatencies', () => {
  it('sorts numerically (not as strings) and computes mean and max', () => {
    const summary = summariseLatencies([10, 9, 100, 1, 2]);
    expect(summary.p50).toBe(9);
    expect(summary.max).toBe(100);
    expect(summary.mean).toBeCloseTo(24.4);
    expect(summary.p99).toBe(100);
  });
});

describe('ratio', () => {
  it('divides and refuses a zero denominator', () => {
    expect(ratio(500, 1000)).toBe(0.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 3)).toBeNaN();
  });
});

describe('combineRounds', () => {
  const profile = (cpu: number, states: { state: string; mean: number }[]) => ({
    serverThreadCpu: cpu,
    eventLoopUtilization: cpu / 2,
    loadGeneratorCpu: 0.1,
    postgresCpu: 1,
    machineBusy: 0.5,
    otherCpu: 0,
    backendsBusyMean: 10,
    backendStates: states,
  });

  it('adds requests over the total duration and takes percentiles over all latencies', () => {
    const combined = combineRounds([
      {
        requests: 100,
        durationSeconds: 5,
        latencies: [1, 2, 3],
        non2xx: 0,
        errors: 0,
        timeouts: 0,
        statusCodes: { '200': 100 },
        errorSamples: [],
      },
      {
        requests: 300,
        durationSeconds: 5,
        latencies: [4, 100],
        non2xx: 1,
        errors: 0,
        timeouts: 0,
        statusCodes: { '200': 300, '500': 1 },
        errorSamples: ['x'],
      },
    ]);
    expect(combined.requestsPerSecond).toBe(40);
    expect(combined.roundRequestsPerSecond).toEqual([20, 60]);
    expect(combined.latencyMs.max).toBe(100);
    expect(combined.latencyMs.p50).toBe(3);
    expect(combined.statusCodes).toEqual({ '200': 400, '500': 1 });
    expect(combined.non2xx).toBe(1);
    expect(combined.profile).toBeUndefined();
  });

  it('weights the rounds profiles by duration', () => {
    const base = { requests: 10, latencies: [1], non2xx: 0, errors: 0, timeouts: 0, statusCodes: {}, errorSamples: [] };
    const combined = combineRounds([
      { ...base, durationSeconds: 1, profile: profile(1, [{ state: 'running', mean: 4 }]) },
      { ...base, durationSeconds: 3, profile: profile(2, [{ state: 'Lock:tuple', mean: 8 }]) },
    ]);
    expect(combined.profile?.serverThreadCpu).toBeCloseTo(1.75);
    expect(combined.profile?.backendStates).toEqual([
      { state: 'Lock:tuple', mean: 6 },
      { state: 'running', mean: 1 },
    ]);
  });
});

describe('loadProblems', () => {
  it('accepts a clean run', () => {
    expect(loadProblems('x', load(100, 10))).toEqual([]);
  });

  it('reports non-2xx answers, errors and their samples', () => {
    const problems = loadProblems(
      'person-read Lotse',
      load(100, 10, { non2xx: 3, errors: 1, timeouts: 1, errorSamples: ['HTTP 500: {}'] }),
    );
    expect(problems.join('\n')).toContain('3 non-2xx');
    expect(problems.join('\n')).toContain('1 errors (1 timeouts)');
    expect(problems.join('\n')).toContain('HTTP 500');
  });
});

describe('evaluateTargets', () => {
  it('checks the person-read ratio and p99', () => {
    const met = evaluateTargets([scenario('person-read', load(600, 40), load(1000, 20))]);
    expect(met.readRatioMet).toBe(true);
    expect(met.readP99Met).toBe(true);
    const missed = evaluateTargets([scenario('person-read', load(400, 80), load(1000, 20))]);
    expect(missed.readRatioMet).toBe(false);
    expect(missed.readP99Met).toBe(false);
    expect(evaluateTargets([]).readRatioMet).toBeNull();
  });
});

describe('fileTimestamp', () => {
  it('is safe in file names', () => {
    expect(fileTimestamp(new Date('2026-11-21T05:38:12.345Z'))).toBe('2026-11-21T05-38-12Z');
  });
});

describe('renderMarkdown', () => {
  const report = (
    scenarios = [scenario('person-read', load(1234.4, 45.67), load(2000, 12.3)), scenario('person-search', load(300, 120), load(600, 90))],
  ): BenchReport => ({
    date: '2026-11-21T05:38:12.000Z',
    quick: false,
    machine: { cpuModel: 'Test CPU', cores: 2, memoryGiB: 24, os: 'Linux', node: 'v24.21.0', postgres: 'PostgreSQL 15.20' },
    settings: { connections: 64, durationSeconds: 15, rounds: 3, warmupSeconds: 3, poolSize: 20, readIds: 2000, searchBodies: 800 },
    data: {
      tenants: [{ name: 'Jobcenter A', persons: 200_000, households: 100_000 }],
      totalPersons: 200_000,
      totalHouseholds: 100_000,
      totalRows: 500_000,
      loadSeconds: 20,
      personsPerSecond: 10_000,
      rowsPerSecond: 25_000,
      analyzeSeconds: 1,
    },
    scenarios,
    experiments: [],
    targets: evaluateTargets(scenarios),
    notes: ['a note'],
  });

  it('renders data, figures, ratio and targets', () => {
    const markdown = renderMarkdown(report());
    expect(markdown).toContain(
      '| Scenario | Server | req/s (mean) | p50 ms | p95 ms | p99 ms | Lotse / floor | req/s per round |\n|---|---|--:|--:|--:|--:|--:|---|',
    );
    expect(markdown).toContain('| Jobcenter A | 200\u202f000 | 100\u202f000 |');
    expect(markdown).toContain('| person-read | Lotse | 1\u202f234 | 11.4 | 22.8 | 45.7 | 62 % | 1\u202f234 |');
    expect(markdown).toContain('| person-read | floor | 2\u202f000 | 3.1 | 6.2 | 12.3 |  | 2\u202f000 |');
    expect(markdown).toContain('| person-search | Lotse | 300 | 30.0 | 60.0 | 120 | 50 % | 300 |');
    expect(markdown).toContain("Lotse ≥ 50 % of the floor's requests/s: met (62 %)");
    expect(markdown).toContain('p99 ≤ 50 ms: met (45.7 ms)');
    expect(markdown).toContain('- a note');
    expect(markdown).not.toContain('What-if');
    expect(markdown).not.toContain('Writes (Lotse only)');
  });

  it('renders the write scenarios as their own table, Lotse only', () => {
    const markdown = renderMarkdown({
      ...report(),
      writeScenarios: [
        { name: 'provider-feedback', description: 'feedback', lotse: load(150.4, 80, { roundRequestsPerSecond: [140, 161] }) },
      ],
    });
    expect(markdown).toContain(
      '### Writes (Lotse only)\n\nEvery request writes, so there is no floor server to compare with (it would have to duplicate the whole write path); ' +
        'the figures stand alone, measured in one round of the whole duration. The scenarios are described in the notes.\n\n' +
        '| Scenario | req/s (mean) | p50 ms | p95 ms | p99 ms | req/s per round |\n|---|--:|--:|--:|--:|---|\n' +
        '| provider-feedback | 150 | 20.0 | 40.0 | 80.0 | 140, 161 |',
    );
    expect(markdown.indexOf('| person-read | Lotse')).toBeLessThan(markdown.indexOf('### Writes (Lotse only)'));
  });

  it('renders a run of only write scenarios and old reports without the field', () => {
    const onlyWrites = renderMarkdown({
      ...report([]),
      writeScenarios: [{ name: 'provider-feedback', description: 'feedback', lotse: load(100, 50) }],
    });
    expect(onlyWrites).toContain('No read scenario was measured in this run.');
    expect(onlyWrites).toContain('| provider-feedback | 100 |');
    // report() has no writeScenarios, like the JSON of runs before they existed.
    expect('writeScenarios' in report()).toBe(false);
    expect(renderMarkdown(report())).toBe(renderMarkdown({ ...report(), writeScenarios: [] }));
  });

  it('puts the write scenarios into the profile table', () => {
    const profile = {
      serverThreadCpu: 0.5,
      eventLoopUtilization: 0.4,
      loadGeneratorCpu: 0.1,
      postgresCpu: 1.2,
      machineBusy: 0.9,
      otherCpu: 0.2,
      backendsBusyMean: 18,
      backendStates: [{ state: 'Lock:tuple', mean: 12 }],
    };
    const markdown = renderMarkdown({
      ...report([]),
      writeScenarios: [{ name: 'provider-feedback', description: 'feedback', lotse: load(100, 50, { profile }) }],
    });
    expect(markdown).toContain('## Where the time goes');
    expect(markdown).toContain('| provider-feedback | Lotse | 0.50 | 40 % | 1.20 | 0.10 | 0.20 | 18.0: Lock:tuple 12.0 |');
  });
});

describe('parseOptions', () => {
  it('has the documented defaults', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({
      persons: 200_000,
      otherTenants: 3,
      otherPersons: 20_000,
      connections: 64,
      durationSeconds: 15,
      poolSize: 20,
    });
  });

  it('makes --quick small and lets flags override it', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ persons: 20_000, durationSeconds: 5, quick: true });
    expect(parseOptions(['--quick', '--persons', '1000', '--pool', '8'])).toMatchObject({ persons: 1000, poolSize: 8 });
  });

  it('rejects nonsense', () => {
    expect(() => parseOptions(['--persons', 'many'])).toThrow(/--persons/);
    expect(() => parseOptions(['--scenario', 'nope'])).toThrow(/scenario/);
    expect(parseOptions(['--scenario', 'provider-feedback'])).toMatchObject({ scenarios: ['provider-feedback'] });
    expect(() => parseOptions(['--unknown'])).toThrow();
  });
});

describe('search workload', () => {
  const sample = [
    { lastName: 'Müller-Lüdenscheidt', firstName: 'Anna', birthDate: '1980-03-07', customerNumber: '123D456789' },
    { lastName: 'Yılmaz', firstName: 'Deniz', birthDate: '1975-12-24', customerNumber: '123D000001' },
    { lastName: 'Schmidt', firstName: 'Jonas', birthDate: '2001-01-31', customerNumber: '456D000123' },
    { lastName: 'Kovalenko', firstName: 'Olena', birthDate: '1990-06-15', customerNumber: '789D654321' },
  ];

  it('cycles through the four kinds of query', () => {
    expect(searchBodies(sample)).toEqual([
      { kind: 'last-name-prefix', query: 'Mül' },
      { kind: 'last-first', query: 'Yılmaz Deniz' },
      { kind: 'birth-date', query: '31.01.2001' },
      { kind: 'customer-number-prefix', query: '789D65' },
    ]);
    expect(germanDate('1980-03-07')).toBe('07.03.1980');
  });

  it('builds the floor search statement like PersonRepository.search', () => {
    const statement = searchStatement('t', 'Mül 07.03.1980 123d4', 25);
    expect(statement.values).toEqual(['t', 't', 'mul', 'mul\u{10FFFF}', '1980-03-07', '123D4', '123D4\u{10FFFF}', 26]);
    expect(statement.text).toContain('"t"."tenant_id" = $2 and t.term ~>=~ $3 and t.term ~<~ $4');
    expect(statement.text).toMatch(/order by "p"."search_name", "p"."id" limit \$8$/);
  });
});

describe('compareQueries', () => {
  it('ignores whitespace and reports differing statements and parameters', () => {
    expect(compareQueries([{ text: 'select  1', values: [1] }], [{ text: 'select 1', values: [1] }])).toEqual([]);
    const problems = compareQueries(
      [
        { text: 'select 1', values: [1] },
        { text: 'commit', values: [] },
      ],
      [{ text: 'select 2', values: [2] }],
    );
    expect(problems).toHaveLength(3);
  });
});

describe('classifyProfile', () => {
  it('attributes samples to the innermost recognised frame and divides by requests', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5, 6] },
        { id: 2, callFrame: frame('handler', 'file:///work/main/apps/api/src/features/persons/service.ts'), children: [3, 4] },
        { id: 3, callFrame: frame('compile', 'file:///work/main/node_modules/kysely/dist/x.js') },
        { id: 4, callFrame: frame('todayInGermany', 'file:///work/main/packages/domain/src/person.ts') },
        { id: 5, callFrame: frame('(idle)') },
        { id: 6, callFrame: frame('writev') },
      ],
      samples: [3, 3, 4, 5, 6, 2],
      timeDeltas: [100, 100, 50, 1000, 200, 50],
    };
    const breakdown = classifyProfile(profile, 10);
    expect(breakdown.busyMicrosPerRequest).toBe(50);
    expect(breakdown.shares).toEqual([
      { category: 'Kysely (query building, compiling, CamelCasePlugin)', microsPerRequest: 20, share: 0.4 },
      { category: 'socket writes (syscalls)', microsPerRequest: 20, share: 0.4 },
      { category: 'todayInGermany (Intl.DateTimeFormat per call)', microsPerRequest: 5, share: 0.1 },
      { category: 'Lotse code (apps, packages)', microsPerRequest: 5, share: 0.1 },
    ]);
  });
});
