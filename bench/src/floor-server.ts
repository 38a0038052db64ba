import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { caseFileQuery, contactOfficerIds, OrganisationModelRepository } from '@lotse/api';
import type { Database, Tx } from '@lotse/db';
import {
  type AgeGroup,
  ageGroupOn,
  type CareModel,
  DEFAULT_CARE_MODEL,
  parseSearchQuery,
  prefixUpperBound,
  routingOf,
  SPECIAL_CATEGORY_LIFE_AREAS,
  todayInGermany,
} from '@lotse/domain';
import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import pg from 'pg';

/**
 * The floor: the least a server can do to answer the same two requests. Plain node:http and a pg.Pool
 * connected as the same app role with the same pool size, sending exactly the statements Lotse sends
 * (run.ts compares both statement sequences before measuring and stops if they differ). What it leaves
 * out is what a framework adds: routing, schemas and validation, hooks, security headers, problem+json,
 * Kysely's query building and the mapping of rows to the API's types.
 */

const SESSION_COOKIE = '__Host-lotse_session';
const TOUCH_INTERVAL_MS = 60_000;
const SESSION_IDLE_MS = 30 * 60_000;

const SESSION_SQL =
  'select "token_hash", "tenant_id", "user_id", "roles", "display_name", "csrf_token", "provider_id", "last_seen_at", "expires_at" from "sessions" where "token_hash" = $1';
const TOUCH_SQL = 'update "sessions" set "last_seen_at" = $1 where "token_hash" = $2';
export const SET_TENANT_SQL = "select set_config('app.tenant_id', $1, true)";
export const APPEND_READS_SQL = 'select audit_append_reads($1::uuid, $2::uuid, $3::uuid[], $4)';

export const PERSON_SQL =
  'select "p"."id", "p"."customer_number", "p"."first_name", "p"."last_name", "p"."birth_date", "p"."sex", "p"."phone", "p"."email", ' +
  '"p"."street", "p"."house_number", "p"."postal_code", "p"."city", "p"."latitude", "p"."longitude", "p"."preferred_language", ' +
  '"p"."interpreter_needed", "p"."single_parent", "p"."refugee", "p"."severe_disability", "p"."personal_contact_id", "p"."version", ' +
  '"p"."created_at", "p"."updated_at", "c"."display_name" as "personal_contact_name", "h"."id" as "household_id", ' +
  '"h"."number" as "household_number", "m"."role" as "household_role" from "persons" as "p" ' +
  'left join "users" as "c" on "c"."tenant_id" = "p"."tenant_id" and "c"."id" = "p"."personal_contact_id" ' +
  'left join "household_members" as "m" on "m"."tenant_id" = "p"."tenant_id" and "m"."person_id" = "p"."id" ' +
  'left join "households" as "h" on "h"."tenant_id" = "m"."tenant_id" and "h"."id" = "m"."household_id" ' +
  'where "p"."tenant_id" = $1 and "p"."id" = $2';

const SEARCH_SELECT =
  'select "p"."id", "p"."customer_number", "p"."first_name", "p"."last_name", "p"."birth_date", "p"."postal_code", "p"."city", ' +
  '"p"."search_name" from "persons" as "p" where "p"."tenant_id" = $1';

interface Session {
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
}

interface SearchRow {
  id: string;
  search_name: string;
  [column: string]: unknown;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The search statement exactly as PersonRepository.search compiles it (no cursor: the bench asks for first pages). */
export function searchStatement(tenantId: string, query: string, limit: number): { text: string; values: unknown[] } {
  const terms = parseSearchQuery(query);
  const values: unknown[] = [tenantId];
  let text = SEARCH_SELECT;
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const t of terms) {
    if (t.kind !== 'name') continue;
    text +=
      ` and "p"."id" in (select "t"."person_id" from "person_name_terms" as "t" where "t"."tenant_id" = ${param(tenantId)}` +
      ` and t.term ~>=~ ${param(t.value)} and t.term ~<~ ${param(prefixUpperBound(t.value))})`;
  }
  for (const t of terms) if (t.kind === 'birthDate') text += ` and "p"."birth_date" = ${param(t.value)}`;
  for (const t of terms) {
    if (t.kind === 'customerNumber')
      text += ` and p.customer_number ~>=~ ${param(t.value)} and p.customer_number ~<~ ${param(prefixUpperBound(t.value))}`;
  }
  text += ` order by "p"."search_name", "p"."id" limit ${param(limit + 1)}`;
  return { text, values };
}

const TENANT_SENTINEL = '00000000-0000-4000-8000-00000000aaaa';
const CASE_SENTINEL = '00000000-0000-4000-8000-00000000bbbb';

/**
 * The case-file statement exactly as CaseRepository sends it, compiled once at start (the floor does not
 * pay for query building per request): the SQL text and where the tenant and case ids go.
 */
