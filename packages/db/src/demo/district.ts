import { type Sfc32, seededRng } from './prng';

/**
 * Fictitious districts. Geography depends on the tenant index only (not on the data seed), so a
 * tenant's Jobcenter name, towns and postal codes stay the same whatever data seed is used.
 */

export type DistrictKind = 'Landkreis' | 'Kreis' | 'Stadt';

export interface DemoStreet {
  name: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  maxHouseNumber: number;
}

export interface DemoTown {
  /** Town, or quarter (Stadtteil) in a district-free city. */
  name: string;
  /** Name used in postal addresses; equals the city for quarters. */
  city: string;
  postalCodes: string[];
  latitude: number;
  longitude: number;
  radiusMeters: number;
  /** Relative share of the district's households. */
  weight: number;
  streets: DemoStreet[];
}

export interface DemoBounds {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

export interface DemoDistrict {
  tenantIndex: number;
  /** Display name of the Jobcenter. */
  name: string;
  carrierModel: 'gE' | 'zkT';
  kind: DistrictKind;
  districtName: string;
  towns: DemoTown[];
  /** Every generated coordinate lies inside (town centre ± radius ± household scatter). */
  bounds: DemoBounds;
}

/** How far a household lies from its street's reference point. */
export const HOUSEHOLD_SCATTER_METERS = 60;
/**
 * Longitude degrees are shorter than latitude degrees (cos 50–53° ≈ 0.60–0.64); one fixed factor
 * saves a cosine per household and {@link DemoDistrict.bounds} accounts for it.
 */
export const HOUSEHOLD_SCATTER_LON_FACTOR = 1.7;

const METERS_PER_DEGREE_LAT = 111_320;

interface TownSeed {
  name: string;
  /** 3 = Kreisstadt / large, 2 = small town, 1 = village. */
  size: 1 | 2 | 3;
}

interface DistrictSeed {
  kind: DistrictKind;
  core: string;
  carrierModel: 'gE' | 'zkT';
  postalPrefix: string;
  latitude: number;
  longitude: number;
  towns: TownSeed[];
}

const CURATED: readonly DistrictSeed[] = [
  {
    kind: 'Landkreis',
    core: 'Lotsenbach',
    carrierModel: 'gE',
    postalPrefix: '37',
    latitude: 51.64,
    longitude: 9.42,
    towns: [
      { name: 'Lotsenbach', size: 3 },
      { name: 'Kranichstedt', size: 2 },
      { name: 'Erlenbrück', size: 2 },
      { name: 'Bad Sonnwinkel', size: 2 },
      { name: 'Tannstedt', size: 2 },
      { name: 'Haselfelde', size: 1 },
      { name: 'Finkenrode', size: 1 },
      { name: 'Moorhagen', size: 1 },
      { name: 'Eichenmoor', size: 1 },
      { name: 'Wiesenborn', size: 1 },
    ],
  },
  {
    kind: 'Stadt',
    core: 'Auenfeld',
    carrierModel: 'zkT',
    postalPrefix: '34',
    latitude: 51.18,
    longitude: 9.87,
    towns: [
      { name: 'Altstadt', size: 3 },
      { name: 'Nordstadt', size: 3 },
      { name: 'Südviertel', size: 2 },
      { name: 'Am Auenpark', size: 2 },
      { name: 'Weidenhof', size: 2 },
      { name: 'Bruchhausen', size: 1 },
      { name: 'Neu-Auenfeld', size: 2 },
      { name: 'Gartenstadt', size: 1 },
    ],
  },
  {
    kind: 'Kreis',
    core: 'Hohenmoor',
    carrierModel: 'gE',
    postalPrefix: '49',
    latitude: 52.31,
    longitude: 8.12,
    towns: [
      { name: 'Hohenmoor', size: 3 },
      { name: 'Birkenhude', size: 2 },
      { name: 'Rabensfeld', size: 2 },
      { name: 'Falkenried', size: 1 },
      { name: 'Kalkrode', size: 1 },
      { name: 'Ulmenstedt', size: 2 },
      { name: 'Bruchweiler-Heide', size: 1 },
      { name: 'Torfwinkel', size: 1 },
      { name: 'Lohmühlen', size: 1 },
    ],
  },
];

const NAME_STEMS = [
  'Birken',
  'Eichen',
  'Erlen',
  'Falken',
  'Finken',
  'Grün',
  'Hasel',
  'Kranich',
  'Linden',
  'Mühl',
  'Rosen',
  'Stein',
  'Tannen',
  'Wald',
  'Wiesen',
  'Sonnen',
  'Buchen',
  'Ulmen',
  'Moos',
  'Heide',
  'Kalk',
  'Rot',
  'Weiden',
  'Fichten',
  'Eschen',
  'Raben',
  'Brunnen',
  'Lerchen',
];

const NAME_ENDINGS = [
  'bach',
  'feld',
  'moor',
  'au',
  'berg',
  'dorf',
  'hausen',
  'heim',
  'rode',
  'stedt',
  'tal',
  'burg',
  'hagen',
  'brück',
  'born',
  'wald',
  'stadt',
  'beck',
  'horst',
  'walde',
  'furt',
  'winkel',
  'holz',
  'wedel',
];

const CITY_QUARTERS = [
  'Nordstadt',
  'Südstadt',
  'Weststadt',
  'Oststadt',
  'Neustadt',
  'Bahnhofsviertel',
  'Gartenstadt',
  'Schlossviertel',
  'Musikerviertel',
  'Am Stadtwald',
  'Kirchberg',
  'Mühlenviertel',
  'Auf der Höhe',
];

const POSTAL_PREFIXES = ['31', '32', '33', '34', '35', '36', '37', '38', '29', '49', '57', '59', '97', '98', '99', '06', '07'];

/** Typical street names of small and mid-sized German towns. */
const STREET_NAMES = [
  'Bahnhofstraße',
  'Hauptstraße',
  'Dorfstraße',
  'Schulstraße',
  'Gartenstraße',
  'Kirchstraße',
  'Lindenstraße',
  'Bergstraße',
  'Birkenweg',
  'Lindenweg',
  'Ahornweg',
  'Eichenweg',
  'Buchenweg',
  'Tannenweg',
  'Kastanienallee',
  'Rosenstraße',
  'Tulpenweg',
  'Nelkenweg',
  'Fliederweg',
  'Am Mühlenbach',
  'Mühlenweg',
  'Mühlenstraße',
  'Am Anger',
  'Am Markt',
  'Marktstraße',
  'Goethestraße',
  'Schillerstraße',
  'Lessingstraße',
  'Heinestraße',
  'Uhlandstraße',
  'Eichendorffstraße',
  'Mozartstraße',
  'Beethovenstraße',
  'Bachstraße',
  'Händelstraße',
  'Brahmsweg',
  'Kantstraße',
  'Humboldtstraße',
  'Friedrich-Ebert-Straße',
  'Am Sportplatz',
  'Friedhofstraße',
  'Feldstraße',
  'Wiesenweg',
  'Wiesenstraße',
  'Waldstraße',
  'Am Waldrand',
  'Am Sonnenhang',
  'Sonnenweg',
  'Hohe Straße',
  'Lange Straße',
  'Kurze Straße',
  'Breite Straße',
  'Neue Straße',
  'Alte Dorfstraße',
  'Alter Postweg',
  'Poststraße',
  'Industriestraße',
  'Gewerbestraße',
  'Ringstraße',
  'Parkstraße',
  'Am Park',
  'Schloßstraße',
  'Burgstraße',
  'Am Schloßberg',
  'Talstraße',
  'Am Bach',
  'Brunnenstraße',
  'Teichstraße',
  'Am Teich',
  'Seestraße',
  'Brückenstraße',
  'An der Brücke',
  'Kirchweg',
  'Pfarrgasse',
  'Kirchplatz',
  'Blumenstraße',
  'Schäferweg',
  'Im Winkel',
  'Im Grund',
  'Auf dem Kamp',
  'Heideweg',
  'Moorweg',
  'Birkenallee',
  'Erlenweg',
  'Weidenweg',
  'Ulmenweg',
  'Eschenweg',
  'Holunderweg',
  'Am Eichenhain',
  'Zur Linde',
  'Lerchenweg',
  'Amselweg',
  'Drosselweg',
  'Finkenweg',
  'Meisenweg',
  'Schwalbenweg',
  'Falkenstraße',
  'Rathausstraße',
  'Steinweg',
  'Sandweg',
  'Kiefernweg',
  'Fichtenweg',
  'Am Hang',
  'Mittelstraße',
  'Querstraße',
  'Nordstraße',
  'Südstraße',
  'Wallstraße',
  'Grabenstraße',
  'Torstraße',
  'Gerberstraße',
  'Schmiedestraße',
  'Wilhelmstraße',
  'Luisenstraße',
  'Karlstraße',
  'Friedrichstraße',
  'Kolpingstraße',
  'Robert-Koch-Straße',
  'Albert-Schweitzer-Straße',
  'Geschwister-Scholl-Straße',
  'Käthe-Kollwitz-Straße',
  'Bertha-von-Suttner-Straße',
  'Rudolf-Diesel-Straße',
  'Otto-Hahn-Straße',
  'Max-Planck-Straße',
  'Jahnstraße',
  'Königsberger Straße',
  'Breslauer Straße',
  'Danziger Straße',
  'Stettiner Straße',
  'Große Straße',
  'Grüner Weg',
  'Am Weißen Stein',
  'Fröbelstraße',
  'Pestalozzistraße',
];

const TOWN_SHAPE = {
  3: { radiusMeters: 1500, weight: 30, streets: 70, houseNumbers: 140, postalCodes: 3 },
  2: { radiusMeters: 800, weight: 10, streets: 40, houseNumbers: 80, postalCodes: 1 },
  1: { radiusMeters: 400, weight: 3.5, streets: 18, houseNumbers: 45, postalCodes: 1 },
} as const;

const CURATED_CORES = new Set(CURATED.map((d) => d.core));

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function districtSeed(tenantIndex: number, rng: Sfc32): DistrictSeed {
  const curated = CURATED[tenantIndex];
  if (curated) return curated;
  // Bijective in k over stems × endings, so procedural tenants never share a district name.
  const k = tenantIndex - CURATED.length;
  const stem = k % NAME_STEMS.length;
  const lap = Math.floor(k / NAME_STEMS.length);
  const ending = (lap + stem * 5) % NAME_ENDINGS.length;
  const laps = Math.floor(lap / NAME_ENDINGS.length);
  let core = `${NAME_STEMS[stem]}${NAME_ENDINGS[ending]}`;
  if (laps > 0 || CURATED_CORES.has(core)) core = `${core}-${['Nord', 'Süd', 'West', 'Ost'][laps % 4]}${laps >= 4 ? ` ${laps}` : ''}`;
  const kinds: DistrictKind[] = ['Landkreis', 'Stadt', 'Landkreis', 'Landkreis', 'Kreis'];
  const kind = kinds[tenantIndex % kinds.length] as DistrictKind;
  // About a quarter of German Jobcenters are zkT (104 of ~400).
  const carrierModel = (tenantIndex * 7 + 3) % 4 === 0 ? 'zkT' : 'gE';
  const towns: TownSeed[] = [];
  const count = rng.range(6, 12);
  const used = new Set<string>();
  if (kind === 'Stadt') {
    towns.push({ name: 'Innenstadt', size: 3 });
    const quarters = [...CITY_QUARTERS];
    while (towns.length < count && quarters.length > 0) {
      const [q] = quarters.splice(rng.int(quarters.length), 1);
      towns.push({ name: q as string, size: rng.chance(0.5) ? 2 : 1 });
    }
  } else {
    towns.push({ name: core, size: 3 });
    used.add(core);
    while (towns.length < count) {
      const name = `${rng.pick(NAME_STEMS)}${rng.pick(NAME_ENDINGS)}`;
      if (used.has(name)) continue;
      used.add(name);
      towns.push({ name, size: towns.length <= 3 ? 2 : 1 });
    }
  }
  return {
    kind,
    core,
    carrierModel,
    postalPrefix: POSTAL_PREFIXES[tenantIndex % POSTAL_PREFIXES.length] as string,
    latitude: 50.5 + rng.float() * 2,
    longitude: 7.7 + rng.float() * 3.6,
    towns,
  };
}

function districtNameOf(seed: DistrictSeed): string {
  return `${seed.kind} ${seed.core}`;
}

function jobcenterNameOf(seed: DistrictSeed): string {
  return seed.carrierModel === 'zkT' ? `Kommunales Jobcenter ${districtNameOf(seed)}` : `Jobcenter ${districtNameOf(seed)}`;
}

function assertTenantIndex(tenantIndex: number): void {
  if (!Number.isSafeInteger(tenantIndex) || tenantIndex < 0)
    throw new RangeError(`tenantIndex must be a non-negative integer, got ${tenantIndex}`);
}

/** Name and carrier model of a tenant's fictitious Jobcenter/district for display. */
export function demoTenantInfo(tenantIndex: number): { name: string; carrierModel: 'gE' | 'zkT'; districtName: string } {
  assertTenantIndex(tenantIndex);
  const seed = districtSeed(tenantIndex, seededRng('district', tenantIndex));
  return { name: jobcenterNameOf(seed), carrierModel: seed.carrierModel, districtName: districtNameOf(seed) };
}

/** Adjective used for roads leading to a neighbouring town: Lotsenbach → Lotsenbacher Straße. */
function roadTo(town: string): string | null {
  if (/[\s-]/.test(town)) return null;
  return `${town}${town.endsWith('e') ? 'r' : 'er'} Straße`;
}

/** Full geography of a tenant's district: towns with postal codes, streets and coordinates. */
export function demoDistrict(tenantIndex: number): DemoDistrict {
  assertTenantIndex(tenantIndex);
  const rng = seededRng('district', tenantIndex);
  const seed = districtSeed(tenantIndex, rng);
  const isCity = seed.kind === 'Stadt';
  // A Landkreis spans ~45 × 45 km, a district-free city ~10 × 9 km.
  const spreadLat = isCity ? 0.045 : 0.2;
  const spreadLon = isCity ? 0.065 : 0.3;
  const minDistance = isCity ? 0.012 : 0.05;

  let postal = 100 + rng.int(250);
  const centres: { lat: number; lon: number }[] = [];
  const towns: DemoTown[] = [];
  for (const [i, townSeed] of seed.towns.entries()) {
    const shape = TOWN_SHAPE[townSeed.size];
    let lat = seed.latitude;
    let lon = seed.longitude;
    if (i > 0) {
      // Rejection sampling keeps towns apart; after 60 tries we accept whatever came last.
      for (let attempt = 0; attempt < 60; attempt++) {
        lat = seed.latitude + (rng.float() * 2 - 1) * spreadLat;
        lon = seed.longitude + (rng.float() * 2 - 1) * spreadLon;
        if (centres.every((c) => Math.abs(c.lat - lat) + Math.abs(c.lon - lon) * 0.62 > minDistance)) break;
      }
    }
    lat = round6(lat);
    lon = round6(lon);
    centres.push({ lat, lon });

    const postalCodes: string[] = [];
    const codeCount = isCity ? 1 : shape.postalCodes;
    for (let c = 0; c < codeCount; c++) {
      postalCodes.push(`${seed.postalPrefix}${String(postal).padStart(3, '0')}`);
      postal += c + 1 < codeCount ? 2 : rng.range(3, 9);
    }

    const radiusMeters = isCity ? 700 : shape.radiusMeters;
    const metersPerDegreeLon = METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
    const pool = [...STREET_NAMES];
    for (const other of seed.towns) {
      const road = other !== townSeed && !isCity ? roadTo(other.name) : null;
      if (road) pool.push(road);
    }
    const streets: DemoStreet[] = [];
    const streetCount = Math.min(pool.length, isCity ? 45 : shape.streets);
    for (let s = 0; s < streetCount; s++) {
      const [name] = pool.splice(rng.int(pool.length), 1);
      // Streets cluster around the centre like real settlements; households scatter around their street.
      const sLat = lat + (rng.bell() * radiusMeters) / METERS_PER_DEGREE_LAT;
      const sLon = lon + (rng.bell() * radiusMeters) / metersPerDegreeLon;
      streets.push({
        name: name as string,
        postalCode: postalCodes[s % postalCodes.length] as string,
        latitude: sLat,
        longitude: sLon,
        maxHouseNumber: Math.max(8, Math.round(shape.houseNumbers * (0.3 + rng.float() * 0.7))),
      });
    }
    towns.push({
      name: townSeed.name,
      city: isCity ? seed.core : townSeed.name,
      postalCodes,
      latitude: lat,
      longitude: lon,
      radiusMeters,
      weight: isCity ? TOWN_SHAPE[townSeed.size].weight / 2 + 5 : shape.weight,
      streets,
    });
  }

  const bounds: DemoBounds = { minLatitude: 90, maxLatitude: -90, minLongitude: 180, maxLongitude: -180 };
  for (const town of towns) {
    const marginLat = (town.radiusMeters + HOUSEHOLD_SCATTER_METERS + 1) / METERS_PER_DEGREE_LAT;
    const marginLon =
      (town.radiusMeters + HOUSEHOLD_SCATTER_METERS + 1) / (METERS_PER_DEGREE_LAT * Math.cos((town.latitude * Math.PI) / 180));
    bounds.minLatitude = Math.min(bounds.minLatitude, town.latitude - marginLat);
    bounds.maxLatitude = Math.max(bounds.maxLatitude, town.latitude + marginLat);
    bounds.minLongitude = Math.min(bounds.minLongitude, town.longitude - marginLon);
    bounds.maxLongitude = Math.max(bounds.maxLongitude, town.longitude + marginLon);
  }

  return {
    tenantIndex,
    name: jobcenterNameOf(seed),
    carrierModel: seed.carrierModel,
    kind: seed.kind,
    districtName: districtNameOf(seed),
    towns,
    bounds,
  };
}
