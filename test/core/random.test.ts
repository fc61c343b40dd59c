/** random: xoshiro128** seeded by SplitMix64, against the published C code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom, shuffle } from '../../src/core/index.js';

/**
 * The first eight outputs, printed by the published C code compiled with gcc: next()
 * of https://prng.di.unimi.it/xoshiro128starstar.c, its state filled from two next()
 * calls of https://prng.di.unimi.it/splitmix64.c with x = seed
 * (s[0] = (uint32_t)a, s[1] = a >> 32, s[2] = (uint32_t)b, s[3] = b >> 32).
 */
const C_OUTPUTS: Record<number, number[]> = {
  0: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956],
  1: [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319, 3777694425, 2710820970],
  42: [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222, 2940343271, 2244566231],
  4294967295: [331202089, 2303545133, 2732085799, 1755962312, 20464611, 435992899, 115300070, 2552219694],
};

/** A straight BigInt transcription of the two C files, independent of the module's Math.imul arithmetic. */
function referenceOutputs(seed: number, count: number): number[] {
  const M64 = (1n << 64n) - 1n;
  const M32 = (1n << 32n) - 1n;
  let x = BigInt(seed);
  const splitmix = () => {
    x = (x + 0x9e3779b97f4a7c15n) & M64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
    return z ^ (z >> 31n);
  };
  const a = splitmix();
  const b = splitmix();
  const s = [a & M32, a >> 32n, b & M32, b >> 32n];
  const rotl = (v: bigint, k: bigint) => ((v << k) | (v >> (32n - k))) & M32;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = (rotl((s[1] * 5n) & M32, 7n) * 9n) & M32;
    const t = (s[1] << 9n) & M32;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
    out.push(Number(result));
  }
  return out;
}

test('SplitMix64 from 0 starts with 0xe220a8397b1dcdaf, the published first value', () => {
  // The seeding's arithmetic, as the transcription below writes it, on the well-known value.
  const M64 = (1n << 64n) - 1n;
  let z = 0x9e3779b97f4a7c15n;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  assert.equal(z ^ (z >> 31n), 0xe220a8397b1dcdafn);
});

test('uint32() gives the C reference outputs for seeds 0, 1, 42 and 2^32 - 1', () => {
  for (const [seed, expected] of Object.entries(C_OUTPUTS)) {
    const r = createRandom(Number(seed));
    const got = expected.map(() => r.uint32());
    assert.deepEqual(got, expected, `seed ${seed}`);
    assert.deepEqual(referenceOutputs(Number(seed), 8), expected, `BigInt transcription, seed ${seed}`);
  }
});

test('uint32() matches the BigInt transcription over 10,000 outputs', () => {
  for (const seed of [7, 123456789]) {
    const r = createRandom(seed);
    const ref = referenceOutputs(seed, 10_000);
    for (let i = 0; i < ref.length; i++) {
      if (r.uint32() !== ref[i]) assert.fail(`seed ${seed}: output ${i} differs`);
    }
  }
});

test('seeds are taken modulo 2^32, and non-integer seeds are refused', () => {
  const a = createRandom(-1);
  assert.deepEqual([a.uint32(), a.uint32()], C_OUTPUTS[4294967295].slice(0, 2));
  assert.throws(() => createRandom(1.5), RangeError);
  assert.throws(() => createRandom(NaN), RangeError);
});

test('next() is (a >> 5) * 2^26 + (b >> 6) over 2^53, in [0, 1)', () => {
  const [a, b] = C_OUTPUTS[42];
  const expected = ((a >>> 5) * 2 ** 26 + (b >>> 6)) / 2 ** 53;
  assert.equal(createRandom(42).next(), expected);
  const r = createRandom(3);
  let min = 1;
  let max = 0;
  let sum = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const u = r.next();
    min = Math.min(min, u);
    max = Math.max(max, u);
    sum += u;
  }
  assert.ok(min >= 0 && max < 1);
  // Mean 1/2, standard error sqrt(1/12 / n) ~ 0.0009.
  assert.ok(Math.abs(sum / n - 0.5) < 0.005, `mean ${sum / n}`);
});

