/**
 * Bad input that used to freeze a page or blank a figure, in each of the widgets:
 * attribute values of 100,000 characters, expressions nested or chained far beyond a
 * real formula, invisible characters, domains too narrow to draw and near-constant
 * functions. Each must render within the test's normal timeout with a note (where the
 * value is refused), a picture that is not blank, and no uncaught error.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { LitElement } from 'lit';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../../src/core/expression/index.js';
import { MAX_QUOTED_LENGTH } from '../../src/shared/attributes.js';
import { distinctColours, frames, mount, type Mounted } from './helpers.js';

const LONG = 100_000;
const powers150 = Array(151).fill('x').join('^');
const sqrt199 = 'sqrt('.repeat(199) + 'x' + ')'.repeat(199);
const divisions300 = Array(301).fill('x').join('/');
const divisions999 = Array(1000).fill('x').join('/');
const longDigits = '1'.repeat(LONG) + 'x';

interface Case {
  attributes: Record<string, string>;
  /** The note expected, or null when the value is fine and only the picture is checked. */
  note: RegExp | null;
}

/** Mounts the widget with the attributes, and checks note, picture, words and errors. */
async function expectSafe(tag: string, c: Case, minColours: number, picture = 'canvas.plot'): Promise<Mounted<LitElement>> {
  const what = `<${tag}> ${Object.entries(c.attributes).map(([k, v]) => `${k}="${v.slice(0, 30)}${v.length > 30 ? '…' : ''}"`).join(' ')}`;
  const m = await mount<LitElement>(tag, c.attributes);
  await frames(3);
  expect(m.errors, what).to.deep.equal([]);
  if (c.note) {
    expect(m.notes.some((n) => c.note!.test(n)), `${what}: notes ${JSON.stringify(m.notes)}`).to.equal(true);
  } else {
    expect(m.notes, what).to.deep.equal([]);
  }
  for (const n of m.notes) expect(n.length, `${what}: a note of ${n.length} characters`).to.be.below(400);
  for (const w of m.warnings) expect(w.length, `${what}: a warning of ${w.length} characters`).to.be.below(400);
  const root = m.el.shadowRoot!;
  const pre = root.querySelector('.expression-error');
  if (pre) for (const line of pre.textContent!.split('\n')) expect(line.length, `${what}: the caret's line`).to.be.below(80);
  const canvas = root.querySelector<HTMLCanvasElement>(picture)!;
  expect(distinctColours(canvas), `${what}: the plot is drawn`).to.be.greaterThan(minColours);
  const shown = ['.title', '.readouts', '.formula', 'table', '.regime'].map((sel) => root.querySelector(sel)?.textContent ?? '').join(' ');
  expect(shown, what).not.to.match(/NaN|undefined/);
  return m;
}

const tooDeep = new RegExp(`The expression cannot be read: the expression is nested too deeply at \\d+ \\(at most ${MAX_EXPRESSION_DEPTH} levels`);
const tooLong = new RegExp(`The expression cannot be read: the expression is too long \\(${LONG} characters, at most ${MAX_EXPRESSION_LENGTH}\\)`);
const cutShort = (name: string) => new RegExp(`^${name}="1{${MAX_QUOTED_LENGTH}}\u2026"`);
const tooNarrow = /^domain="1e15,1000000000000000\.5.*" is too narrow next to its values to draw/;

