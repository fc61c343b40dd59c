/**
 * Timing helpers shared by the bench sections.
 *
 * A `Contender` is one way of doing some work; `run()` does one run of it and returns
 * how many units (steps, examples, ...) it did. `measureInterleaved` warms every
 * contender up, then times them in rounds, each contender once per round in a rotating
 * order, so slow drift of a noisy machine (other processes, thermal limits, GC debt)
 * is shared by all of them instead of landing on whoever happened to run last. The
 * reported rate is the median over rounds.
 */

/** Anything a contender computes goes in here, so no run can be optimised away. */
let sinkValue = 0;

/** Keeps a value alive: add a coordinate of every run's result. */
export function consume(value: number): void {
  sinkValue += value;
}

/** The accumulated sink (print it, or fold it into a check, to keep it observable). */
export function sink(): number {
  return sinkValue;
}

/** Milliseconds from a monotonic high-resolution clock. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Contender {
  /** Unique within one measurement. */
  readonly label: string;
  /** One run; returns the number of units of work done (e.g. optimizer steps). */
  run(): number;
}

export interface MeasureOptions {
  /** Timed rounds; every contender runs once per round. */
  rounds: number;
  /** Warm-up time per contender, in ms (spread over interleaved warm-up passes). */
  warmupMs: number;
  /** A timed sample repeats the run until it is at least this long (calibrated in warm-up). */
  minSampleMs: number;
}

export interface Rate {
  label: string;
  /** Median units per second over the rounds. */
  median: number;
  min: number;
  max: number;
  /** Runs per timed sample. */
  repeats: number;
  /** Units per run (from the last run). */
  unitsPerRun: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Warms up, calibrates and times `contenders` in interleaved rounds. */
export function measureInterleaved(contenders: readonly Contender[], options: MeasureOptions): Map<string, Rate> {
  const { rounds, warmupMs, minSampleMs } = options;
  const n = contenders.length;

  // Warm-up, interleaved too: pass after pass over all contenders until each has run warmupMs.
  const spent = new Array<number>(n).fill(0);
  const runs = new Array<number>(n).fill(0);
  const units = new Array<number>(n).fill(0);
  for (let pass = 0; pass < 1000 && spent.some((t) => t < warmupMs); pass++) {
    for (let i = 0; i < n; i++) {
      if (spent[i] >= warmupMs) continue;
      const t0 = now();
      units[i] = contenders[i].run();
      spent[i] += now() - t0;
      runs[i]++;
    }
  }
  // Runs per sample: enough to last minSampleMs at the warm-up's mean rate (cold runs only make it err long).
  const repeats = contenders.map((_, i) => Math.max(1, Math.ceil(minSampleMs / (spent[i] / runs[i]))));

  const rates: number[][] = contenders.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < n; j++) {
      const i = (j + r) % n;
      const c = contenders[i];
      let done = 0;
      const t0 = now();
      for (let k = 0; k < repeats[i]; k++) done += c.run();
      const dt = now() - t0;
      rates[i].push((done / dt) * 1000);
      units[i] = done / repeats[i];
    }
  }

  const out = new Map<string, Rate>();
  contenders.forEach((c, i) => {
    out.set(c.label, {
      label: c.label,
      median: median(rates[i]),
      min: Math.min(...rates[i]),
      max: Math.max(...rates[i]),
      repeats: repeats[i],
      unitsPerRun: units[i],
    });
  });
  return out;
}

/** 12345678 -> "12.3M", 4567 -> "4.57k". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return String(perSecond);
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [scale, suffix] of units) {
    if (perSecond >= scale) return `${(perSecond / scale).toPrecision(3)}${suffix}`;
  }
  return perSecond.toPrecision(3);
}

/** Ratio with 2 significant digits for small values, whole numbers for large ones. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return String(r);
  return r >= 100 ? Math.round(r).toString() : r.toPrecision(2);
}

/** Left-aligned first column, right-aligned others, two spaces between columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** "ok" or "MISSED" for a verdict line. */
export function verdict(met: boolean): string {
  return met ? 'ok' : 'MISSED';
}
