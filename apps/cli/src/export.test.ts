import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createTenant, createUserDirect } from '@lotse/api';
import { createTestDatabase, type TestDatabase, withTenant } from '@lotse/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Modul13Fixture, validateWithXmllint } from '../../api/src/features/statistics/testing';
import { ExportError, exportModul13 } from './export';

const NOW = new Date('2026-11-21T10:00:00Z');

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  stderr.resume();
  return { io: { stdout, stderr, now: () => NOW, progress: false }, text: () => text };
}

describe.each(['pglite', 'postgres'] as const)('lotse export modul13 (in-process) on %s', (kind) => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'lotse-cli-export-'));
  const tenantName = `Jobcenter Export ${randomUUID().slice(0, 6)}`;
  const ids = {} as Record<'started' | 'ended' | 'bad', string>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const tenant = await createTenant(database.owner, { name: tenantName, carrierModel: 'zkT' });
    const user = await createUserDirect(
      database.owner,
      tenant.id,
      { username: `tl.${randomUUID().slice(0, 6)}`, displayName: 'Teamleitung', password: 'ein-langes-Passwort', roles: ['team_lead'] },
      { memoryCost: 1024, timeCost: 1 },
    );
    const providerId = randomUUID();
    await withTenant(database.owner, tenant.id, (trx) =>
      trx.insertInto('providers').values({ tenantId: tenant.id, id: providerId, name: 'Träger', city: 'Lotsenbach' }).execute(),
    );
    const f = new Modul13Fixture(database.owner, tenant.id, user.id, providerId);
    const debt = await f.offer({ serviceType: 'debt_counselling', plannedDurationDays: 90 });
    ids.started = await f.referral({ personId: (await f.person()).id, offerId: debt, status: 'started', startedOn: '2026-10-05' });
    await f.charge(ids.started, debt, '2026-10', 8_000);
    ids.ended = await f.referral({
      personId: (await f.person()).id,
      offerId: debt,
      status: 'completed',
      startedOn: '2026-09-10',
      endedOn: '2026-10-20',
    });
    ids.bad = await f.referral({
      personId: (await f.person({ customerNumber: 'X-1' })).id,
      offerId: debt,
      status: 'started',
      startedOn: '2026-10-20',
    });
  });
  afterAll(async () => database?.close());

  it('writes and records a month, prints the summary, and the file validates against the XSD', async () => {
    const out = join(dir, `oktober-${kind}.xml`);
    const run = io();
    // The database has one Jobcenter: --tenant may be omitted.
    const summary = await exportModul13(database, { month: '2026-10', out, record: true }, run.io);
    const file = readFileSync(out, 'utf8');
    expect(summary).toMatchObject({ file: out, records: 2, corrections: 0, rejected: 1 });
    expect(summary.sha256).toBe(createHash('sha256').update(file, 'utf8').digest('hex'));
    expect(summary.deliveryId).toMatch(/^[0-9a-f-]{36}$/);
    expect(file).toContain(`<TraegerName>${tenantName}</TraegerName>`);
    expect(file).toContain(`<Schluessel>${ids.started}</Schluessel>`);
    expect(file).toContain('<GeplantesEnde>2027-01-03</GeplantesEnde>');
    expect(file).toContain('<Teilnahmekosten Art="Einzelfall" Einheit="Cent">8000</Teilnahmekosten>');
    expect(file).toContain('<TatsaechlichesEnde>2026-10-20</TatsaechlichesEnde>');
    expect(file).not.toContain(ids.bad);
    expect(file).toContain('<AnzahlSaetze>2</AnzahlSaetze>');
    expect(run.text()).toContain('Sätze:        2 (davon Korrekturen: 0, Stornos: 0)');
    expect(run.text()).toContain('davon Leistungsminderungen (Modul 8): 0 (Korrekturen: 0, Stornos: 0, abgewiesen: 0)');
    expect(run.text()).toContain(`${ids.bad} (2026-10): Die Kundennummer hat nicht das Format 123D456789.`);
    expect(run.text()).toContain(`SHA-256:      ${summary.sha256}`);
    expect(run.text()).toMatch(/max\. Speicher \(RSS\): \d+ MB/);
    const validated = validateWithXmllint(file, `cli-${kind}.xml`);
    expect(validated.ok, validated.output).toBe(true);

    const deliveries = await withTenant(
      database.owner,
      (await database.owner.selectFrom('tenants').select('id').executeTakeFirstOrThrow()).id,
      (trx) => trx.selectFrom('statisticsDeliveries').select(['id', 'month', 'recordCount', 'rejectedCount', 'fileSha256']).execute(),
    );
    expect(deliveries).toEqual([
      { id: summary.deliveryId, month: '2026-10-01', recordCount: 2, rejectedCount: 1, fileSha256: summary.sha256 },
    ]);
  });

  it('writes a year file with every month’s records, as a dry run', async () => {
    const out = join(dir, `jahr-${kind}.xml`);
    const summary = await exportModul13(database, { year: 2026, tenant: tenantName, out }, io().io);
    const file = readFileSync(out, 'utf8');
    // September: the completed referral's begin; October: the other's begin and the completed one's end.
    expect(summary).toMatchObject({ records: 3, rejected: 1, deliveryId: null });
    expect(file).toContain('<Berichtszeitraum>2026</Berichtszeitraum>\n    <Art>Jahr</Art>');
    const months = [...file.matchAll(/<Berichtsmonat>(\d{4}-\d{2})<\/Berichtsmonat>/g)].map((m) => m[1]).sort();
    expect(months).toEqual(['2026-09', '2026-10', '2026-10']);
    const validated = validateWithXmllint(file, `cli-year-${kind}.xml`);
    expect(validated.ok, validated.output).toBe(true);
  });

  it('refuses wrong options with a readable message and leaves no partial file', async () => {
    const out = join(dir, `fehler-${kind}.xml`);
    await expect(exportModul13(database, { year: 2026, record: true, out }, io().io)).rejects.toThrow(ExportError);
    await expect(exportModul13(database, { month: '2026-12', out }, io().io)).rejects.toThrow('2026-12 liegt in der Zukunft.');
    await expect(exportModul13(database, { month: '10/2026', out }, io().io)).rejects.toThrow('kein Monat im Format JJJJ-MM');
    await expect(exportModul13(database, { month: '2026-10', tenant: 'Nirgendwo', out }, io().io)).rejects.toThrow(
      '„Nirgendwo“ nicht gefunden',
    );
    await expect(exportModul13(database, { out }, io().io)).rejects.toThrow('genau eine der Angaben');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