export function caseFileStatement(): (tenantId: string, caseId: string) => { text: string; values: unknown[] } {
  const compiler = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }),
    plugins: [new CamelCasePlugin()],
  });
  const compiled = caseFileQuery(compiler, TENANT_SENTINEL, CASE_SENTINEL).compile();
  void compiler.destroy();
  const template = [...compiled.parameters];
  return (tenantId, caseId) => ({
    text: compiled.sql,
    values: template.map((value) => (value === TENANT_SENTINEL ? tenantId : value === CASE_SENTINEL ? caseId : value)),
  });
}

/** A statement as sent: SQL text and parameters. */
export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements repository code sends, compiled by a Kysely instance configured as the API's (Postgres,
 * CamelCasePlugin) that sends nothing: for repository methods that execute their query instead of
 * returning the builder. Each runs in a transaction, as the API's do (Tx); begin and commit are not recorded.
 */
async function compiledStatements(work: (trx: Tx) => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  const compiler = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') statements.push({ text: event.query.sql, values: [...event.query.parameters] });
    },
  });
  try {
    await compiler.transaction().execute(work);
  } finally {
    await compiler.destroy();
  }
  return statements;
}

/** The one statement `work` sends, as a function of the values that replace the sentinels (in order). */
async function statementTemplate(
  sentinels: readonly string[],
  work: (trx: Tx) => Promise<unknown>,
): Promise<(...values: unknown[]) => Statement> {
  const statements = await compiledStatements(work);
  const [compiled] = statements;
  if (!compiled || statements.length !== 1) throw new Error(`expected one statement, got ${statements.length}`);
  const template = compiled.values;
  return (...values) => ({
    text: compiled.text,
    values: template.map((value) => {
      const at = typeof value === 'string' ? sentinels.indexOf(value) : -1;
      return at >= 0 ? values[at] : value;
    }),
  });
}

const USER_SENTINELS = ['00000000-0000-4000-8000-00000000cccc', '00000000-0000-4000-8000-00000000dddd'] as const;

/**
 * The statements careContactsOf (organisation-model/routing.ts) sends for the case file, compiled once at
 * start from OrganisationModelRepository: the tenant's organisation models, and the display names of the
 * benefits and placement officer shown as contacts (one or two ids; not sent for none).
 */
export async function careContactStatements(): Promise<{
  models: (tenantId: string) => Statement;
  displayNames: (tenantId: string, ids: readonly string[]) => Statement | null;
}> {
  const repo = new OrganisationModelRepository();
  const models = await statementTemplate([TENANT_SENTINEL], (trx) => repo.models(trx, TENANT_SENTINEL));
  const names = await Promise.all(
    [1, 2].map((n) =>
      statementTemplate([TENANT_SENTINEL, ...USER_SENTINELS], (trx) => repo.displayNames(trx, TENANT_SENTINEL, USER_SENTINELS.slice(0, n))),
    ),
  );
  return {
    models: (tenantId) => models(tenantId),
    displayNames: (tenantId, ids) => {
      if (ids.length === 0) return null;
      const template = names[ids.length - 1];
      if (!template) throw new Error(`no display-names statement for ${ids.length} ids`);
      return template(tenantId, ...ids);
    },
  };
}

/** A row of the organisation-models statement as node-postgres returns it (no CamelCasePlugin here). */
export interface ModelRow {
  age_group: AgeGroup;
  case_management: CareModel['caseManagement'];
  placement: CareModel['placement'];
  benefits: CareModel['benefits'];
  mixed_teams: boolean;
  [column: string]: unknown;
}

/**
 * The users careContactsOf looks up by name, decided as it does: the model of the person's age group on
 * `today` (the default where the tenant has no row, as modelsOf), routed by the domain's routingOf; the
 * benefits officer where benefits contacts go to benefits staff, then the placement officer where
 * placement tasks go to placement staff, each only if recorded on the case.
 */
export function careContactIds(
  models: readonly ModelRow[],
  file: { birth_date: string; benefits_officer_id: string | null; placement_officer_id: string | null },
  today: string,
): string[] {
  const ageGroup = ageGroupOn(file.birth_date, today);
  const row = models.find((m) => m.age_group === ageGroup);
  const model: CareModel = row
    ? { caseManagement: row.case_management, placement: row.placement, benefits: row.benefits, mixedTeams: row.mixed_teams }
    : DEFAULT_CARE_MODEL;
  const { benefitsId, placementId } = contactOfficerIds(routingOf(model), {
    benefitsOfficerId: file.benefits_officer_id,
    placementOfficerId: file.placement_officer_id,
  });
  return [benefitsId, placementId].filter((id): id is string => id !== null);
}

interface CaseFileRow {
  id: string;
  person_id: string;
  case_manager_id: string;
  benefits_officer_id: string | null;
  placement_officer_id: string | null;
  birth_date: string;
  barriers: Array<{ special_category: boolean }>;
  ratings: Array<{ scores: Array<{ area: string }> }>;
  [column: string]: unknown;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}

export interface FloorServer {
  url: string;
  close(): Promise<void>;
}

