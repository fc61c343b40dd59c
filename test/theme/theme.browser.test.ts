/**
 * theme="auto" follows what the page shows, on the conventions of real Hugo themes,
 * each reproduced with the attribute and the CSS the theme really uses: Stack,
 * Relearn, PaperMod (which removes `dark` without adding `light`), hugo-book (CSS
 * only), Ananke (no dark mode), Hextra. Each case checks the element's `:state(dark)`,
 * its `--gd-bg` token and its plot canvas, which must be the one an element with that
 * theme set explicitly draws.
 */
import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { GdExplorer } from '../../src/index.js';
import { cleanup, eventOf, fixture, frames } from '../elements/helpers.js';

type Scheme = 'dark' | 'light';
const WIDTH = 320;
const EXPLORER = '<gd-explorer surface="bowl" lang="en"></gd-explorer>';

const plotCanvas = (el: GdExplorer) => el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.plot')!;
const pixels = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;

/** The plot canvas an explorer with `theme` set draws, on a plain page. */
const reference: Partial<Record<Scheme, Uint8ClampedArray>> = {};

/** Mounts `markup` (which holds one explorer somewhere) and resolves with the explorer, rendered. */
async function mountIn(markup: string): Promise<GdExplorer> {
  await fixture(markup, WIDTH);
  const el = document.querySelector<GdExplorer>('gd-explorer')!;
  await el.updateComplete;
  await frames(2);
  return el;
}

/**
 * After a change to the page: the element's update and a frame to draw it. With
 * `scheme`, first up to two seconds of frames for the page-wide watcher to see the page
 * settle in it (its checks follow transitions and style loads, which a loaded machine
 * delays); the assertions that follow say whether it did.
 */
async function settled(el: GdExplorer, scheme?: Scheme): Promise<void> {
  for (let i = 0; scheme && i < 120 && el.matches(':state(dark)') !== (scheme === 'dark'); i++) await frames(1);
  await frames(2);
  await el.updateComplete;
  await frames(1);
}

/** The element shows `scheme`: its custom state, its background token and its canvas. */
function expectScheme(el: GdExplorer, scheme: Scheme, why: string): void {
  expect(el.matches(':state(dark)'), `${why}: :state(dark)`).to.equal(scheme === 'dark');
  expect(getComputedStyle(el).getPropertyValue('--gd-bg').trim(), `${why}: --gd-bg`).to.equal(scheme === 'dark' ? '#14171c' : '#ffffff');
  const drawn = pixels(plotCanvas(el));
  const expected = reference[scheme]!;
  expect(drawn.length, `${why}: canvas size`).to.equal(expected.length);
  let different = 0;
  for (let i = 0; i < drawn.length; i++) if (drawn[i] !== expected[i]) different++;
  expect(different, `${why}: the plot canvas is drawn in ${scheme} colours`).to.equal(0);
}

/**
 * The theme's switch animation, added once the page shows its first state (a page
 * loads with its theme in place; only a later switch animates).
 */
function switchTransition(css: string): void {
  getComputedStyle(document.body).backgroundColor;
  themeStyle(css);
}

/** A theme's stylesheet in the document head, removed by `restorePage`. */
function themeStyle(css: string): void {
  const style = document.createElement('style');
  style.className = 'theme-fixture';
  style.textContent = css;
  document.head.append(style);
}

const saved = { html: [] as Attr[], body: [] as Attr[] };
const attributesOf = (el: Element) => [...el.attributes].map((a) => a.cloneNode() as Attr);
function restoreAttributes(el: Element, attrs: Attr[]): void {
  for (const name of el.getAttributeNames()) el.removeAttribute(name);
  for (const attr of attrs) el.setAttribute(attr.name, attr.value);
}

async function restorePage(): Promise<void> {
  cleanup();
  for (const el of document.querySelectorAll('.theme-fixture, meta[name="color-scheme"]')) el.remove();
  restoreAttributes(document.documentElement, saved.html);
  restoreAttributes(document.body, saved.body);
  await emulateMedia({ colorScheme: 'light' });
}

