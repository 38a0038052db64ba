import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { configFromEnv, createTenant, createUserDirect, DEFAULT_CONFIG, ensureCaseDefaultsForAllTenants, findTenant } from '@lotse/api';
import { createUserRequest } from '@lotse/contracts';
import { createDatabaseFromEnv, DataDirectoryLockedError, type LotseDatabase } from '@lotse/db';
import { DEFAULT_DEMO_HISTORY_YEARS, MAX_DEMO_HISTORY_YEARS } from '@lotse/db/demo';
import { AppError, CARRIER_MODELS, type CarrierModel } from '@lotse/domain';
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { type DemoLogin, hasTenants, seedDemo } from './demo';
import { ExportError, exportModul13 } from './export';
import { serve } from './server';

const here = dirname(fileURLToPath(import.meta.url));
const WEB_ROOT = resolve(here, '../../web/dist');

function positiveInt(value: string) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('Bitte eine ganze Zahl ≥ 0 angeben.');
  return n;
}

function historyYears(value: string) {
  const n = positiveInt(value);
  if (n > MAX_DEMO_HISTORY_YEARS) throw new InvalidArgumentError(`Höchstens ${MAX_DEMO_HISTORY_YEARS} Jahre.`);
  return n;
}

async function withDatabase<T>(work: (database: LotseDatabase) => Promise<T>, keepOpen = false): Promise<T> {
  const database = await createDatabaseFromEnv();
  try {
    return await work(database);
  } finally {
    if (!keepOpen) await database.close();
  }
}

function printLogins(logins: DemoLogin[]) {
  const byTenant = new Map<string, DemoLogin[]>();
  for (const login of logins) byTenant.set(login.tenant, [...(byTenant.get(login.tenant) ?? []), login]);
  console.log('\nDemo-Zugänge (Passwort für alle: %s):', logins[0]?.password ?? '');
  for (const [tenant, list] of byTenant) {
    console.log(`  ${tenant}`);
    for (const login of list) console.log(`    ${login.username.padEnd(28)} ${login.displayName}`);
  }
}

async function runSeed(database: LotseDatabase, tenants: number, personsPerTenant: number[], seed: string, years: number) {
  const total =
    personsPerTenant.slice(0, tenants).reduce((a, b) => a + b, 0) +
    Math.max(0, tenants - personsPerTenant.length) * (personsPerTenant.at(-1) ?? 0);
  const bar = new SingleBar({
    format: 'Demodaten {bar} {percentage}% | {value}/{total} Personen | {tenant}',
    hideCursor: true,
    clearOnComplete: false,
  });
  let done = 0;
  let base = 0;
  bar.start(total, 0, { tenant: '' });
  const logins = await seedDemo(database, {
    tenants,
    personsPerTenant,
    seed,
    historyYears: years,
    argon2: DEFAULT_CONFIG.argon2,
    onTenant: (name) => {
      base = done;
      bar.update(done, { tenant: name });
    },
    onProgress: (loaded) => {
      done = base + loaded;
      bar.update(done);
    },
  });
  bar.stop();
  return logins;
}

const program = new Command().name('lotse').description('Lotse – Fallmanagement für Jobcenter');

program
  .command('serve')
  .description('Startet Lotse (API und Weboberfläche); ohne DATABASE_URL auf der eingebetteten Datenbank in ./data')
  .option('--host <host>', 'Adresse', process.env.HOST ?? '127.0.0.1')
  .option('--port <port>', 'Port', positiveInt, Number(process.env.PORT ?? 3000))
  .option('--seed-demo', 'Bei leerer Datenbank Demodaten anlegen und die Demo-Zugänge ausgeben')
  .option('--demo-persons <n>', 'Personen im ersten Demo-Jobcenter', positiveInt, 3000)
  .option(
    '--history-years <n>',
    'Jahre Verlauf (abgeschlossene Fälle, Zuweisungen, Kosten) vor dem laufenden Jahr',
    historyYears,
    DEFAULT_DEMO_HISTORY_YEARS,
  )
  .action(async (options: { host: string; port: number; seedDemo?: boolean; demoPersons: number; historyYears: number }) => {
    const database = await createDatabaseFromEnv();
    configFromEnv();
    await ensureCaseDefaultsForAllTenants(database.owner);
    let logins: DemoLogin[] | undefined;
    if (options.seedDemo) {
      if (await hasTenants(database)) {
        const { demoLogins } = await import('./demo');
        logins = demoLogins(2);
      } else {
        logins = await runSeed(database, 2, [options.demoPersons, Math.ceil(options.demoPersons / 5)], 'lotse-demo', options.historyYears);
      }
    }
    await serve({
      database,
      host: options.host,
      port: options.port,
      webRoot: WEB_ROOT,
      onListening: (url) => {
        if (logins) printLogins(logins);
        console.log(
          `\nLotse läuft auf ${url.replace('127.0.0.1', 'localhost')} (Datenbank: ${database.kind === 'pglite' ? 'eingebettet (PGlite)' : 'PostgreSQL'})`,
        );
        console.log(`API-Beschreibung: ${url}/api/docs – Beenden mit Strg+C`);
      },
    });
  });