export interface FloorOptions {
  connectionString: string;
  poolSize: number;
  /**
   * Variants for the what-if runs (--experiments), never for the floor itself: 'none' leaves out the
   * read-log append, 'off' runs the transactions with synchronous_commit = off (the commit does not wait for the WAL flush).
   */
  readLog?: 'chain' | 'none';
  synchronousCommit?: 'on' | 'off';
}

export async function startFloorServer(options: FloorOptions): Promise<FloorServer> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    ...(options.synchronousCommit === 'off' ? { options: '-c synchronous_commit=off' } : {}),
  });
  const appendReads = options.readLog !== 'none';

  async function authenticate(request: IncomingMessage): Promise<Session> {
    const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
    if (!token) throw new HttpError(401, 'unauthenticated');
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const { rows } = await pool.query<Session>(SESSION_SQL, [tokenHash]);
    const session = rows[0];
    if (!session) throw new HttpError(401, 'unauthenticated');
    const now = Date.now();
    if (session.expires_at.getTime() <= now || session.last_seen_at.getTime() + SESSION_IDLE_MS <= now) {
      throw new HttpError(401, 'session expired');
    }
    if (now - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await pool.query(TOUCH_SQL, [new Date(), tokenHash]);
    if (request.method !== 'GET' && request.headers['x-csrf-token'] !== session.csrf_token) throw new HttpError(403, 'csrf');
    return session;
  }

  async function inTenant<T>(tenantId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin', []);
      try {
        await client.query(SET_TENANT_SQL, [tenantId]);
        const result = await work(client);
        await client.query('commit', []);
        return result;
      } catch (error) {
        await client.query('rollback', []);
        throw error;
      }
    } finally {
      client.release();
    }
  }

  async function readPerson(session: Session, id: string) {
    return inTenant(session.tenant_id, async (client) => {
      const { rows } = await client.query(PERSON_SQL, [session.tenant_id, id]);
      if (!rows[0]) throw new HttpError(404, 'not found');
      if (appendReads) await client.query(APPEND_READS_SQL, [session.tenant_id, session.user_id, [id], 'view']);
      return rows[0];
    });
  }

  const caseFile = caseFileStatement();
  const careContacts = await careContactStatements();
  async function readCase(session: Session, id: string) {
    return inTenant(session.tenant_id, async (client) => {
      const statement = caseFile(session.tenant_id, id);
      const { rows } = await client.query<CaseFileRow>(statement.text, statement.values);
      const row = rows[0];
      if (!row) throw new HttpError(404, 'not found');
      const today = todayInGermany();
      if (appendReads) {
        await client.query(APPEND_READS_SQL, [session.tenant_id, session.user_id, [row.person_id], 'case']);
        // Lotse logs a second entry when it shows special-category entries to the responsible case manager.
        const special =
          row.case_manager_id === session.user_id &&
          (row.barriers.some((b) => b.special_category) ||
            row.ratings.some((r) => r.scores.some((s) => (SPECIAL_CATEGORY_LIFE_AREAS as readonly string[]).includes(s.area))));
        if (special) await client.query(APPEND_READS_SQL, [session.tenant_id, session.user_id, [row.person_id], 'special_category']);
      }
      // Then the contacts the case file shows (careContactsOf): the organisation models, and the names of
      // the benefits and placement officer where the model routes to them.
      const models = careContacts.models(session.tenant_id);
      const { rows: modelRows } = await client.query<ModelRow>(models.text, models.values);
      const names = careContacts.displayNames(session.tenant_id, careContactIds(modelRows, row, today));
      if (names) await client.query(names.text, names.values);
      return row;
    });
  }

  async function search(session: Session, body: { query?: unknown; limit?: unknown }) {
    const limit = typeof body.limit === 'number' ? body.limit : 25;
    const statement = searchStatement(session.tenant_id, String(body.query ?? ''), limit);
    return inTenant(session.tenant_id, async (client) => {
      const { rows } = await client.query<SearchRow>(statement.text, statement.values);
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      const nextCursor =
        rows.length > limit && last ? Buffer.from(JSON.stringify([last.search_name, last.id]), 'utf8').toString('base64url') : null;
      if (appendReads && items.length > 0) {
        await client.query(APPEND_READS_SQL, [session.tenant_id, session.user_id, items.map((r) => r.id), 'search']);
      }
      return { items: items.map(({ search_name: _s, ...summary }) => summary), page: { nextCursor } };
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = request.url ?? '/';
    if (request.method === 'GET' && url.startsWith('/api/persons/')) {
      const session = await authenticate(request);
      send(response, 200, await readPerson(session, url.slice('/api/persons/'.length)));
      return;
    }
    if (request.method === 'GET' && url.startsWith('/api/cases/')) {
      const session = await authenticate(request);
      send(response, 200, await readCase(session, url.slice('/api/cases/'.length)));
      return;
    }
    if (request.method === 'POST' && url === '/api/persons/search') {
      const session = await authenticate(request);
      send(response, 200, await search(session, JSON.parse(await readBody(request))));
      return;
    }
    throw new HttpError(404, 'not found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      send(response, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