describe('theme="auto" follows what the page shows', () => {
  before(async () => {
    saved.html = attributesOf(document.documentElement);
    saved.body = attributesOf(document.body);
    await emulateMedia({ colorScheme: 'light' });
    for (const scheme of ['light', 'dark'] as const) {
      const el = await mountIn(`<gd-explorer surface="bowl" lang="en" theme="${scheme}"></gd-explorer>`);
      reference[scheme] = pixels(plotCanvas(el));
      cleanup();
    }
    expect(reference.light).to.not.deep.equal(reference.dark);
  });
  afterEach(restorePage);

  it('Stack: <html data-scheme="dark">, and back to "light" after the background transition', async () => {
    // Stack's variables.scss (`:root { ... &[data-scheme="dark"] { ... } }`), base.scss and the
    // article card; a transition on the switch as themes add.
    themeStyle(`
      :root { --body-background: #f5f5fa; --card-background: #fff; }
      :root[data-scheme="dark"] { --body-background: #303030; --card-background: #424242; }
      body { background: var(--body-background); }
      .main-article { background: var(--card-background); }
    `);
    document.documentElement.dataset.scheme = 'dark';
    switchTransition('body, .main-article { transition: background-color 0.3s ease; }');
    const el = await mountIn(`<article class="main-article">${EXPLORER}</article>`);
    expectScheme(el, 'dark', 'Stack dark on a light system');
    const ended = eventOf(document.querySelector('.main-article')!, 'transitionend');
    document.documentElement.dataset.scheme = 'light';
    await ended;
    await settled(el, 'light');
    expectScheme(el, 'light', 'Stack switched to light');
    const endedAgain = eventOf(document.querySelector('.main-article')!, 'transitionend');
    document.documentElement.dataset.scheme = 'dark';
    await endedAgain;
    await settled(el, 'dark');
    expectScheme(el, 'dark', 'Stack switched back to dark');
  });

  it('Relearn: data-r-theme-variant="relearn-dark" is dark and "zen-light" is light, whatever the system', async () => {
    // theme.css: `html { color-scheme: only var(--INTERNAL-BROWSER-theme) }`, body on --INTERNAL-MAIN-BG-color.
    themeStyle(`
      html { color-scheme: only var(--INTERNAL-BROWSER-theme); }
      :root[data-r-theme-variant="relearn-dark"] { --INTERNAL-BROWSER-theme: dark; --INTERNAL-MAIN-BG-color: rgba(32, 32, 32, 1); }
      :root[data-r-theme-variant="zen-light"] { --INTERNAL-BROWSER-theme: light; --INTERNAL-MAIN-BG-color: rgba(255, 255, 255, 1); }
      body { background-color: var(--INTERNAL-MAIN-BG-color); }
    `);
    document.documentElement.dataset.rThemeVariant = 'relearn-dark';
    const el = await mountIn(`<div id="R-body-inner">${EXPLORER}</div>`);
    expectScheme(el, 'dark', 'relearn-dark on a light system');
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.dataset.rThemeVariant = 'zen-light';
    await settled(el, 'light');
    expectScheme(el, 'light', 'zen-light on a dark system');
  });

  it('PaperMod: body loses "dark" (no "light" added) on a dark system: the page and the figure turn light', async () => {
    // theme-vars.css and reset.css; the switch's script does document.body.classList.remove('dark').
    themeStyle(`
      :root { --theme: rgb(255, 255, 255); }
      .dark { --theme: rgb(29, 30, 32); }
      body { background: var(--theme); }
    `);
    await emulateMedia({ colorScheme: 'dark' });
    document.body.classList.add('dark');
    switchTransition('body { transition: background-color 0.2s; }');
    const el = await mountIn(`<main class="main">${EXPLORER}</main>`);
    expectScheme(el, 'dark', 'PaperMod dark');
    const ended = eventOf(document.body, 'transitionend');
    document.body.classList.remove('dark');
    await ended;
    await settled(el, 'light');
    expectScheme(el, 'light', 'PaperMod light on a dark system');
  });

  it('hugo-book: dark only through CSS, the BookTheme "auto" media query or "dark"', async () => {
    // plugins/_themes.scss: theme-light on :root, theme-dark in @media (prefers-color-scheme: dark).
    themeStyle(`
      :root { --body-background: #ffffff; }
      @media (prefers-color-scheme: dark) { :root { --body-background: #343a40; } }
      body { background: var(--body-background); }
    `);
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mountIn(`<article class="markdown book-article">${EXPLORER}</article>`);
    expectScheme(el, 'dark', 'BookTheme auto on a dark system');
    await emulateMedia({ colorScheme: 'light' });
    await settled(el, 'light');
    expectScheme(el, 'light', 'BookTheme auto on a light system');
    // BookTheme = "dark": the dark variables on :root, whatever the system.
    cleanup();
    themeStyle(':root { --body-background: #343a40; }');
    const darkBook = await mountIn(`<article class="markdown book-article">${EXPLORER}</article>`);
    expectScheme(darkBook, 'dark', 'BookTheme dark on a light system');
  });

  it('Ananke: no dark mode; on a dark system the near-white page keeps the figure light', async () => {
    themeStyle('.bg-near-white { background-color: #f4f4f4; }');
    await emulateMedia({ colorScheme: 'dark' });
    document.body.className = 'ma0 avenir bg-near-white production';
    const el = await mountIn(`<article class="flex-l">${EXPLORER}</article>`);
    expectScheme(el, 'light', 'Ananke on a dark system');
  });

  it('PaperMod body.dark and Hextra <html class="dark" style="color-scheme: dark">, and Hextra light on a dark system', async () => {
    themeStyle(`
      body { background: #fff; }
      body.dark { background: rgb(29, 30, 32); }
      html.dark body { background: #111; }
    `);
    document.body.classList.add('dark');
    const el = await mountIn(`<main>${EXPLORER}</main>`);
    expectScheme(el, 'dark', 'PaperMod body.dark');
    document.body.classList.remove('dark');
    await settled(el, 'light');
    expectScheme(el, 'light', 'PaperMod light');
    // Hextra's switch: classList.add('dark') and style.colorScheme on <html>.
    document.documentElement.classList.add('dark');
    document.documentElement.style.colorScheme = 'dark';
    await settled(el, 'dark');
    expectScheme(el, 'dark', 'Hextra dark');
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.classList.remove('dark');
    document.documentElement.style.colorScheme = 'light';
    await settled(el, 'light');
    expectScheme(el, 'light', 'Hextra light on a dark system');
  });

  it('Tailwind 4 colours (oklch, translucent oklab) are read through the browser', async () => {
    themeStyle('body { background: oklch(0.13 0.028 261.692); } .card { background: oklab(1 0 0 / 0.95); }');
    await mountIn(`<main>${EXPLORER}<div class="card">${EXPLORER}</div></main>`);
    const [dark, light] = document.querySelectorAll<GdExplorer>('gd-explorer');
    light.scrollIntoView(); // below the first: it renders when the reader gets near
    await light.updateComplete;
    expectScheme(dark, 'dark', "Tailwind's gray-950 body");
    expectScheme(light, 'light', 'a 95% white oklab card over it');
  });

  it('a page that paints nothing shows the white canvas on a dark system, unless its color-scheme allows dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await mountIn(EXPLORER);
    expectScheme(el, 'light', 'no background, no color-scheme, dark system');
    cleanup();
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'light dark';
    document.head.append(meta);
    const allowed = await mountIn(EXPLORER);
    expectScheme(allowed, 'dark', '<meta name="color-scheme" content="light dark"> on a dark system');
    await emulateMedia({ colorScheme: 'light' });
    await settled(allowed);
    expectScheme(allowed, 'light', 'the same page on a light system');
  });

  it('finds the background behind shadow roots and blends a translucent one over what is behind', async () => {
    if (!customElements.get('x-card')) {
      customElements.define(
        'x-card',
        class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<div class="inner"><slot></slot></div>';
          }
        },
      );
    }
    /** An explorer in an x-card's shadow root, under `inner` (a div in the shadow root) in a dark section. */
    const mountInCard = async (inner: string): Promise<GdExplorer> => {
      await fixture('<section style="background: #222"><x-card></x-card></section>', WIDTH);
      const card = document.querySelector('x-card')!;
      card.shadowRoot!.querySelector('.inner')!.setAttribute('style', inner);
      card.shadowRoot!.querySelector('.inner')!.innerHTML = EXPLORER;
      const explorer = card.shadowRoot!.querySelector<GdExplorer>('gd-explorer')!;
      await explorer.updateComplete;
      await frames(2);
      return explorer;
    };
    expectScheme(await mountInCard(''), 'dark', 'dark section outside the shadow root');
    cleanup();
    // A white veil at 90% over the dark section reads light (at 10% it would stay dark: scheme.test.ts).
    expectScheme(await mountInCard('background: rgba(255, 255, 255, 0.9)'), 'light', '90% white over dark');
  });

  it('theme="light" and theme="dark" win over the page', async () => {
    themeStyle(':root[data-scheme="dark"] body { background: #303030; }');
    document.documentElement.dataset.scheme = 'dark';
    const el = await mountIn('<gd-explorer surface="bowl" lang="en" theme="light"></gd-explorer>');
    expectScheme(el, 'light', 'theme="light" on a dark page');
    el.theme = 'dark';
    document.documentElement.dataset.scheme = 'light';
    await settled(el, 'dark');
    expectScheme(el, 'dark', 'theme="dark" on a light page');
    el.theme = 'auto';
    await settled(el, 'light');
    expectScheme(el, 'light', 'back to auto on a light page');
  });
});
