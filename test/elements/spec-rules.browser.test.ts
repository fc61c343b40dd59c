/**
 * Each element reads its attributes by its contract (src/spec/<tag>.ts), the same one
 * the Hugo shortcodes check and the README documents: for every numeric attribute a
 * value just outside the contract's range, and for every choice a name not in it, gets
 * a note naming the attribute in a real element; the contract's defaults are what the
 * element uses when the attribute is absent.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { LitElement } from 'lit';
import { ELEMENT_SPECS } from '../../src/spec/index.js';
import type { AttributeSpec, ElementSpec, NumberAttribute } from '../../src/spec/types.js';
import { mount } from './helpers.js';

/**
 * `theme` is the one choice a figure takes without a note: a bad value is `auto`, as
 * the page's own theme decides the colours anyway.
 */
const SILENT = new Set(['theme']);

const isNumeric = (a: AttributeSpec): a is NumberAttribute => a.type === 'number' || a.type === 'integer' || a.type === 'list';

/** The closest value below the range (min itself when it is excluded). */
function below(a: NumberAttribute): number {
  if (a.minExclusive) return a.min;
  return a.integer ? a.min - 1 : a.min - Math.max(Math.abs(a.min) * 1e-6, 1e-9);
}

/** The closest value above the range, or null when there is no upper bound. */
function above(a: NumberAttribute): number | null {
  if (!Number.isFinite(a.max)) return null;
  return a.integer ? a.max + 1 : a.max + Math.max(Math.abs(a.max) * 1e-6, 1e-9);
}

/** The attribute's text for one bad number: a list gets one good number and the bad one (two lanes by default). */
function written(a: NumberAttribute, bad: number): string {
  return a.type === 'list' ? `${a.max},${bad}` : String(bad);
}

/** Bad values for every attribute an element reads with a rule from its contract. */
function badValues(spec: ElementSpec, side: 'below' | 'above'): Record<string, string> {
  const values: Record<string, string> = {};
  for (const a of Object.values(spec.attributes)) {
    if (a.only === 'shortcode' || SILENT.has(a.name)) continue;
    if (isNumeric(a)) {
      const v = side === 'below' ? below(a) : above(a);
      if (v !== null) values[a.name] = written(a, v);
    } else if ((a.type === 'choice' || a.type === 'names') && side === 'below') {
      values[a.name] = 'no-such-name';
    }
  }
  return values;
}

describe("every element reads its attributes by its contract's rules", () => {
  for (const spec of ELEMENT_SPECS) {
    for (const side of ['below', 'above'] as const) {
      it(`<${spec.tag}>: each value ${side} the contract's range (and each unknown name) is noted`, async () => {
        const attributes = badValues(spec, side);
        expect(Object.keys(attributes).length).to.be.greaterThan(0);
        const m = await mount<LitElement>(spec.tag, attributes);
        try {
          expect(m.errors).to.deep.equal([]);
          for (const [name, value] of Object.entries(attributes)) {
            expect(
              m.notes.some((n) => n.startsWith(`${name}="`)),
              `${name}="${value}" is noted: ${JSON.stringify(m.notes)}`,
            ).to.equal(true);
          }
        } finally {
          m.remove();
        }
      });
    }

    it(`<${spec.tag}>: the values at the contract's bounds are taken without a note`, async () => {
      const attributes: Record<string, string> = {};
      for (const a of Object.values(spec.attributes)) {
        // Bounds that other attributes narrow in the element (lr on the slider's range,
        // max-lr above min-lr, batch-size within the data) are left out.
        if (!isNumeric(a) || a.type === 'list' || ['lr', 'max-lr', 'batch-size'].includes(a.name)) continue;
        const inside = a.minExclusive ? Math.min(a.max, a.min + 1e-3) : a.min;
        attributes[a.name] = String(inside);
      }
      const m = await mount<LitElement>(spec.tag, attributes);
      try {
        expect(m.errors).to.deep.equal([]);
        expect(m.notes, JSON.stringify(attributes)).to.deep.equal([]);
      } finally {
        m.remove();
      }
    });
  }

  for (const spec of ELEMENT_SPECS) {
    it(`<${spec.tag}>: renders every part its contract lists, and no other`, async () => {
      // Before its first render, a figure is its placeholder alone.
      const waiting = document.createElement(spec.tag);
      document.body.append(waiting);
      const partsOf = (el: Element) => new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((e) => e.getAttribute('part')!.split(/\s+/)));
      expect([...partsOf(waiting)], 'before the first render').to.deep.equal(['placeholder']);
      waiting.remove();
      const m = await mount<LitElement>(spec.tag, { authoring: '' });
      try {
        const rendered = partsOf(m.el);
        expect([...rendered].sort()).to.deep.equal(spec.parts.map((p) => p.name).filter((name) => name !== 'placeholder').sort());
      } finally {
        m.remove();
      }
    });
  }
});
