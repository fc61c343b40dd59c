/**
 * Section "expression": the expression compiler's time grows linearly with the text.
 * For each family of texts (long sums, rows of divisions, deep nesting, garbage, a long
 * number, an error after many spaces), compiling 8 times the text must take about 8
 * times as long, not 64 (quadratic) or worse (a backtracking scan). Measured with the
 * limits raised (10,000 characters, 1000 levels), far past what figures accept.
 * Goal: every family's ratio below 30.
 */
import { ExpressionError, compileExpression, type ExpressionOptions } from '../src/core/expression/index.js';
import { formatTable, verdict } from './measure.js';
import type { Section, SectionContext, SectionResult } from './section.js';

const GOAL = 30;
const OPTIONS: ExpressionOptions = { maxLength: 10_000, maxDepth: 1000 };

/** Median of five timings of `reps` compilations of text (errors included), ms. */
function medianTime(text: string, reps: number): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    for (let r = 0; r < reps; r++) {
      try {
        compileExpression(text, OPTIONS);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
      }
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[2];
}

/** A fixed pseudo-random string over the grammar's characters. */
function garbage(length: number, seed: number): string {
  const alphabet = 'xy0123456789+-*/^() episncoqrtabl'; // no '.', which stops the lexer early
  let state = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

const FAMILIES: [string, (n: number) => string][] = [
  ['x+x+...', (n) => 'x+'.repeat(n / 2) + 'x'],
  ['2x*y-sin(x)/3+...', (n) => '2x*y-sin(x)/3+'.repeat(n / 14) + 'x'],
  ['x/x/x/...', (n) => 'x/'.repeat(n / 2) + 'x'],
  ['x*(1/x)*...', (n) => 'x' + '*(1/x)'.repeat(n / 6)],
  ['(((...', (n) => '('.repeat(n)],
  ['---...x', (n) => '-'.repeat(n) + 'x'],
  ['nested (n/8 deep)', (n) => '('.repeat(n / 8) + 'x' + ')'.repeat(n / 8)],
  ['sin(sin(...', (n) => 'sin('.repeat(n / 32) + 'x' + ')'.repeat(n / 32)],
  ['garbage', (n) => garbage(n, 7)],
  ['spaces then an error', (n) => ' '.repeat(n - 1) + '#'],
  ['a long number', (n) => '1'.repeat(n - 3) + 'e-3'],
];

export const expressionSection: Section = {
  id: 'expression',
  title: 'Expression compiler: time for 8000 characters against 1000 (linear: about 8)',
  async run({ log }: SectionContext): Promise<SectionResult> {
    const rows: string[][] = [];
    let worst = 0;
    for (const [name, make] of FAMILIES) {
      const small = make(1000);
      const large = make(8000);
      // Enough repetitions that the small case takes a few milliseconds.
      let reps = 1;
      while (medianTime(small, reps) < 2 && reps < 1 << 16) reps *= 2;
      const ratio = medianTime(large, reps) / medianTime(small, reps);
      worst = Math.max(worst, ratio);
      rows.push([name, `${(medianTime(small, reps) / reps * 1000).toFixed(1)} µs`, ratio.toFixed(1)]);
    }
    for (const line of formatTable(['text', '1000 chars', '8000 / 1000'], rows)) log(line);
    return { verdicts: [`expression: 8 times the text takes at most ${worst.toFixed(1)} times as long (goal < ${GOAL}): ${verdict(worst < GOAL)}`] };
  },
};