program
  .command('migrate')
  .description('Bringt das Datenbankschema auf den neuesten Stand')
  .action(() =>
    withDatabase(async (database) => {
      await ensureCaseDefaultsForAllTenants(database.owner);
      console.log(`Schema ist aktuell (${database.kind}).`);
    }),
  );

program
  .command('seed')
  .description('Legt Demo-Jobcenter mit Zugängen und erzeugten Personen an (nur in eine leere Datenbank)')
  .option('--persons <n>', 'Personen je Jobcenter', positiveInt, 1000)
  .option('--tenants <n>', 'Anzahl Jobcenter', positiveInt, 2)
  .option('--seed <text>', 'Startwert des Zufallsgenerators (gleicher Wert → gleiche Daten)', 'lotse-demo')
  .option(
    '--history-years <n>',
    'Jahre Verlauf (abgeschlossene Fälle, Zuweisungen, Kosten) vor dem laufenden Jahr',
    historyYears,
    DEFAULT_DEMO_HISTORY_YEARS,
  )
  .action((options: { persons: number; tenants: number; seed: string; historyYears: number }) =>
    withDatabase(async (database) => {
      if (await hasTenants(database))
        throw new CliError('Die Datenbank enthält bereits Jobcenter; Demodaten werden nur in eine leere Datenbank geladen.');
      const started = Date.now();
      const logins = await runSeed(database, options.tenants, [options.persons], options.seed, options.historyYears);
      console.log(`Fertig in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      printLogins(logins);
    }),
  );

program
  .command('create-tenant')
  .description('Legt ein Jobcenter (Mandant) an')
  .requiredOption('--name <name>', 'Name des Jobcenters')
  .option('--carrier-model <model>', 'gE (gemeinsame Einrichtung) oder zkT (zugelassener kommunaler Träger)', 'gE')
  .action((options: { name: string; carrierModel: string }) =>
    withDatabase(async (database) => {
      if (!CARRIER_MODELS.includes(options.carrierModel as CarrierModel)) throw new CliError('--carrier-model muss gE oder zkT sein.');
      const tenant = await createTenant(database.owner, { name: options.name, carrierModel: options.carrierModel as CarrierModel });
      console.log(`Jobcenter angelegt: ${tenant.name} (${tenant.id})`);
    }),
  );

program
  .command('create-user')
  .description('Legt einen Benutzer an (Passwort aus --password, LOTSE_USER_PASSWORD oder Eingabe)')
  .requiredOption('--tenant <id-or-name>', 'Jobcenter (ID oder Name)')
  .requiredOption('--username <name>', 'Benutzername')
  .requiredOption('--display-name <name>', 'Anzeigename')
  .requiredOption('--roles <roles>', 'Rollen, kommagetrennt, z. B. admin oder case_manager,team_lead')
  .option('--email <email>', 'E-Mail-Adresse')
  .option('--password <password>', 'Passwort (mind. 12 Zeichen)')
  .action((options: { tenant: string; username: string; displayName: string; roles: string; email?: string; password?: string }) =>
    withDatabase(async (database) => {
      let password = options.password ?? process.env.LOTSE_USER_PASSWORD;
      if (!password) {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        password = await rl.question('Passwort (mind. 12 Zeichen): ');
        rl.close();
      }
      const parsed = createUserRequest.safeParse({
        username: options.username,
        displayName: options.displayName,
        email: options.email ?? null,
        roles: options.roles.split(',').map((r) => r.trim()),
        password,
      });
      if (!parsed.success) {
        throw new CliError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      }
      const tenant = await findTenant(database.owner, options.tenant);
      if (!tenant) throw new CliError(`Jobcenter „${options.tenant}“ nicht gefunden.`);
      const user = await createUserDirect(database.owner, tenant.id, parsed.data, configFromEnv().argon2);
      console.log(`Benutzer ${user.username} in ${tenant.name} angelegt.`);
    }),
  );

const exportCommand = program.command('export').description('Erzeugt Statistiklieferungen');

exportCommand
  .command('modul13')
  .description('§ 51b-Lieferung im Aufbau von XSozial Modul 13 „Förderleistungen“ als XML (Probelauf; mit --record als geliefert verbucht)')
  .option('--month <JJJJ-MM>', 'Berichtsmonat (mit den Korrekturen früher gelieferter Monate)')
  .option('--year <JJJJ>', 'alle Monate eines Jahres in einer Datei (ohne Korrekturen, nicht verbuchbar)', positiveInt)
  .option('--tenant <id-or-name>', 'Jobcenter (ID oder Name); entfällt, wenn es nur eines gibt')
  .option('--out <datei>', 'Zieldatei (Standard: Modul13_<Zeitraum>.xml)')
  .option('--record', 'den Monat als geliefert verbuchen (Lieferprotokoll für spätere Korrekturen)')
  .action((options: { month?: string; year?: number; tenant?: string; out?: string; record?: boolean }) =>
    withDatabase(async (database) => {
      await exportModul13(database, options, { stdout: process.stdout, stderr: process.stderr, progress: process.stderr.isTTY === true });
    }),
  );

class CliError extends Error {}

program.parseAsync().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof ExportError || error instanceof DataDirectoryLockedError)
    console.error(`Fehler: ${error.message}`);
  else if (error instanceof AppError) console.error(`Fehler: ${error.code}`);
  else console.error(error);
  process.exit(1);
});
