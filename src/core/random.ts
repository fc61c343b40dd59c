/**
 * A small seeded pseudo-random number generator, so that "seed 42" means the same data
 * and the same shuffles in every browser, in Node and in the tests.
 *
 * Generator: xoshiro128** 1.1 by David Blackman and Sebastiano Vigna (2018), public
 * domain, https://prng.di.unimi.it/xoshiro128starstar.c ("Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021). State: four 32-bit words
 * s0..s3, never all zero. One step, all arithmetic modulo 2^32:
 *
 *   result = rotl(s1 * 5, 7) * 9
 *   t  = s1 << 9
 *   s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 11)
 *
 * Seeding, as the authors recommend for their generators: a SplitMix64 generator
 * (https://prng.di.unimi.it/splitmix64.c) started at the seed fills the state. Its
 * first output a gives s0 = low 32 bits of a, s1 = high 32 bits; its second output b
 * gives s2 and s3 the same way. SplitMix64 is a bijection of its counter, so a and b
 * are never both zero and the state is never all zero.
 *
 *   z = (state += 0x9e3779b97f4a7c15)
 *   z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
 *   z = (z ^ (z >> 27)) * 0x94d049bb133111eb
 *   output z ^ (z >> 31)                          (all modulo 2^64)
 *
 * Seeds are 32-bit: an integer seed is taken modulo 2^32 (-1 and 4294967295 are the same).
 */

/** A stream of pseudo-random numbers. */
export interface Random {
  /** Uniform in [0, 1), with 53 random bits (two 32-bit outputs). */
  next(): number;
  /** Uniform over the integers 0..n-1 (exactly, by rejection), for a whole number 1 <= n <= 2^32. */
  int(n: number): number;
  /** Standard normal N(0, 1), by Box–Muller; the second value of each pair is cached for the next call. */
  normal(): number;
  /** The generator's next raw 32-bit output, as an unsigned integer. */
  uint32(): number;
}

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const TWO_26 = 67108864;
const MASK_64 = (1n << 64n) - 1n;

/** SplitMix64's two first outputs from `seed`, as four 32-bit words [lo(a), hi(a), lo(b), hi(b)]. */
function splitMix64Words(seed: number): [number, number, number, number] {
  let state = BigInt(seed >>> 0);
  const words: number[] = [];
  for (let k = 0; k < 2; k++) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    z ^= z >> 31n;
    words.push(Number(z & 0xffffffffn), Number(z >> 32n));
  }
  return words as [number, number, number, number];
}

class Xoshiro128StarStar implements Random {
  // Held as signed 32-bit integers (what `|0`, `^` and `Math.imul` give); read with >>> 0.
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box–Muller's second value, waiting for the next normal() call. */
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number) {
    const [a, b, c, d] = splitMix64Words(seed);
    this.s0 = a | 0;
    this.s1 = b | 0;
    this.s2 = c | 0;
    this.s3 = d | 0;
  }

  uint32(): number {
    const s1 = this.s1;
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  next(): number {
    // (a >> 5) * 2^26 + (b >> 6) is a uniform 53-bit integer (a and b 32-bit outputs);
    // dividing by 2^53 gives a double in [0, 1) with every 2^-53 step possible.
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * TWO_26 + b) / TWO_53;
  }

  int(n: number): number {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_32)) {
      throw new RangeError(`int(n) needs a whole number 1 <= n <= 2^32, got ${n}`);
    }
    // Rejection: accept u < limit, the largest multiple of n that fits in 2^32, so every
    // residue u mod n is equally likely. At most half the draws are rejected (n = 2^31 + 1).
    const limit = TWO_32 - (TWO_32 % n);
    let u = this.uint32();
    while (u >= limit) u = this.uint32();
    return u % n;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // Box–Muller: for independent u1 in (0, 1] and u2 in [0, 1),
    //   r = sqrt(-2 ln u1),  z0 = r cos(2 pi u2),  z1 = r sin(2 pi u2)
    // are two independent standard normals. u1 = 1 - next() keeps ln away from 0.
    const u1 = 1 - this.next();
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }
}

/**
 * A new generator seeded with `seed` (an integer, taken modulo 2^32). The same seed
 * gives the same sequence everywhere. Throws a RangeError on a non-integer seed.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  return new Xoshiro128StarStar(seed);
}

/**
 * Shuffles `array` in place, every order equally likely (Fisher–Yates, Knuth's
 * Algorithm P): for i = n-1 down to 1, swap a[i] with a[j], j uniform in 0..i.
 */
export function shuffle(array: { length: number; [i: number]: number }, random: Random): void {
  for (let i = array.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
}
