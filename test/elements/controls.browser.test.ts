/**
 * The `controls` and `authoring` attributes, the same way in each of the four widgets:
 * what `controls="full" | "compact" | "none"` shows, that a figure without panels still
 * plays (autoplay, Space on the plot, `reset()` from script), that a bad value falls back
 * to `full` with a note, and that the copy tools show only with `authoring`, as a
 * labelled group, without `authoring` in what they copy.
 */
import { expect } from 'chai';
import '../../src/index.js';
import type { LitElement } from 'lit';
import { accessibilityViolations, cleanup, expectNotedOnce, fixture, frames, mount } from './helpers.js';
import type { Playable } from './helpers.js';

interface Widget {
  tag: string;
  /** Attributes that keep the figure quick to compute. */
  attributes: string;
  /** Has a plot that takes clicks and keys (the trainer's pictures do not). */
  plotInput: boolean;
  /** How far it has gone: updates or epochs. */
  progress(el: Playable): number;
  /** The buttons of controls="compact", in order. */
  compact: string[];
  /**
   * Controls that belong to what the figure teaches, not to its play row or settings, and
   * so stay in every mode (gd-network: the chain rule's parameter menu and the table's
   * example buttons, as its contract says: `none` keeps the chain rule and the table;
   * gd-gradient-flow: the formula's layer menu, `none` keeps the formula).
   */
  teaching?: string;
}

const PLAY_ROW = ['Play', 'Step', 'Reset'];

const WIDGETS: Widget[] = [
  { tag: 'gd-explorer', attributes: 'surface="bowl"', plotInput: true, progress: (el) => (el as unknown as { iteration: number }).iteration, compact: PLAY_ROW },
  { tag: 'gd-lr-slider', attributes: 'expression="x^2" lr="0.1"', plotInput: true, progress: (el) => (el as unknown as { iteration: number }).iteration, compact: PLAY_ROW },
  { tag: 'gd-momentum-race', attributes: 'surface="ravine"', plotInput: true, progress: (el) => (el as unknown as { iteration: number }).iteration, compact: PLAY_ROW },
  { tag: 'gd-batch-trainer', attributes: 'samples="40" epochs="5"', plotInput: false, progress: (el) => (el as unknown as { epoch: number }).epoch, compact: PLAY_ROW },
  {
    tag: 'gd-network',
    attributes: 'samples="40" epochs="5"',
    plotInput: false,
    progress: (el) => (el as unknown as { history: { epoch: number[] } }).history.epoch.at(-1)!,
    compact: ['Play', 'Step', 'Next phase', 'Reset'],
    teaching: '.chain select, [part="gradients"] button',
  },
  {
    tag: 'gd-gradient-flow',
    attributes: 'samples="40" epochs="5" depth="4"',
    plotInput: false,
    // No epoch in its API (it shows gradients, not a history): its run's epoch, read inside.
    progress: (el) => (el as unknown as { lanes: { run: { epoch: number } }[] }).lanes[0].run.epoch,
    compact: PLAY_ROW,
    teaching: '.formula-box select',
  },
];

const root = (el: Element) => el.shadowRoot!;
/** The figure's controls matching `selector`, leaving out those of what it teaches. */
const controlsOf = (w: Widget, el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)].filter((c) => !(w.teaching && c.matches(w.teaching)));
const buttonTexts = (w: Widget, el: Element) => controlsOf(w, el, 'button').map((b) => b.textContent!.trim());
const copyButtons = (el: Element) => [...root(el).querySelectorAll('button')].filter((b) => /^Copy/.test(b.textContent!.trim()));

async function figure(w: Widget, extra = '', width = 900): Promise<Playable> {
  return fixture<Playable>(`<${w.tag} lang="en" ${w.attributes} ${extra}></${w.tag}>`, width);
}

/** Stubs the clipboard and returns what is written to it. */
function clipboard(): { text: string } {
  const seen = { text: '' };
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (seen.text = t) } });
  return seen;
}

