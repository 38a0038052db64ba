import { createHash } from 'node:crypto';

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG): 128 bits of state, only 32-bit integer ops,
 * so V8 keeps everything in registers and we get far more than the ~10 numbers per person we need.
 * Math.random cannot be seeded and would break byte-identical reruns.
 */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs still correlate with the seed words; discard them.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). The modulo bias of a 32-bit source is irrelevant for n of a few thousand. */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max], both inclusive. */
  range(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Roughly bell-shaped in [-1, 1] (Irwin–Hall of three); bounded, so scattered points never leave their box. */
  bell(): number {
    return (this.float() + this.float() + this.float() - 1.5) / 1.5;
  }
}

/**
 * Seeds via SHA-256 so that similar seeds ('demo1', 'demo2') give unrelated streams and every
 * purpose (ids, data, district) gets an independent stream from the same user seed.
 */
export function seededRng(...parts: (string | number)[]): Sfc32 {
  const digest = createHash('sha256')
    .update(`lotse-demo\u0000${parts.join('\u0000')}`)
    .digest();
  return new Sfc32(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12));
}

/** Cumulative weights for {@link pickWeighted}; built once per table, not per draw. */
export function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const out = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += (weights[i] as number) / total;
    out[i] = acc;
  }
  out[weights.length - 1] = 1;
  return out;
}

/** Index drawn with the probabilities behind `cum`; linear scan because our tables have at most a dozen entries. */
export function pickWeighted(rng: Sfc32, cum: Float64Array): number {
  const r = rng.float();
  for (let i = 0; i < cum.length; i++) if (r < (cum[i] as number)) return i;
  return cum.length - 1;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** RFC 9562 version-4 layout (version nibble 4, variant 10) filled from the PRNG instead of a CSPRNG. */
export function uuidV4(rng: Sfc32): string {
  const a = rng.nextU32();
  const b = rng.nextU32();
  const c = rng.nextU32();
  const d = rng.nextU32();
  const versioned = ((b >>> 8) & 0x0f) | 0x40;
  const variant = ((c >>> 24) & 0x3f) | 0x80;
  return (
    `${HEX[a >>> 24]}${HEX[(a >>> 16) & 255]}${HEX[(a >>> 8) & 255]}${HEX[a & 255]}-` +
    `${HEX[b >>> 24]}${HEX[(b >>> 16) & 255]}-` +
    `${HEX[versioned]}${HEX[b & 255]}-` +
    `${HEX[variant]}${HEX[(c >>> 16) & 255]}-` +
    `${HEX[(c >>> 8) & 255]}${HEX[c & 255]}${HEX[d >>> 24]}${HEX[(d >>> 16) & 255]}${HEX[(d >>> 8) & 255]}${HEX[d & 255]}`
  );
}