describe('bad input in every widget: a note, a picture, no frozen page, no uncaught error', () => {
  it('gd-explorer', async () => {
    const cases: Case[] = [
      { attributes: { expression: powers150 }, note: tooDeep },
      { attributes: { expression: sqrt199 }, note: /too long|nested too deeply/ },
      { attributes: { expression: divisions300 }, note: /too long|nested too deeply/ },
      { attributes: { expression: divisions999 }, note: /too long|nested too deeply/ },
      { attributes: { expression: 'x+'.repeat(LONG / 2) }, note: tooLong },
      { attributes: { expression: 'x\u200b + y^2' }, note: /invisible character U\+200B at 1/ },
      { attributes: { expression: 'x^2 + \u202ey^2' }, note: /invisible character U\+202E at 6/ },
      { attributes: { expression: 'x^2 + y^2', domain: '1e15,1000000000000000.5,-1,1' }, note: tooNarrow },
      { attributes: { lr: longDigits }, note: cutShort('lr') },
      { attributes: { start: longDigits }, note: cutShort('start') },
      { attributes: { surface: longDigits }, note: cutShort('surface') },
      { attributes: { expression: '1 + 1e-16*x*y' }, note: null },
    ];
    for (const c of cases) (await expectSafe('gd-explorer', c, 200)).remove();
  });

  it('gd-lr-slider', async () => {
    const cases: Case[] = [
      { attributes: { expression: '1 + 1e-16*x' }, note: null },
      { attributes: { expression: '1e15 + 1e-3*x^2' }, note: null },
      { attributes: { expression: powers150 }, note: tooDeep },
      { attributes: { expression: divisions999 }, note: /too long|nested too deeply/ },
      { attributes: { expression: 'x^2', domain: '1e15,1000000000000000.5' }, note: tooNarrow },
      { attributes: { expression: 'x^2 + y^2', domain: '1e15,1000000000000000.5,-1,1' }, note: tooNarrow },
      { attributes: { expression: 'x\u200b^2' }, note: /invisible character U\+200B at 1/ },
      { attributes: { compare: longDigits }, note: cutShort('compare') },
      { attributes: { lr: longDigits }, note: cutShort('lr') },
    ];
    for (const c of cases) (await expectSafe('gd-lr-slider', c, 20)).remove();
  });

  it('gd-momentum-race', async () => {
    const cases: Case[] = [
      { attributes: { expression: sqrt199 }, note: /too long|nested too deeply/ },
      { attributes: { expression: powers150 }, note: tooDeep },
      { attributes: { expression: 'x^2 + 10y^2', domain: '1e15,1000000000000000.5,-1,1' }, note: tooNarrow },
      { attributes: { expression: 'x^2\u2066 + y^2' }, note: /invisible character U\+2066 at 3/ },
      { attributes: { optimizers: 'gd,'.repeat(LONG / 3) }, note: null },
      { attributes: { lrs: longDigits }, note: /^lrs="1{40}\u2026"/ },
      { attributes: { optimizers: longDigits }, note: cutShort('optimizers') },
    ];
    for (const c of cases) (await expectSafe('gd-momentum-race', c, 200)).remove();
  });

  it('gd-batch-trainer', async () => {
    const cases: Case[] = [
      { attributes: { lr: longDigits }, note: cutShort('lr') },
      { attributes: { 'batch-size': longDigits }, note: cutShort('batch-size') },
      { attributes: { modes: longDigits }, note: cutShort('modes') },
      { attributes: { dataset: longDigits }, note: cutShort('dataset') },
    ];
    for (const c of cases) (await expectSafe('gd-batch-trainer', c, 50)).remove();
  });

  it('gd-network', async () => {
    const cases: Case[] = [
      { attributes: { layers: longDigits }, note: cutShort('layers') },
      { attributes: { layers: '8,'.repeat(LONG / 2) }, note: /^layers="(8,)+…"/ },
      { attributes: { layers: '8,8,8,8,8,8' }, note: null },
      { attributes: { lr: longDigits }, note: cutShort('lr') },
      { attributes: { 'batch-size': longDigits }, note: cutShort('batch-size') },
      { attributes: { dataset: longDigits }, note: cutShort('dataset') },
      { attributes: { samples: '2000', 'batch-size': '2000' }, note: null },
    ];
    for (const c of cases) (await expectSafe('gd-network', c, 50, 'canvas.data')).remove();
  });

  it('gd-gradient-flow', async function () {
    this.timeout(60000);
    const cases: Case[] = [
      { attributes: { depth: longDigits }, note: cutShort('depth') },
      { attributes: { width: longDigits }, note: cutShort('width') },
      { attributes: { 'init-scale': longDigits }, note: cutShort('init-scale') },
      { attributes: { clip: longDigits }, note: cutShort('clip') },
      { attributes: { activation: longDigits }, note: cutShort('activation') },
      { attributes: { init: longDigits }, note: cutShort('init') },
      // The largest network on the largest batch, and the largest weights it allows: the
      // gradients of 20 ReLU layers of 16 at init-scale 10 are huge, but numbers.
      { attributes: { depth: '20', width: '16', samples: '2000', 'batch-size': '2000' }, note: null },
      { attributes: { depth: '20', width: '16', activation: 'relu', init: 'normal', 'init-scale': '10', clip: '1e-6' }, note: null },
      { attributes: { depth: '1', width: '2', samples: '4', 'batch-size': '1' }, note: null },
    ];
    for (const c of cases) {
      const m = await expectSafe('gd-gradient-flow', c, 5, 'canvas.activation');
      expect(m.el.shadowRoot!.textContent, JSON.stringify(c.attributes).slice(0, 80)).not.to.match(/NaN|undefined|Infinity/);
      m.remove();
    }
  });
});