for (const w of WIDGETS) {
  describe(`${w.tag} controls and authoring`, () => {
    afterEach(cleanup);

    it('shows no author tools to readers: no copy buttons, no empty group', async () => {
      const el = await figure(w);
      expect(copyButtons(el), 'copy buttons without authoring').to.have.length(0);
      expect(root(el).querySelector('.authoring')).to.equal(null);
      expect(root(el).querySelector('.toolbar .spacer'), 'no gap kept for them').to.equal(null);
    });

    it('with authoring, groups the copy tools under "For authors", and copies without authoring', async () => {
      const el = await figure(w, 'authoring');
      const group = root(el).querySelector('fieldset.authoring')!;
      expect(group, 'the author group').to.exist;
      expect(group.querySelector('legend')!.textContent!.trim()).to.equal('For authors');
      const buttons = copyButtons(el);
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Copy shortcode', 'Copy HTML']);
      expect(buttons.every((b) => group.contains(b)), 'both copy buttons inside the group').to.equal(true);
      expect([...group.querySelectorAll('button')].map((b) => b.textContent!.trim()), 'the tools').to.deep.equal(['Copy shortcode', 'Copy HTML', 'Save image']);
      expect(root(el).querySelector('.toolbar')!.textContent, 'the play row holds no copy tool').not.to.match(/Copy/);
      const copied = clipboard();
      buttons[0].click();
      await frames(1);
      expect(copied.text).to.match(new RegExp(`^\\{\\{< ${w.tag}( [a-z0-9-]+="[^"]*")* >\\}\\}$`));
      expect(copied.text).not.to.match(/authoring/);
      buttons[1].click();
      await frames(1);
      expect(copied.text).to.match(new RegExp(`^<${w.tag}[ >]`));
      expect(copied.text).not.to.match(/authoring/);
      // A refused clipboard shows the text to select, inside the group.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
      buttons[0].click();
      await frames(1);
      await el.updateComplete;
      const fallback = root(el).querySelector<HTMLTextAreaElement>('textarea.copy-text')!;
      expect(fallback, 'the copy fallback').to.exist;
      expect(group.contains(fallback), 'the fallback belongs to the group').to.equal(true);
      expect(fallback.value).to.match(new RegExp(`^\\{\\{< ${w.tag}`));
    });

    it('the author tools follow the attribute when it changes', async () => {
      const el = await figure(w);
      el.setAttribute('authoring', '');
      await el.updateComplete;
      expect(copyButtons(el)).to.have.length(2);
      el.removeAttribute('authoring');
      await el.updateComplete;
      expect(copyButtons(el)).to.have.length(0);
    });

    it('controls="compact" keeps the play row and what teaches, nothing else', async () => {
      const el = await figure(w, 'controls="compact"');
      expect(buttonTexts(w, el)).to.deep.equal(w.compact);
      expect(controlsOf(w, el, 'select, input, textarea'), 'no menu, slider or field').to.have.length(0);
      expect(root(el).querySelector('.settings')).to.equal(null);
      expect(root(el).querySelector('.formula'), 'the formula').to.exist;
      expect(root(el).querySelector('canvas.chart'), 'the chart').to.exist;
      expect(root(el).querySelector('canvas.plot, canvas.data, canvas.curve'), 'the plot').to.exist;
      // The buttons work (the learning-rate figure shows its run whole at first: reset first).
      const [step, reset] = ['Step', 'Reset'].map((text) => controlsOf(w, el, 'button').find((b) => b.textContent!.trim() === text)!);
      reset.click();
      await el.updateComplete;
      step.click();
      await el.updateComplete;
      expect(w.progress(el)).to.equal(1);
      reset.click();
      await el.updateComplete;
      expect(w.progress(el)).to.equal(0);
    });

    it('controls="none" shows no buttons, menus or settings, and still plays and resets', async () => {
      const el = await figure(w, 'controls="none"');
      expect(controlsOf(w, el, 'button, select, input, textarea'), 'no control').to.have.length(0);
      expect(root(el).querySelector('.toolbar')).to.equal(null);
      expect(root(el).querySelector('.settings')).to.equal(null);
      expect(root(el).querySelector('.formula'), 'the formula').to.exist;
      expect(root(el).querySelector('canvas.chart'), 'the chart').to.exist;
      el.reset();
      el.step();
      el.step();
      await el.updateComplete;
      expect(w.progress(el)).to.equal(2);
      el.reset();
      await el.updateComplete;
      expect(w.progress(el), 'reset() from script').to.equal(0);
      if (w.plotInput) {
        const plot = root(el).querySelector<HTMLCanvasElement>('canvas.plot')!;
        expect(plot.tabIndex, 'the plot takes focus').to.equal(0);
        plot.focus();
        plot.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
        await frames(3);
        expect(el.status, 'Space on the plot plays').to.equal('running');
        el.pause();
        // Its hint and name promise nothing that is not there.
        const described = (plot.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const words = [plot.getAttribute('aria-label') ?? '', ...described.map((id) => root(el).getElementById(id)?.textContent ?? '')].join(' ');
        expect(words).not.to.match(/\b(drag|press|button|slider|menu)\b/i);
      }
    });

    it('controls="none" with autoplay plays on its own', async () => {
      let steps = 0;
      const count = () => steps++;
      document.addEventListener('gd-step', count);
      try {
        const el = await figure(w, 'controls="none" autoplay speed="60"');
        expect(controlsOf(w, el, 'button, select, input'), 'no control').to.have.length(0);
        await frames(6);
        expect(steps, 'steps shown while it plays').to.be.greaterThan(0);
      } finally {
        document.removeEventListener('gd-step', count);
      }
    });

    it('controls="compact" and "none" reach a figure that is already showing', async () => {
      const el = await figure(w);
      el.setAttribute('controls', 'none');
      await el.updateComplete;
      expect(controlsOf(w, el, 'button, select, input')).to.have.length(0);
      el.setAttribute('controls', 'compact');
      await el.updateComplete;
      expect(buttonTexts(w, el)).to.deep.equal(w.compact);
      el.removeAttribute('controls');
      await el.updateComplete;
      expect(root(el).querySelector('.settings')).to.exist;
    });

    it('a bad controls value falls back to full with a note and one warning', async () => {
      const m = await mount<Playable>(w.tag, { ...attributesOf(w.attributes), controls: 'mini' });
      try {
        expectNotedOnce(m, 'controls', 'mini', expect);
        expect(m.notes.find((n) => n.startsWith('controls='))).to.match(/full, compact, none/);
        expect(m.el.shadowRoot!.querySelector('.toolbar select'), 'full: the speed menu').to.exist;
        expect(m.el.shadowRoot!.querySelector('.settings'), 'full: the settings').to.exist;
      } finally {
        m.remove();
      }
      // "full" is the default, written or not, in any letter case.
      for (const extra of ['', 'controls="full"', 'controls=" Full "']) {
        const el = await figure(w, extra);
        expect(root(el).querySelector('.notes li'), `${extra}: no note`).to.equal(null);
        expect(root(el).querySelector('.toolbar select'), `${extra}: speed menu`).to.exist;
        expect(root(el).querySelector('.settings'), `${extra}: settings`).to.exist;
        cleanup();
      }
    });

    it('copies controls="compact" with the figure, so a pasted shortcode looks the same', async () => {
      const el = await figure(w, 'controls="compact" authoring');
      const copied = clipboard();
      copyButtons(el)[0].click();
      await frames(1);
      expect(copied.text).to.match(/ controls="compact"/);
      expect(copied.text).not.to.match(/authoring/);
    });

    it('has no accessibility violations in each mode, with and without authoring, light and dark', async () => {
      for (const mode of ['full', 'compact', 'none']) {
        for (const authoring of ['', 'authoring']) {
          for (const theme of ['light', 'dark']) {
            const el = await figure(w, `controls="${mode}" ${authoring} theme="${theme}"`);
            const expected = (mode === 'none' ? 0 : w.compact.length) + (authoring ? 3 : 0);
            if (mode !== 'full') expect(controlsOf(w, el, 'button'), `controls="${mode}" ${authoring}: buttons`).to.have.length(expected);
            expect(copyButtons(el), `${authoring || 'no authoring'}: copy buttons`).to.have.length(authoring ? 2 : 0);
            expect(await accessibilityViolations(el), `controls="${mode}" ${authoring} ${theme}`).to.deep.equal([]);
            cleanup();
          }
        }
      }
    });
  });
}

describe('gd-lr-slider hints without its slider or buttons', () => {
  afterEach(cleanup);

  it('does not ask the reader to drag a slider that is not there', async () => {
    const full = await fixture<LitElement>('<gd-lr-slider lang="en" expression="x^2"></gd-lr-slider>');
    expect(root(full).querySelector('#hint')!.textContent).to.match(/Drag the learning rate/);
    for (const mode of ['compact', 'none']) {
      const el = await fixture<LitElement>(`<gd-lr-slider lang="en" expression="x^2" controls="${mode}"></gd-lr-slider>`);
      const hint = root(el).querySelector('#hint')!.textContent!;
      expect(hint, mode).not.to.match(/drag/i);
      expect(hint, mode).to.match(/Space plays or pauses/);
    }
    const es = await fixture<LitElement>('<gd-lr-slider lang="es" expression="x^2" controls="none"></gd-lr-slider>');
    expect(root(es).querySelector('#hint')!.textContent).to.match(/Espacio/);
  });

  it('compared rates without buttons do not say "press play"', async () => {
    const compact = await fixture<LitElement>('<gd-lr-slider lang="en" compare="0.01,0.1" controls="compact"></gd-lr-slider>');
    expect(root(compact).querySelector('#hint')!.textContent).to.match(/Press play/);
    const none = await fixture<LitElement>('<gd-lr-slider lang="en" compare="0.01,0.1" controls="none"></gd-lr-slider>');
    expect(root(none).querySelector('#hint')!.textContent).not.to.match(/play/i);
  });
});

/** 'a="1" b' as a record, for mount(). */
function attributesOf(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']));
}