test('the same seed gives the same sequence, another seed another one', () => {
  const draw = (seed: number) => {
    const r = createRandom(seed);
    return [r.next(), r.int(10), r.normal(), r.normal(), r.uint32()];
  };
  assert.deepEqual(draw(5), draw(5));
  assert.notDeepEqual(draw(5), draw(6));
});

test('int(n) stays in 0..n-1 and is roughly uniform', () => {
  const r = createRandom(11);
  const counts = new Array<number>(6).fill(0);
  const n = 60_000;
  for (let i = 0; i < n; i++) {
    const k = r.int(6);
    assert.ok(Number.isInteger(k) && k >= 0 && k < 6);
    counts[k]++;
  }
  // Each count ~ 10,000 with standard deviation ~ 91: allow 5 sigma.
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 460, `counts ${counts}`);
  assert.equal(r.int(1), 0);
  assert.throws(() => r.int(0), RangeError);
  assert.throws(() => r.int(2.5), RangeError);
});

test('int(n) is u mod n of the raw output when u is below the rejection limit', () => {
  // For n = 10, limit = 2^32 - (2^32 mod 10) = 4294967290: every seed-0 output is below it.
  const r = createRandom(0);
  assert.deepEqual(
    C_OUTPUTS[0].slice(0, 4).map(() => r.int(10)),
    C_OUTPUTS[0].slice(0, 4).map((u) => u % 10),
  );
});

test('shuffle is a permutation, deterministic for a seed, and moves things', () => {
  const a = Float64Array.from({ length: 50 }, (_, i) => i);
  shuffle(a, createRandom(1));
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.notDeepEqual([...a], Array.from({ length: 50 }, (_, i) => i));
  const b = Float64Array.from({ length: 50 }, (_, i) => i);
  shuffle(b, createRandom(1));
  assert.deepEqual([...a], [...b]);
  const plain = [3, 1, 2];
  shuffle(plain, createRandom(2));
  assert.deepEqual([...plain].sort(), [1, 2, 3]);
});

test('shuffle of three elements gives each of the 6 orders about equally often', () => {
  const r = createRandom(9);
  const counts = new Map<string, number>();
  const n = 12_000;
  for (let i = 0; i < n; i++) {
    const a = [0, 1, 2];
    shuffle(a, r);
    const key = a.join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.equal(counts.size, 6);
  // Each ~2000 with standard deviation ~41.
  for (const [key, c] of counts) assert.ok(Math.abs(c - 2000) < 210, `${key}: ${c}`);
});

test('normal() has mean ~0 and variance ~1, and caches the Box–Muller pair', () => {
  const r = createRandom(2024);
  const n = 100_000;
  let sum = 0;
  let sum2 = 0;
  let within1 = 0;
  for (let i = 0; i < n; i++) {
    const z = r.normal();
    sum += z;
    sum2 += z * z;
    if (Math.abs(z) < 1) within1++;
  }
  const mean = sum / n;
  const variance = sum2 / n - mean * mean;
  assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.03, `variance ${variance}`);
  // P(|Z| < 1) = 0.6827.
  assert.ok(Math.abs(within1 / n - 0.6827) < 0.01, `P(|z|<1) ${within1 / n}`);

  // The pair: two normals use exactly two next() calls (four raw outputs).
  const p = createRandom(8);
  const u1 = 1 - p.next();
  const u2 = p.next();
  const radius = Math.sqrt(-2 * Math.log(u1));
  const q = createRandom(8);
  assert.equal(q.normal(), radius * Math.cos(2 * Math.PI * u2));
  assert.equal(q.normal(), radius * Math.sin(2 * Math.PI * u2));
  assert.equal(q.uint32(), p.uint32());
});
