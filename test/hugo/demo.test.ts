/**
 * End to end: hugo-demo built under a sub-path (/blog/), served with a strict
 * Content-Security-Policy (default-src 'self'), loaded in Chromium. Every widget
 * (<gd-explorer>, <gd-lr-slider>, <gd-momentum-race>, <gd-batch-trainer>, <gd-network>,
 * <gd-gradient-flow>) upgrades and works, in English and Spanish, with no console errors, failed requests or CSP
 * violations, and with KaTeX's fonts loaded; the numbers the posts quote are the ones
 * the figures show.
 *
 *   node --import tsx --test test/hugo/*.test.ts
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { copyDemo, demoDir, hugoBuild, launchChromium, removeTemp, tempDir } from './helpers.js';
import { startStaticServer, type StaticServer } from './static-server.js';
import {
  DEFAULT_NETWORK_OPTIONS,
  Trainer,
  createNetworkModel,
  featuresOf,
  flowVerdict,
  layerErrorNorms,
  layerGradientNorms,
  layerWeightChanges,
  makeDataset,
  weightIndex,
  type Activation,
  type InitName,
  type NetworkDatasetName,
} from '../../src/core/index.js';
import { traceBatch } from '../../src/components/gd-network/trace.js';

const POSTS = {
  en: 'posts/gradient-descent-explorer/',
  es: 'es/posts/descenso-del-gradiente-explorador/',
};
const LR_POSTS = {
  en: 'posts/learning-rate/',
  es: 'es/posts/tasa-de-aprendizaje/',
};
const MOMENTUM_POSTS = { en: 'posts/momentum/', es: 'es/posts/momento-y-nesterov/' };
const BATCH_POSTS = { en: 'posts/batch-stochastic-minibatch/', es: 'es/posts/lote-estocastico-mini-lote/' };
const OVERVIEW_POSTS = { en: 'posts/gradient-descent-in-four-figures/', es: 'es/posts/descenso-del-gradiente-en-cuatro-figuras/' };
const NETWORK_POSTS = { en: 'posts/how-a-network-learns/', es: 'es/posts/como-aprende-una-red/' };
const FLOW_POSTS = { en: 'posts/vanishing-and-exploding-gradients/', es: 'es/posts/gradientes-que-se-desvanecen-o-explotan/' };
const OTHER_PAGES = ['', 'posts/', 'es/', 'es/posts/'];
const UI_WORDS = {
  en: /\b(Play|Step)\b/,
  es: /\b(Reproducir|Paso)\b/,
};

let server: StaticServer;
let browser: Browser;
let out: string;
let profile: string;

interface Report {
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  failedRequests: string[];
  csp: string[];
}

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

before(async () => {
  server = await startStaticServer({ prefix: '/blog/' });
  out = tempDir('demo-e2e');
  const run = hugoBuild(demoDir, out, server.url);
  assert.equal(run.status, 0, run.output);
  server.root = out;
  ({ browser, profile } = await launchChromium());
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) removeTemp(out);
  if (profile) removeTemp(profile);
});

/** Opens a page and records everything that goes wrong on it. */
async function open(path: string, options: { javascript?: boolean; width?: number } = {}): Promise<{ page: Page; report: Report }> {
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 900, height: 1200 });
  if (options.javascript === false) await page.setJavaScriptEnabled(false);
  const report: Report = { consoleErrors: [], consoleWarnings: [], pageErrors: [], failedRequests: [], csp: [] };
  // tsx compiles this file with esbuild's keepNames, which wraps the named functions
  // inside page.evaluate callbacks in __name(); the page needs that helper too.
  await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`);
    });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') report.consoleErrors.push(text);
    if (msg.type() === 'warn') report.consoleWarnings.push(text);
    if (/Content Security Policy/i.test(text)) report.csp.push(text);
  });
  page.on('pageerror', (err) => report.pageErrors.push(String(err)));
  page.on('requestfailed', (req) => report.failedRequests.push(`${req.failure()?.errorText ?? 'failed'} ${req.url()}`));
  page.on('response', (res) => {
    if (res.status() >= 400) report.failedRequests.push(`${res.status()} ${res.url()}`);
  });
  const response = await page.goto(server.url + path, { waitUntil: 'networkidle0', timeout: 30_000 });
  assert.equal(response?.status(), 200, `GET ${path}`);
  return { page, report };
}

async function collectCsp(page: Page, report: Report): Promise<string[]> {
  const fromEvents = await page.evaluate(() => window.__cspViolations ?? []);
  return [...report.csp, ...fromEvents];
}

function assertClean(report: Report, csp: string[]): void {
  assert.deepEqual(report.pageErrors, [], 'uncaught errors');
  assert.deepEqual(report.failedRequests, [], 'failed requests');
  assert.deepEqual([...new Set(csp)], [], 'Content-Security-Policy violations');
  assert.deepEqual([...new Set(report.consoleErrors)], [], 'console errors');
}

/** KaTeX's fonts are declared at the document level and load from the bundle's fonts/ folder. */
async function assertKatexFonts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'KaTeX_Main' && f.status === 'loaded'),
    { timeout: 15_000 },
  ).catch(() => undefined);
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'KaTeX_Main');
    return { declared: faces.length, loaded: faces.filter((f) => f.status === 'loaded').length, check: document.fonts.check('16px KaTeX_Main') };
  });
  assert.ok(fonts.declared > 0, 'KaTeX_Main is declared with @font-face at the document level');
  assert.ok(fonts.loaded > 0, `a KaTeX_Main face is loaded: ${JSON.stringify(fonts)}`);
  assert.ok(fonts.check, "document.fonts.check('16px KaTeX_Main')");
  const woff2 = server.requests.filter((r) => /\.woff2(\?|$)/.test(r.url));
  assert.ok(woff2.length > 0, 'fonts were fetched');
  // The fonts carry the bundle's version (its ?v=), so an upgrade is never served a cached old font.
  const bundle = server.requests.find((r) => r.url.includes('/gd-widgets/gd-widgets.js'));
  const version = new URL(bundle?.url ?? '/', 'http://x').searchParams.get('v');
  assert.ok(version, `the bundle is loaded with its version: ${bundle?.url}`);
  for (const r of woff2) {
    assert.match(r.url, /^\/blog\/gd-widgets\/fonts\//);
    assert.equal(new URL(r.url, 'http://x').searchParams.get('v'), version, r.url);
    assert.equal(r.status, 200, r.url);
    assert.equal(r.contentType, 'font/woff2', r.url);
  }
}

/**
 * Every widget brings its own module tag (so a widget a callout drops cannot take the
 * others' script with it), all with the one versioned URL under the sub-path, and the
 * browser fetches and runs it once.
 */
async function assertOneBundle(page: Page): Promise<void> {
  const { scripts, widgets, fetched } = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script[type="module"]')].map((n) => (n as HTMLScriptElement).src),
    widgets: [...document.querySelectorAll('*')].filter((n) => n.localName.startsWith('gd-')).length,
    fetched: performance.getEntriesByType('resource').filter((e) => e.name.includes('/gd-widgets/gd-widgets.js')).length,
  }));
  assert.equal(scripts.length, widgets, 'one module tag per widget');
  assert.equal(new Set(scripts).size, 1, 'all with the same URL');
  assert.match(scripts[0], new RegExp(`^${server.origin}/blog/gd-widgets/gd-widgets\\.js\\?v=[0-9a-f]{10}$`));
  assert.equal(fetched, 1, 'fetched once');
}

const definedOn = new WeakMap<Page, Map<string, Promise<unknown>>>();

/** Waits (once per page and tag) for the element to be defined, then for every one to render. */
async function upgraded(page: Page, tag = 'gd-explorer') {
  if (!definedOn.has(page)) definedOn.set(page, new Map());
  const defined = definedOn.get(page)!;
  if (!defined.has(tag)) {
    defined.set(tag, page.waitForFunction((name) => customElements.get(name) !== undefined, { timeout: 15_000 }, tag));
  }
  await defined.get(tag);
  return page.evaluate(async (tag) => {
    const els = [...document.querySelectorAll(tag)] as Array<HTMLElement & { updateComplete?: Promise<unknown> }>;
    await Promise.all(els.map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // All text a reader can meet in the shadow tree, nested shadow roots included.
    const deepText = (root: ParentNode): string => {
      const parts: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          if (node.localName === 'style' || node.localName === 'script') return;
          for (const attr of ['aria-label', 'title', 'placeholder']) {
            const value = node.getAttribute(attr);
            if (value) parts.push(value);
          }
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        node.childNodes.forEach(walk);
      };
      walk(root as Node);
      return parts.join(' ').replace(/\s+/g, ' ');
    };
    return els.map((el) => {
      const fallback = el.querySelector('.gd-fallback');
      return {
        shadow: el.shadowRoot !== null,
        lang: el.getAttribute('lang'),
        text: el.shadowRoot ? deepText(el.shadowRoot) : '',
        fallbackRendered: fallback ? fallback.getClientRects().length > 0 : false,
        width: el.getBoundingClientRect().width,
        height: el.getBoundingClientRect().height,
        inFigure: el.parentElement?.matches('figure.gd-figure') ?? false,
        caption: el.parentElement?.querySelector(':scope > figcaption')?.textContent?.trim() ?? '',
      };
    });
  }, tag);
}

for (const [lang, path] of Object.entries(POSTS) as Array<[keyof typeof POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} explorer post`, () => {
    let page: Page;
    let report: Report;
    before(async () => {
      ({ page, report } = await open(path));
    });
    after(async () => {
      await page?.close();
    });

    test('loads the bundle from the sub-path as a JavaScript module', async () => {
      await assertOneBundle(page);
      const bundle = server.requests.find((r) => r.url.startsWith('/blog/gd-widgets/gd-widgets.js?v='));
      assert.ok(bundle, 'the bundle was requested');
      assert.equal(bundle.status, 200);
      assert.match(bundle.contentType ?? '', /^text\/javascript/);
    });

    test('every gd-explorer is upgraded, in the page language', async () => {
      const els = await upgraded(page);
      assert.ok(els.length >= 4, `several explorers, found ${els.length}`);
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `explorer ${i} has a shadow root`);
        assert.equal(el.lang, lang, `explorer ${i} lang`);
        assert.match(el.text, UI_WORDS[lang], `explorer ${i} shows ${lang} UI text; it shows: ${el.text.slice(0, 300)}`);
        assert.equal(el.fallbackRendered, false, `explorer ${i}: the fallback text hides once the element upgrades`);
        assert.ok(el.width > 200 && el.height > 150, `explorer ${i} has a size (${el.width}x${el.height})`);
      }
    });

    test('each explorer sits in a figure with its caption', async () => {
      const els = await upgraded(page);
      for (const [i, el] of els.entries()) {
        assert.ok(el.inFigure, `explorer ${i} is inside figure.gd-figure`);
        assert.ok(el.caption.length > 20, `explorer ${i} has a figcaption`);
      }
    });

    test('an explorer steps, and plays when its play button is clicked', async () => {
      await upgraded(page);
      const stepped = await page.evaluate(async () => {
        const el = document.querySelector('gd-explorer') as HTMLElement & { iteration?: number; step?: () => void; reset?: () => void; updateComplete?: Promise<unknown> };
        if (typeof el.step !== 'function') return { error: 'el.step is not a function' };
        el.reset?.();
        await el.updateComplete;
        const before = el.iteration;
        el.step();
        el.step();
        await el.updateComplete;
        return { before, after: el.iteration };
      });
      assert.ok(!('error' in stepped), JSON.stringify(stepped));
      assert.equal(typeof stepped.before, 'number', 'el.iteration is a number');
      assert.equal(stepped.after, (stepped.before as number) + 2, 'two step() calls advance el.iteration by 2');

      // A real click on the play button of the second explorer (the diverging bowl).
      const handle = await page.evaluateHandle(() => {
        const find = (root: ParentNode): HTMLButtonElement | null => {
          for (const b of root.querySelectorAll('button')) {
            const label = `${b.textContent} ${b.getAttribute('aria-label') ?? ''} ${b.title}`;
            if (/\b(play|reproducir)\b/i.test(label)) return b;
          }
          for (const host of root.querySelectorAll('*')) {
            const found = host.shadowRoot ? find(host.shadowRoot) : null;
            if (found) return found;
          }
          return null;
        };
        const el = document.querySelectorAll('gd-explorer')[1];
        return el.shadowRoot ? find(el.shadowRoot) : null;
      });
      const button = handle.asElement() as ElementHandle<HTMLButtonElement> | null;
      assert.ok(button, 'the second explorer has a play button (text or aria-label "Play"/"Reproducir")');
      const before = await page.evaluate(() => (document.querySelectorAll('gd-explorer')[1] as HTMLElement & { iteration: number }).iteration);
      await button.scrollIntoView();
      await button.click();
      await page.waitForFunction(
        (b) => (document.querySelectorAll('gd-explorer')[1] as HTMLElement & { iteration: number }).iteration > b,
        { timeout: 10_000 },
        before,
      );
      await page.evaluate(() => (document.querySelectorAll('gd-explorer')[1] as HTMLElement & { pause?: () => void }).pause?.());
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page);
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page);
      // Let the widgets run for a moment so late errors show up too.
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, [], 'console warnings (the demo uses only valid attributes)');
    });
  });
}

// ---- <gd-lr-slider>: the learning-rate post ----

type Regime = 'too-low' | 'just-right' | 'too-high' | 'diverges';
const REGIME_WORDS: Record<'en' | 'es', Record<Regime, string>> = {
  en: { 'too-low': 'Too low', 'just-right': 'Just right', 'too-high': 'Too high', diverges: 'Diverges' },
  es: { 'too-low': 'Demasiado baja', 'just-right': 'Adecuada', 'too-high': 'Demasiado alta', diverges: 'Diverge' },
};

/** "η = 0.45 · Just right", with either decimal separator. */
function regimeLabel(lr: string, words: string): RegExp {
  return new RegExp(`^η = ${lr.replace('.', '[.,]')} · ${words}$`);
}

interface SliderState {
  regime: Regime;
  regimes: Regime[];
  criticalRates: { optimal: number; limit: number; curvatures: number[] } | null;
  labels: string[];
}

/** The read-only state and the shown labels of every <gd-lr-slider> on the page. */
function sliderStates(page: Page): Promise<SliderState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('gd-lr-slider')].map((el) => {
      const s = el as HTMLElement & { regime: Regime; regimes: Regime[]; criticalRates: { optimal: number; limit: number; curvatures: number[] } | null };
      return {
        regime: s.regime,
        regimes: s.regimes,
        criticalRates: s.criticalRates,
        labels: [...(s.shadowRoot?.querySelectorAll('.regime strong') ?? [])].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()),
      };
    }),
  );
}

for (const [lang, path] of Object.entries(LR_POSTS) as Array<[keyof typeof LR_POSTS, string]>) {
  const words = REGIME_WORDS[lang];
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} learning-rate post`, () => {
    let page: Page;
    let report: Report;
    before(async () => {
      ({ page, report } = await open(path));
    });
    after(async () => {
      await page?.close();
    });

    test('loads the bundle once, from the sub-path', async () => {
      await assertOneBundle(page);
    });

    test('every gd-lr-slider is upgraded, in the page language, in a figure with its caption', async () => {
      const els = await upgraded(page, 'gd-lr-slider');
      assert.equal(els.length, 3, 'the slider, the comparison and the ravine');
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `slider ${i} has a shadow root`);
        assert.equal(el.lang, lang, `slider ${i} lang`);
        assert.match(el.text, UI_WORDS[lang], `slider ${i} shows ${lang} UI text; it shows: ${el.text.slice(0, 300)}`);
        assert.equal(el.fallbackRendered, false, `slider ${i}: the fallback text hides once the element upgrades`);
        assert.ok(el.width > 200 && el.height > 150, `slider ${i} has a size (${el.width}x${el.height})`);
        assert.ok(el.inFigure, `slider ${i} is inside figure.gd-figure`);
        assert.ok(el.caption.length > 20, `slider ${i} has a figcaption`);
      }
    });

    test('each figure is labelled from its run, in the page language', async () => {
      await upgraded(page, 'gd-lr-slider');
      const [parabola, compare, ravine] = await sliderStates(page);

      assert.equal(parabola.regime, 'just-right', 'f(x) = x² from 2 at the default η = 0.3 converges in 14 steps');
      assert.deepEqual(parabola.criticalRates, { optimal: 0.5, limit: 1, curvatures: [2] }, 'L = 2 for x²');
      assert.equal(parabola.labels.length, 1);
      assert.match(parabola.labels[0], regimeLabel('0.3', words['just-right']));

      assert.deepEqual(compare.regimes, ['too-low', 'just-right', 'too-high']);
      assert.equal(compare.labels.length, 3, 'compare mode shows three labels');
      assert.match(compare.labels[0], regimeLabel('0.01', words['too-low']));
      assert.match(compare.labels[1], regimeLabel('0.45', words['just-right']));
      assert.match(compare.labels[2], regimeLabel('0.9', words['too-high']));

      assert.equal(ravine.regime, 'too-high', 'η = 0.099 on the ravine bounces across the valley');
      assert.ok(ravine.criticalRates, 'the ravine has known critical rates');
      assert.ok(Math.abs(ravine.criticalRates.optimal - 0.05) < 1e-6 && Math.abs(ravine.criticalRates.limit - 0.1) < 1e-6, JSON.stringify(ravine.criticalRates));
      assert.match(ravine.labels[0], regimeLabel('0.099', words['too-high']));
    });

    test('moving the slider changes the regime and its label', async () => {
      await upgraded(page, 'gd-lr-slider');
      const seen = await page.evaluate(async (targets) => {
        const el = document.querySelector('gd-lr-slider') as HTMLElement & { regime: string; updateComplete: Promise<unknown> };
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('input#lr')!;
        const events: string[] = [];
        el.addEventListener('gd-regime', (e) => events.push((e as CustomEvent<{ regime: string }>).detail.regime));
        const out: Array<{ target: number; regime: string; label: string }> = [];
        for (const target of targets) {
          // The slider is logarithmic from min-lr 1e-5 to max-lr 10.
          const p = Math.log(target / 1e-5) / Math.log(10 / 1e-5);
          input.value = String(Math.round(p * Number(input.max)));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await el.updateComplete;
          out.push({ target, regime: el.regime, label: (el.shadowRoot!.querySelector('.regime strong')?.textContent ?? '').replace(/\s+/g, ' ').trim() });
        }
        return { out, events };
      }, [0.4, 0.8, 5, 0.001]);
      assert.deepEqual(seen.out.map((s) => s.regime), ['just-right', 'too-high', 'diverges', 'too-low'], JSON.stringify(seen.out));
      assert.match(seen.out[0].label, new RegExp(`· ${words['just-right']}$`));
      assert.match(seen.out[1].label, new RegExp(`· ${words['too-high']}$`));
      assert.match(seen.out[2].label, new RegExp(`· ${words.diverges}$`));
      assert.match(seen.out[3].label, new RegExp(`· ${words['too-low']}$`));
      // The figure starts just right (η = 0.3), so the first move to 0.4 keeps the label: no event.
      assert.deepEqual(seen.events, ['too-high', 'diverges', 'too-low'], 'a gd-regime event for each new label');
    });

    test('"Copy shortcode" gives shortcodes that pass the build-time checks', async () => {
      await upgraded(page, 'gd-lr-slider');
      const copied = await page.evaluate(async () => {
        const texts: string[] = [];
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void texts.push(text) } });
        for (const el of document.querySelectorAll('gd-lr-slider')) {
          // The copy tools are an author's (under hugo server); here the test is the author.
          el.setAttribute('authoring', '');
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          const button = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /^(Copy|Copiar) shortcode$/.test((b.textContent ?? '').trim()));
          button?.click();
          await new Promise((r) => setTimeout(r, 0));
        }
        return texts;
      });
      assert.equal(copied.length, 3, 'each figure copies its shortcode');
      for (const text of copied) assert.match(text, /^\{\{< gd-lr-slider( [a-z0-9-]+="[^"]*")* >\}\}$/);
      assert.match(copied[1], / compare="0.01,0.45,0.9"/);
      assert.match(copied[2], / surface="ravine"/);

      const site = copyDemo('lr-copied');
      const outDir = join(dirname(site), 'public');
      try {
        writeFileSync(join(site, 'content/en/posts/copied.md'), ['---', 'title: "Copied"', 'date: 2025-01-01', '---', '', ...copied.flatMap((c) => [c, ''])].join('\n'));
        const run = hugoBuild(site, outDir, 'http://127.0.0.1:1/blog/');
        assert.equal(run.status, 0, `the copied shortcodes should build:\n${copied.join('\n')}\n${run.output}`);
        const html = readFileSync(join(outDir, 'posts/copied/index.html'), 'utf8');
        assert.equal(html.split('<gd-lr-slider ').length - 1, 3);
      } finally {
        removeTemp(dirname(site));
      }
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page, 'gd-lr-slider');
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page, 'gd-lr-slider');
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, [], 'console warnings (the post uses only valid attributes)');
    });

    for (const width of [320, 360]) {
      test(`nothing spills out sideways on a ${width} px phone`, async () => {
        const { page: narrow, report: narrowReport } = await open(path, { width });
        try {
          await upgraded(narrow, 'gd-lr-slider');
          const spill = await narrow.evaluate(() => {
            const found: string[] = [];
            for (const el of document.querySelectorAll('gd-lr-slider')) {
              const host = el.getBoundingClientRect();
              // Content of a box that scrolls sideways (a wide formula, with its scroll cue)
              // may extend past the host: the box itself may not.
              const scrolls = (node: Element) => /auto|scroll|hidden/.test(getComputedStyle(node).overflowX);
              const inScroller = (node: Element) => {
                for (let p = node.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
                return false;
              };
              for (const node of el.shadowRoot?.querySelectorAll('*') ?? []) {
                const r = node.getBoundingClientRect();
                if (r.width > 0 && !inScroller(node) && (r.left < host.left - 1 || r.right > host.right + 1)) {
                  found.push(`${node.localName}.${node.getAttribute('class') ?? ''} spans ${Math.round(r.left)}..${Math.round(r.right)}, host ${Math.round(host.left)}..${Math.round(host.right)}`);
                }
              }
            }
            return { found: found.slice(0, 10), scrollWidth: document.documentElement.scrollWidth, innerWidth };
          });
          assert.ok(spill.scrollWidth <= spill.innerWidth, `the page scrolls sideways: ${spill.scrollWidth} > ${spill.innerWidth}`);
          assert.deepEqual(spill.found, []);
          assertClean(narrowReport, await collectCsp(narrow, narrowReport));
        } finally {
          await narrow.close();
        }
      });
    }
  });
}

describe('the other pages', () => {
  for (const path of OTHER_PAGES) {
    test(`/blog/${path} loads cleanly and links the other language`, async () => {
      const { page, report } = await open(path);
      try {
        const info = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          switcher: [...document.querySelectorAll('.lang-switch a')].map((a) => (a as HTMLAnchorElement).pathname),
          toggleVisible: !(document.querySelector('.theme-toggle') as HTMLButtonElement | null)?.hidden,
        }));
        assert.equal(info.lang, path.startsWith('es/') ? 'es' : 'en');
        assert.equal(info.switcher.length, 1, 'one link to the other language');
        assert.ok(info.switcher[0].startsWith('/blog/'), `language links stay under the sub-path: ${info.switcher[0]}`);
        assert.ok(info.toggleVisible, 'the theme toggle shows when JavaScript runs');
        assertClean(report, await collectCsp(page, report));
      } finally {
        await page.close();
      }
    });
  }

  test('the theme toggle switches the page and the explorers to dark, and remembers it', async () => {
    // Console and CSP problems on this page are the explorer tests' business.
    const { page } = await open(POSTS.en);
    try {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      await upgraded(page);
      // Relative luminance of the background behind the first explorer's content.
      const darkness = () =>
        page.evaluate(() => {
          const el = document.querySelector('gd-explorer') as HTMLElement;
          const inner = el.shadowRoot?.firstElementChild as HTMLElement | null;
          let node: HTMLElement | null = inner;
          let bg = '';
          while (node) {
            bg = getComputedStyle(node).backgroundColor;
            if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') break;
            node = node.parentElement;
          }
          if (!node) bg = getComputedStyle(el).backgroundColor;
          const [r, g, b] = (bg.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number);
          return { bg, dark: 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 };
        });
      assert.equal((await darkness()).dark, false, 'light to begin with');
      await page.click('.theme-toggle');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(await page.$eval('.theme-toggle', (b) => b.getAttribute('aria-pressed')), 'true');
      await new Promise((r) => setTimeout(r, 300));
      const dark = await darkness();
      assert.ok(dark.dark, `the explorer follows <html data-theme="dark"> (background ${dark.bg})`);
      await page.reload({ waitUntil: 'networkidle0' });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the choice survives a reload');
      await page.click('.theme-toggle');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    } finally {
      await page.evaluate(() => localStorage.clear());
      await page.close();
    }
  });
});

describe('without JavaScript', () => {
  for (const [lang, path] of Object.entries(POSTS) as Array<[keyof typeof POSTS, string]>) {
    test(`the ${lang} post shows each figure's fallback text`, async () => {
      const { page } = await open(path, { javascript: false });
      try {
        const fallbacks = await page.$$eval('gd-explorer > .gd-fallback', (nodes) =>
          nodes.map((n) => ({ text: getComputedStyle(n, '::before').content.match(/^"(.*)"$/)?.[1] ?? n.textContent ?? '', visible: n.getClientRects().length > 0 })),
        );
        assert.ok(fallbacks.length >= 4);
        for (const f of fallbacks) {
          assert.ok(f.visible, 'fallback visible');
          assert.match(f.text, lang === 'es' ? /^Figura interactiva: .* Necesita JavaScript\.$/ : /^Interactive figure: .* It needs JavaScript\.$/);
        }
      } finally {
        await page.close();
      }
    });
  }
  for (const [lang, path] of Object.entries(LR_POSTS) as Array<[keyof typeof LR_POSTS, string]>) {
    test(`the ${lang} learning-rate post shows each figure's fallback text`, async () => {
      const { page } = await open(path, { javascript: false });
      try {
        const fallbacks = await page.$$eval('gd-lr-slider > .gd-fallback', (nodes) =>
          nodes.map((n) => ({ text: getComputedStyle(n, '::before').content.match(/^"(.*)"$/)?.[1] ?? n.textContent ?? '', visible: n.getClientRects().length > 0 })),
        );
        assert.equal(fallbacks.length, 3);
        for (const f of fallbacks) {
          assert.ok(f.visible, 'fallback visible');
          assert.match(f.text, lang === 'es' ? /^Figura interactiva: .*tasas? de aprendizaje.* Necesita JavaScript\.$/ : /^Interactive figure: .*learning rates?.* It needs JavaScript\.$/);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('accessibility (axe-core)', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const pages: Array<[string, string, string]> = [
    ...Object.entries(POSTS).map(([lang, path]): [string, string, string] => [`${lang} post`, path, 'gd-explorer']),
    ...Object.entries(LR_POSTS).map(([lang, path]): [string, string, string] => [`${lang} learning-rate post`, path, 'gd-lr-slider']),
    ...Object.entries(MOMENTUM_POSTS).map(([lang, path]): [string, string, string] => [`${lang} momentum post`, path, 'gd-momentum-race']),
    ...Object.entries(BATCH_POSTS).map(([lang, path]): [string, string, string] => [`${lang} batch post`, path, 'gd-batch-trainer']),
    ...Object.entries(OVERVIEW_POSTS).map(([lang, path]): [string, string, string] => [`${lang} overview post`, path, 'gd-batch-trainer']),
    ...Object.entries(NETWORK_POSTS).map(([lang, path]): [string, string, string] => [`${lang} network post`, path, 'gd-network']),
    ...Object.entries(FLOW_POSTS).map(([lang, path]): [string, string, string] => [`${lang} gradient-flow post`, path, 'gd-gradient-flow']),
  ];
  for (const [name, path, tag] of pages) {
    test(`the ${name} has no serious or critical axe violations`, async () => {
      const { page } = await open(path);
      try {
        await upgraded(page, tag).catch(() => undefined);
        // Runtime.evaluate is not subject to the page's CSP, so axe can be injected.
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
        });
        assert.deepEqual(violations, []);
      } finally {
        await page.close();
      }
    });
  }
});

// ---- <gd-momentum-race> and <gd-batch-trainer>: the momentum, batch and overview posts ----

/** Words each element shows in the page's language (the Spanish ones are the course's terms). */
const RACE_WORDS = {
  en: ['Classical momentum', 'momentum part of the step', 'Optimizer', 'Play'],
  es: ['Momento clásico', 'parte del paso debida al momento', 'Optimizador', 'Reproducir'],
};
const TRAINER_WORDS = {
  en: ['Batch', 'Stochastic', 'Mini-batch (10)', 'Loss', 'Play'],
  es: ['Lote', 'Estocástico', 'Mini-lote (10)', 'Pérdida', 'Reproducir'],
};
const IRIS_WORDS = { en: ['Mini-batch (16)', 'Accuracy'], es: ['Mini-lote (16)', 'Exactitud'] };

interface RaceResult {
  optimizer: string;
  iterations: number;
  stop: 'converged' | 'max-steps' | 'diverged' | null;
  value: number;
}

/**
 * Runs the index-th <gd-momentum-race> of the page to its end at the fastest speed the
 * element accepts (10000 updates/s: more falls back to the default with a warning), in
 * view (figures pause off screen); returns its results and the winner rows.
 */
function runRace(page: Page, index: number) {
  return page.evaluate(async (index) => {
    const el = document.querySelectorAll('gd-momentum-race')[index] as HTMLElement & {
      speed?: number; results: RaceResult[]; play(): void; reset(): void; updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    el.reset();
    el.scrollIntoView();
    el.speed = 10000;
    const stop = new Promise<{ reason: string }>((resolve) => el.addEventListener('gd-stop', (e) => resolve((e as CustomEvent).detail), { once: true }));
    // gd-stop bubbles and crosses the shadow root: a listener on the document hears it.
    let composed = false;
    document.addEventListener('gd-stop', (e) => (composed ||= e.composedPath()[0] === el), { once: true });
    el.play();
    const detail = await stop;
    el.speed = undefined;
    await el.updateComplete;
    // The optimizer's name: the cell's first text (a lane's own rate may follow it).
    const winners = [...el.shadowRoot!.querySelectorAll('tr.winner td:first-child')].map((n) =>
      (n.textContent ?? '').replace(n.querySelector('.lane-rate')?.textContent ?? '', '').trim(),
    );
    return { detail, results: el.results, winners, composed };
  }, index);
}

interface TrainHistory {
  epoch: number[];
  loss: number[];
  updates: number[];
  examples: number[];
  accuracy?: number[];
}

/** Plays the index-th <gd-batch-trainer> to the end, fast and in view; its status and history. */
function runTrainer(page: Page, index: number) {
  return page.evaluate(async (index) => {
    const el = document.querySelectorAll('gd-batch-trainer')[index] as HTMLElement & {
      speed?: number; status: string; history: Record<string, TrainHistory>; play(): void; updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    el.scrollIntoView();
    const before = el.status;
    el.speed = 1000;
    const steps: number[] = [];
    el.addEventListener('gd-step', (e) => steps.push((e as unknown as CustomEvent<{ epoch: number }>).detail.epoch));
    const stop = new Promise<{ reason: string; epoch: number; loss: Record<string, number> }>((resolve) => el.addEventListener('gd-stop', (e) => resolve((e as CustomEvent).detail), { once: true }));
    el.play();
    const detail = await stop;
    el.speed = undefined;
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim());
    return { before, status: el.status, detail, steps, history: el.history, rows };
  }, index);
}

/** The page scrolls sideways (it must not), and what in the given elements reaches outside its element. */
function spill(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      const host = el.getBoundingClientRect();
      for (const node of el.shadowRoot?.querySelectorAll('*') ?? []) {
        // Formulas and tables scroll sideways inside their own box (overflow-x: auto), where
        // the reader can reach them; what is inside is measured unclipped.
        if (node.closest('.formula, .table-box')) continue;
        const r = node.getBoundingClientRect();
        if (r.width > 0 && (r.left < host.left - 1 || r.right > host.right + 1)) {
          found.push(`${el.localName} ${node.localName}.${node.getAttribute('class') ?? ''} "${(node.textContent ?? '').trim().slice(0, 20)}" spans ${Math.round(r.left)}..${Math.round(r.right)}, host ${Math.round(host.left)}..${Math.round(host.right)}`);
        }
      }
    }
    return { found: found.slice(0, 10), scrollWidth: document.documentElement.scrollWidth, innerWidth };
  }, selector);
}

async function assertWords(page: Page, tag: string, words: string[]): Promise<void> {
  const els = await upgraded(page, tag);
  for (const [i, el] of els.entries()) {
    for (const word of words) assert.ok(el.text.includes(word), `${tag} ${i} shows "${word}"; it shows: ${el.text.slice(0, 400)}`);
  }
}

for (const [lang, path] of Object.entries(MOMENTUM_POSTS) as Array<[keyof typeof MOMENTUM_POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} momentum post`, () => {
    let page: Page;
    let report: Report;
    before(async () => {
      ({ page, report } = await open(path));
    });
    after(async () => {
      await page?.close();
    });

    test('loads the bundle once, from the sub-path', async () => {
      await assertOneBundle(page);
    });

    test('every gd-momentum-race is upgraded, in the page language, in a figure with its caption', async () => {
      const els = await upgraded(page, 'gd-momentum-race');
      assert.equal(els.length, 3, 'the ravine, Rosenbrock and the moving-average form');
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `race ${i} has a shadow root`);
        assert.equal(el.lang, lang);
        assert.equal(el.fallbackRendered, false, `race ${i}: the fallback hides once the element upgrades`);
        assert.ok(el.width > 200 && el.height > 150, `race ${i} has a size (${el.width}x${el.height})`);
        assert.ok(el.inFigure && el.caption.length > 20, `race ${i} is in a figure with a caption`);
      }
      await assertWords(page, 'gd-momentum-race', RACE_WORDS[lang]);
    });

    test('the default race: Nesterov finishes first, in 137 updates to classical momentum\'s 249 (as the post says)', async () => {
      await upgraded(page, 'gd-momentum-race');
      const race = await runRace(page, 0);
      assert.equal(race.detail.reason, 'converged');
      assert.deepEqual(
        race.results.map((r) => [r.optimizer, r.stop, r.iterations]),
        [['momentum', 'converged', 249], ['nesterov', 'converged', 137]],
      );
      assert.deepEqual(race.winners, ['Nesterov'], 'the winner row is Nesterov\'s');
      assert.ok(race.composed, 'gd-stop reaches the document');
    });

    test('the Rosenbrock race: Adam, then Nesterov, then momentum; gradient descent runs out of updates', async () => {
      await upgraded(page, 'gd-momentum-race');
      const race = await runRace(page, 1);
      assert.deepEqual(
        race.results.map((r) => [r.optimizer, r.stop, r.iterations]),
        [['gd', 'max-steps', 3000], ['momentum', 'converged', 2599], ['nesterov', 'converged', 2093], ['adam', 'converged', 1839]],
      );
      assert.ok(Math.abs(race.results[0].value - 0.057) < 0.001, `gradient descent ends at f ≈ 0.057, not ${race.results[0].value}`);
      assert.deepEqual(race.winners, ['Adam']);
    });

    test('the moving-average race: gradient descent diverges in 3, momentum finishes in the classical 249', async () => {
      await upgraded(page, 'gd-momentum-race');
      const race = await runRace(page, 2);
      assert.deepEqual(
        race.results.map((r) => [r.optimizer, r.stop, r.iterations]),
        [['gd', 'diverged', 3], ['momentum', 'converged', 249]],
      );
      const effective = await page.evaluate(() => document.querySelectorAll('gd-momentum-race')[2].shadowRoot!.querySelector('.effective')?.textContent ?? '');
      assert.match(effective, /0[.,]5 × \(1 − 0[.,]9\) = 0[.,]05/, effective);
    });

    test('Nesterov\'s look-ahead is x + βv, and only Nesterov has one', async () => {
      await upgraded(page, 'gd-momentum-race');
      const state = await page.evaluate(async () => {
        const el = document.querySelector('gd-momentum-race') as HTMLElement & { lookaheads: Array<[number, number] | null>; reset(): void; step(): void; updateComplete: Promise<unknown> };
        el.reset();
        el.step();
        el.step();
        await el.updateComplete;
        return el.lookaheads;
      });
      assert.equal(state[0], null, 'classical momentum has no look-ahead');
      // By hand, from (-3.5, 1.5) with η = 0.05, β = 0.9 on f = 0.5x² + 10y²: along x,
      // v1 = 0.175, x1 = -3.325; v2 = 0.9 v1 - 0.05 (x1 + 0.9 v1) = 0.315875, x2 = -3.009125;
      // along y the first step lands on y = 0 and Nesterov's velocity across is 0 from then on.
      // The look-ahead x2 + 0.9 v2 = (-2.7248375, 0).
      assert.ok(state[1], 'Nesterov has a look-ahead');
      assert.ok(Math.abs(state[1][0] - -2.7248375) < 1e-9 && Math.abs(state[1][1]) < 1e-12, JSON.stringify(state));
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page, 'gd-momentum-race');
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page, 'gd-momentum-race');
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, [], 'console warnings (the post uses only valid attributes)');
    });
  });
}

for (const [lang, path] of Object.entries(BATCH_POSTS) as Array<[keyof typeof BATCH_POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} batch post`, () => {
    let page: Page;
    let report: Report;
    before(async () => {
      ({ page, report } = await open(path));
    });
    after(async () => {
      await page?.close();
    });

    test('every gd-batch-trainer is upgraded, in the page language, in a figure with its caption', async () => {
      const els = await upgraded(page, 'gd-batch-trainer');
      assert.equal(els.length, 3, 'linear, logistic and iris');
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `trainer ${i} has a shadow root`);
        assert.equal(el.lang, lang);
        assert.equal(el.fallbackRendered, false);
        assert.ok(el.width > 200 && el.height > 150, `trainer ${i} has a size (${el.width}x${el.height})`);
        assert.ok(el.inFigure && el.caption.length > 20, `trainer ${i} is in a figure with a caption`);
      }
      const [linear, logistic, iris] = els;
      for (const word of TRAINER_WORDS[lang]) {
        assert.ok(linear.text.includes(word) && logistic.text.includes(word), `"${word}" in the linear and logistic trainers`);
      }
      for (const word of IRIS_WORDS[lang]) assert.ok(iris.text.includes(word), `"${word}" in the iris trainer: ${iris.text.slice(0, 400)}`);
    });

    test('each trainer plays to status "done", every mode ending below its epoch-0 loss, with the numbers the post quotes', async () => {
      await upgraded(page, 'gd-batch-trainer');
      // [final loss rounded as the post quotes it, accuracy] per mode
      const expected: Array<Record<string, [number, number | null]>> = [
        { batch: [0.871, null], sgd: [0.956, null], minibatch: [0.876, null] },
        { batch: [0.143, 0.98], sgd: [0.025, 0.98], minibatch: [0.045, 0.98] },
        { batch: [0.27, 0.92], sgd: [0.047, 0.98], minibatch: [0.095, 0.973] },
      ];
      const epochs = [30, 30, 60];
      const n = [100, 100, 150];
      for (const [i, want] of expected.entries()) {
        const run = await runTrainer(page, i);
        assert.equal(run.before, 'ready');
        assert.equal(run.status, 'done', `trainer ${i}`);
        const { loss: stopLoss, ...stop } = run.detail;
        assert.deepEqual(stop, { epoch: epochs[i], reason: 'done' });
        assert.equal(run.steps.at(-1), epochs[i], 'a gd-step per epoch, up to the last');
        assert.deepEqual(Object.keys(run.history), ['batch', 'sgd', 'minibatch']);
        for (const [mode, h] of Object.entries(run.history)) {
          assert.equal(h.epoch.length, epochs[i] + 1, `${mode}: epoch 0 and one entry per epoch`);
          assert.ok(h.loss.at(-1)! < h.loss[0], `${mode}: the loss falls (${h.loss[0]} -> ${h.loss.at(-1)})`);
          assert.equal(stopLoss[mode], h.loss.at(-1), `${mode}: gd-stop's loss is the last epoch's`);
          assert.equal(h.examples.at(-1), epochs[i] * n[i], `${mode}: every mode sees the same examples`);
          const [loss, accuracy] = want[mode];
          const digits = String(loss).split('.')[1].length;
          assert.equal(+h.loss.at(-1)!.toFixed(digits), loss, `${mode} of trainer ${i} ends at ${h.loss.at(-1)}`);
          if (accuracy !== null) assert.equal(+h.accuracy!.at(-1)!.toFixed(3), accuracy, `${mode} accuracy`);
        }
        const b = Math.ceil(n[i] / (i === 2 ? 16 : 10));
        assert.deepEqual(
          Object.values(run.history).map((h) => h.updates.at(-1)),
          [epochs[i], epochs[i] * n[i], epochs[i] * b],
          'batch makes one update per epoch, stochastic n, mini-batch n/B',
        );
      }
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page, 'gd-batch-trainer');
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page, 'gd-batch-trainer');
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, []);
    });
  });
}

for (const [lang, path] of Object.entries(OVERVIEW_POSTS) as Array<[keyof typeof OVERVIEW_POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} overview post`, () => {
    test('one figure of each element, all upgraded in the page language, the bundle loaded once, cleanly', async () => {
      const { page, report } = await open(path);
      try {
        await assertOneBundle(page);
        for (const tag of ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer']) {
          const els = await upgraded(page, tag);
          assert.equal(els.length, 1, tag);
          assert.ok(els[0].shadow && els[0].lang === lang && els[0].inFigure, `${tag} upgraded, lang ${lang}, in a figure`);
          assert.match(els[0].text, UI_WORDS[lang], `${tag} speaks ${lang}`);
        }
        await assertWords(page, 'gd-momentum-race', RACE_WORDS[lang]);
        await assertWords(page, 'gd-batch-trainer', TRAINER_WORDS[lang]);
        // What the captions say.
        const explorer = await page.evaluate(async () => {
          const el = document.querySelector('gd-explorer') as HTMLElement & { speed?: number; play(): void };
          el.scrollIntoView();
          el.speed = 10000;
          const stop = new Promise<{ reason: string; iteration: number }>((r) => el.addEventListener('gd-stop', (e) => r((e as CustomEvent).detail), { once: true }));
          el.play();
          return stop;
        });
        assert.deepEqual([explorer.reason, explorer.iteration], ['converged', 60], 'the bowl converges after 60 updates');
        const slider = await page.evaluate(() => (document.querySelector('gd-lr-slider') as HTMLElement & { regimes: string[] }).regimes);
        assert.deepEqual(slider, ['too-low', 'just-right', 'too-high', 'diverges']);
        const race = await runRace(page, 0);
        assert.deepEqual(race.winners, ['Nesterov']);
        const trainer = await runTrainer(page, 0);
        assert.equal(trainer.status, 'done');
        await assertKatexFonts(page);
        assertClean(report, await collectCsp(page, report));
        assert.deepEqual(report.consoleWarnings, []);
      } finally {
        await page.close();
      }
    });
  });
}

describe('the new posts on a 360 px phone', () => {
  const paths = [...Object.values(MOMENTUM_POSTS), ...Object.values(BATCH_POSTS), ...Object.values(OVERVIEW_POSTS)];
  for (const path of paths) {
    test(`/blog/${path}: the page does not scroll sideways, before or after the figures run`, async () => {
      const { page, report } = await open(path, { width: 360 });
      try {
        await upgraded(page, 'gd-momentum-race');
        await upgraded(page, 'gd-batch-trainer');
        const before = await spill(page, 'gd-momentum-race, gd-batch-trainer');
        assert.ok(before.scrollWidth <= before.innerWidth, `the page scrolls sideways: ${before.scrollWidth} > ${before.innerWidth}`);
        const races = await page.$$eval('gd-momentum-race', (n) => n.length);
        for (let i = 0; i < races; i++) await runRace(page, i);
        const trainers = await page.$$eval('gd-batch-trainer', (n) => n.length);
        for (let i = 0; i < trainers; i++) await runTrainer(page, i);
        const afterRun = await spill(page, 'gd-momentum-race, gd-batch-trainer');
        assert.ok(afterRun.scrollWidth <= afterRun.innerWidth, `after running, the page scrolls sideways: ${afterRun.scrollWidth} > ${afterRun.innerWidth}`);
        assertClean(report, await collectCsp(page, report));
      } finally {
        await page.close();
      }
    });
  }

  for (const path of [MOMENTUM_POSTS.en, BATCH_POSTS.en, BATCH_POSTS.es]) {
    test(`/blog/${path}: nothing inside the race or trainer reaches outside the element, after a run too`, async () => {
      const { page } = await open(path, { width: 360 });
      try {
        await upgraded(page, 'gd-momentum-race');
        await upgraded(page, 'gd-batch-trainer');
        assert.deepEqual((await spill(page, 'gd-momentum-race, gd-batch-trainer')).found, []);
        const races = await page.$$eval('gd-momentum-race', (n) => n.length);
        for (let i = 0; i < races; i++) await runRace(page, i);
        const trainers = await page.$$eval('gd-batch-trainer', (n) => n.length);
        for (let i = 0; i < trainers; i++) await runTrainer(page, i);
        assert.deepEqual((await spill(page, 'gd-momentum-race, gd-batch-trainer')).found, []);
        // The result tables are wider than a phone: they scroll in their box, and reach its end.
        const tables = await page.evaluate(() =>
          [...document.querySelectorAll('gd-momentum-race, gd-batch-trainer')].map((el) => {
            const box = el.shadowRoot!.querySelector<HTMLElement>('.table-box')!;
            const style = getComputedStyle(box);
            box.scrollLeft = box.scrollWidth;
            const last = box.querySelector('tbody tr:last-child td:last-child')!.getBoundingClientRect();
            const rect = box.getBoundingClientRect();
            return { overflowX: style.overflowX, lastVisible: last.right <= rect.right + 1 && last.left >= rect.left - 1 };
          }),
        );
        for (const t of tables) assert.deepEqual(t, { overflowX: 'auto', lastVisible: true });
      } finally {
        await page.close();
      }
    });
  }
});

describe('the new posts without JavaScript', () => {
  const cases: Array<[string, string, string, number, RegExp]> = [
    ['en', MOMENTUM_POSTS.en, 'gd-momentum-race', 3, /^Interactive figure: (a race between )?.* on .* It needs JavaScript\.$/],
    ['es', MOMENTUM_POSTS.es, 'gd-momentum-race', 3, /^Figura interactiva: (carrera entre )?.* sobre .* Necesita JavaScript\.$/],
    ['en', BATCH_POSTS.en, 'gd-batch-trainer', 3, /^Interactive figure: batch, stochastic and mini-batch gradient descent training .* It needs JavaScript\.$/],
    ['es', BATCH_POSTS.es, 'gd-batch-trainer', 3, /^Figura interactiva: descenso del gradiente por lotes, estocástico y por mini-lotes entrenando .* Necesita JavaScript\.$/],
  ];
  for (const [lang, path, tag, n, text] of cases) {
    test(`the ${lang} ${tag} post shows each figure's fallback text`, async () => {
      const { page } = await open(path, { javascript: false });
      try {
        const fallbacks = await page.$$eval(`${tag} > .gd-fallback`, (nodes) => nodes.map((node) => ({ text: getComputedStyle(node, '::before').content.match(/^"(.*)"$/)?.[1] ?? node.textContent ?? '', visible: node.getClientRects().length > 0 })));
        assert.equal(fallbacks.length, n);
        for (const f of fallbacks) {
          assert.ok(f.visible);
          assert.match(f.text, text);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('the race and trainer shortcodes and their elements agree', () => {
  test('every value the build lets through is one the elements accept: no notes, no warnings', async () => {
    const site = copyDemo('race-trainer-accepted');
    const outDir = join(dirname(site), 'public');
    const local = await startStaticServer({ prefix: '/blog/' });
    try {
      writeFileSync(
        join(site, 'content/en/posts/accepted.md'),
        [
          '---', 'title: "Accepted"', 'date: 2025-01-01', '---', '',
          '{{< gd-momentum-race optimizers="GD; Momentum nesterov, adam" surface="Rosenbrock" lrs="0.001 0.001,0.001, 5e-2" betas="0.9,0.9,0.95,0" show-lookahead=false steps=3000 >}}',
          '{{< gd-momentum-race optimizers="momentum" ema=true lr=10 beta=0.9999 show-lookahead="TRUE" tolerance=1e6 speed=10000 >}}',
          '{{< gd-momentum-race expression="x^2 + 10y^2" domain="-3,3,-1.5,1.5" start="-2.5,1" optimizers="rmsprop,adagrad" beta1=0.8 beta2=0 eps=1 clip=10 autoplay=true theme="dark" >}}',
          '{{< gd-batch-trainer dataset="Logistic" modes="sgd, minibatch" x-axis="updates" lr=10 samples=10000 noise=100 batch-size=10000 >}}',
          '{{< gd-batch-trainer loss="MAE" samples=2 noise=0 seed=2147483647 batch-size=2 epochs=1e3 optimizer="Adam" speed=1000 >}}',
          '{{< gd-batch-trainer dataset="iris" loss="cce" batch-size=150 seed=0 epochs=1 x-axis="examples" >}}',
          '',
        ].join('\n'),
      );
      const run = hugoBuild(site, outDir, local.url);
      assert.equal(run.status, 0, run.output);
      local.root = outDir;
      const page = await browser.newPage();
      const warnings: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warn' || msg.type() === 'error') warnings.push(`${msg.type()}: ${msg.text()}`);
      });
      try {
        await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
        await page.goto(local.url + 'posts/accepted/', { waitUntil: 'networkidle0' });
        await page.waitForFunction(() => customElements.get('gd-momentum-race') && customElements.get('gd-batch-trainer'), { timeout: 15_000 });
        const notes = await page.evaluate(async () => {
          const els = [...document.querySelectorAll('gd-momentum-race, gd-batch-trainer')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
          await Promise.all(els.map((el) => el.updateComplete));
          return els.map((el) => [...(el.shadowRoot?.querySelectorAll('.notes li') ?? [])].map((li) => li.textContent ?? ''));
        });
        assert.equal(notes.length, 6);
        assert.deepEqual(notes, [[], [], [], [], [], []], 'no element replaced a value with its default');
        assert.deepEqual(warnings, []);
      } finally {
        await page.close();
      }
    } finally {
      await local.close();
      removeTemp(dirname(site));
    }
  });

  test('"Copy shortcode" on the new posts gives shortcodes that pass the build-time checks', async () => {
    const copied: string[] = [];
    for (const path of [MOMENTUM_POSTS.en, BATCH_POSTS.es]) {
      const { page } = await open(path);
      try {
        await upgraded(page, path === MOMENTUM_POSTS.en ? 'gd-momentum-race' : 'gd-batch-trainer');
        copied.push(
          ...(await page.evaluate(async () => {
            const texts: string[] = [];
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void texts.push(text) } });
            for (const el of document.querySelectorAll('gd-momentum-race, gd-batch-trainer')) {
              // The copy tools are an author's (under hugo server); here the test is the author.
              el.setAttribute('authoring', '');
              await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
              const button = [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => /^(Copy|Copiar) shortcode$/.test((b.textContent ?? '').trim()));
              button?.click();
              await new Promise((r) => setTimeout(r, 0));
            }
            return texts;
          })),
        );
      } finally {
        await page.close();
      }
    }
    assert.equal(copied.length, 6, 'each figure copies its shortcode');
    for (const text of copied) assert.match(text, /^\{\{< gd-(momentum-race|batch-trainer)( [a-z0-9-]+="[^"]*")* >\}\}$/);
    assert.match(copied[1], / lrs="0.001,0.001,0.001,0.05"/);
    assert.match(copied[5], / dataset="iris"/);
    const site = copyDemo('race-trainer-copied');
    const outDir = join(dirname(site), 'public');
    try {
      writeFileSync(join(site, 'content/en/posts/copied.md'), ['---', 'title: "Copied"', 'date: 2025-01-01', '---', '', ...copied.flatMap((c) => [c, ''])].join('\n'));
      const run = hugoBuild(site, outDir, 'http://127.0.0.1:1/blog/');
      assert.equal(run.status, 0, `the copied shortcodes should build:\n${copied.join('\n')}\n${run.output}`);
    } finally {
      removeTemp(dirname(site));
    }
  });
});

// ---- <gd-network>: the network post ----

const NETWORK_WORDS = {
  en: ['Next phase', 'Forward pass', 'Backward pass', 'Chain rule', 'Play'],
  es: ['Siguiente fase', 'Propagación hacia adelante', 'Propagación hacia atrás', 'Regla de la cadena', 'Reproducir'],
};

/**
 * What the core computes for a figure of the post, as the element sets it up (the data
 * set's defaults, and one seed for the data, the initial weights and the shuffles): the
 * first update traced example by example, the parameters after it, and the whole run.
 */
function coreRun(name: NetworkDatasetName, options: { hidden?: number[]; activation?: Activation; batchSize?: number } = {}) {
  const d = DEFAULT_NETWORK_OPTIONS[name];
  const seed = 1;
  const dataset = makeDataset(name, { samples: d.samples, noise: d.noise, seed });
  const model = createNetworkModel(dataset, { hidden: options.hidden ?? [...d.hidden], activation: options.activation ?? d.activation, init: d.init, seed });
  const trainer = new Trainer(model, { batchSize: options.batchSize ?? d.batchSize, epochs: d.epochs, seed, optimizer: d.optimizer, options: d.options });
  const first = traceBatch(model.spec, dataset, trainer.params, trainer.nextBatch());
  trainer.step();
  const afterFirst = Float64Array.from(trainer.params);
  trainer.runAll();
  return { model, first, afterFirst, history: trainer.history, lr: d.options.lr! };
}

/** A number as the post writes it: `digits` decimals, the language's decimal sign, a real minus. */
function quoted(value: number, digits: number, lang: 'en' | 'es'): string {
  return value.toFixed(digits).replace('-', '−').replace('.', lang === 'es' ? ',' : '.');
}

interface NetworkState {
  phase: string;
  explanation: string;
  parameters: number[];
  columns: string[];
  row: string[];
}

/** Presses the index-th network's "Next phase" button `times` times; what the figure shows after each press. */
function pressNextPhase(page: Page, index: number, times: number): Promise<NetworkState[]> {
  return page.evaluate(
    async (index, times) => {
      const el = document.querySelectorAll('gd-network')[index] as HTMLElement & { phase: string; parameters: number[]; updateComplete: Promise<unknown> };
      el.scrollIntoView();
      await el.updateComplete;
      const states: NetworkState[] = [];
      for (let k = 0; k < times; k++) {
        el.shadowRoot!.querySelector<HTMLButtonElement>('button.next-phase')!.click();
        await el.updateComplete;
        const table = el.shadowRoot!.querySelector('.gradients-table')!;
        states.push({
          phase: el.phase,
          explanation: el.shadowRoot!.querySelector('.phases p')?.textContent ?? '',
          parameters: el.parameters,
          columns: [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim()),
          row: [...table.querySelectorAll('tbody tr.picked td')].map((td) => (td.textContent ?? '').trim()),
        });
      }
      return states;
    },
    index,
    times,
  );
}

/** Plays the index-th network to the end, fast and in view; its gd-stop detail and history. */
function runNetwork(page: Page, index: number) {
  return page.evaluate(async (index) => {
    const el = document.querySelectorAll('gd-network')[index] as HTMLElement & {
      speed?: number; status: string; history: TrainHistory; reset(): void; play(): void; updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    el.scrollIntoView();
    el.reset();
    el.speed = 5000;
    const stop = new Promise<{ reason: string; epoch: number; loss: number }>((resolve) => el.addEventListener('gd-stop', (e) => resolve((e as CustomEvent).detail), { once: true }));
    el.play();
    const detail = await stop;
    el.speed = undefined;
    await el.updateComplete;
    return { detail, status: el.status, history: el.history };
  }, index);
}

/** The largest difference between two lists of numbers of the same length. */
function largestGap(a: number[], b: number[]): number {
  assert.equal(a.length, b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}

for (const [lang, path] of Object.entries(NETWORK_POSTS) as Array<[keyof typeof NETWORK_POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} network post`, () => {
    let page: Page;
    let report: Report;
    let prose: string;
    before(async () => {
      ({ page, report } = await open(path));
      // What the reader reads: the paragraphs and the captions.
      prose = await page.evaluate(() => document.querySelector('main')?.innerText ?? document.body.innerText);
    });
    after(async () => {
      await page?.close();
    });

    test('loads the bundle once, from the sub-path', async () => {
      await assertOneBundle(page);
    });

    test('every gd-network is upgraded, in the page language, in a figure with its caption, with no notes', async () => {
      const els = await upgraded(page, 'gd-network');
      assert.equal(els.length, 3, 'the circle, XOR with relu and the sine');
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `network ${i} has a shadow root`);
        assert.equal(el.lang, lang);
        assert.equal(el.fallbackRendered, false, `network ${i}: the fallback hides once the element upgrades`);
        assert.ok(el.width > 200 && el.height > 150, `network ${i} has a size (${el.width}x${el.height})`);
        assert.ok(el.inFigure && el.caption.length > 20, `network ${i} is in a figure with a caption`);
      }
      await assertWords(page, 'gd-network', NETWORK_WORDS[lang]);
      const notes = await page.$$eval('gd-network', (els) => els.map((el) => el.shadowRoot!.querySelectorAll('[part~="notes"] li, .notes li').length));
      assert.deepEqual(notes, [0, 0, 0], 'no attribute fell back to a default');
    });

    test('"Next phase" four times walks the first update of the circle as the core computes it, and the post quotes its numbers', async () => {
      await upgraded(page, 'gd-network');
      const core = coreRun('circle');
      const { first, model } = core;
      const states = await pressNextPhase(page, 0, 4);
      assert.deepEqual(states.map((s) => s.phase), ['forward', 'loss', 'backward', 'update']);
      const example = first.batch[0] + 1;
      for (const s of states.slice(0, 3)) assert.match(s.explanation, new RegExp(`\\b${example}\\b`), `the phase names the traced example ${example}: ${s.explanation}`);
      // The table's columns are the mini-batch's examples, in the order the update takes them.
      assert.deepEqual(states[0].columns.slice(1, 4).map((c) => c.replace(/\D/g, '')), [...first.batch.slice(0, 3)].map((i) => String(i + 1)));
      // The first three phases change nothing; the update moves every parameter by -η times the mean gradient.
      for (const s of states.slice(0, 3)) assert.ok(largestGap(s.parameters, [...first.params]) === 0, `${s.phase} leaves the parameters`);
      assert.ok(largestGap(states[3].parameters, [...core.afterFirst]) < 1e-12, 'the update is the core\'s');
      const w = weightIndex(model.spec, 1, 0, 0);
      assert.ok(Math.abs(core.afterFirst[w] - (first.params[w] - core.lr * first.mean[w])) < 1e-12, 'w ← w − η ḡ');
      // The numbers the post quotes for this update.
      const pass = first.passes[0];
      const L = model.spec.sizes.length - 1;
      for (const [value, digits] of [
        [pass.z[1][0], 3], [pass.a[1][0], 3], [pass.z[L][0], 3], [pass.a[L][0], 3], [pass.loss, 2], [first.loss, 3],
        [pass.delta[1][0], 3], [first.params[weightIndex(model.spec, 2, 0, 0)], 3], [first.gradients[0][w], 3],
        [first.mean[w], 3], [first.params[w], 3], [core.afterFirst[w], 3],
      ] as Array<[number, number]>) {
        assert.ok(prose.includes(quoted(value, digits, lang)), `the post quotes ${quoted(value, digits, lang)}`);
      }
      assert.ok(prose.includes(`${lang === 'en' ? 'example' : 'ejemplo'} ${example}`), `the post names example ${example}`);
      // The loss the figure states in its loss phase is the mini-batch mean.
      assert.ok(states[1].explanation.includes(quoted(first.loss, 3, lang)), states[1].explanation);
    });

    test('the circle trains as the core does, to the loss and accuracy the post quotes', async () => {
      await upgraded(page, 'gd-network');
      const core = coreRun('circle');
      const run = await runNetwork(page, 0);
      assert.equal(run.status, 'done');
      assert.equal(run.detail.reason, 'done');
      assert.equal(run.detail.epoch, 100);
      assert.ok(largestGap(run.history.loss, core.history.loss) < 1e-9, 'the element\'s history is the core\'s');
      const h = core.history;
      for (const epoch of [0, 1, 10, 100]) {
        assert.ok(prose.includes(quoted(h.loss[epoch], 3, lang)), `the post quotes the loss after ${epoch} epochs, ${quoted(h.loss[epoch], 3, lang)}`);
        const accuracy = h.accuracy![epoch] * 100;
        assert.ok(prose.includes(`${quoted(accuracy, Number.isInteger(accuracy) ? 0 : 1, lang)}${lang === 'es' ? ' %' : '%'}`), `and the accuracy, ${accuracy}%`);
      }
    });

    test('the mini-batch sizes the post compares, 1 (stochastic) and 200 (batch), train as the core does, to the losses it quotes', async () => {
      await upgraded(page, 'gd-network');
      const setBatchSize = (size: number | null) =>
        page.evaluate((size) => {
          const el = document.querySelectorAll('gd-network')[0];
          if (size === null) el.removeAttribute('batch-size');
          else el.setAttribute('batch-size', String(size));
        }, size);
      try {
        // One example a step amplifies rounding: Chromium's and Node's last bits differ
        // within a few epochs, and after some thirty the runs part. The post quotes epochs
        // before that, and the test compares them.
        for (const [size, epochs] of [[1, [1, 10, 20]], [200, [100]]] as Array<[number, number[]]>) {
          const core = coreRun('circle', { batchSize: size });
          await setBatchSize(size);
          const run = await runNetwork(page, 0);
          assert.equal(run.history.updates.at(-1), 100 * Math.ceil(200 / size), `batch size ${size}: ${200 / size} updates an epoch`);
          const compared = size === 1 ? 21 : 101;
          assert.ok(largestGap(run.history.loss.slice(0, compared), core.history.loss.slice(0, compared)) < 1e-9, `batch size ${size}: the element's history is the core's`);
          for (const epoch of epochs) assert.ok(prose.includes(quoted(core.history.loss[epoch], 3, lang)), `batch size ${size}: the post quotes the loss after ${epoch} epochs, ${quoted(core.history.loss[epoch], 3, lang)}`);
        }
      } finally {
        await setBatchSize(null);
      }
    });

    test('XOR with relu: the backward pass shows exact zeros where the first hidden unit is off, as the caption says', async () => {
      await upgraded(page, 'gd-network');
      const core = coreRun('xor', { hidden: [4], activation: 'relu' });
      const w = weightIndex(core.model.spec, 1, 0, 0);
      const states = await pressNextPhase(page, 1, 3);
      assert.equal(states[2].phase, 'backward');
      // One cell per example shown, then "…" for the examples left out, then the mean.
      const cells = states[2].row.slice(0, -1).filter((cell) => cell !== '…');
      const shown = cells.length;
      const off = [...core.first.batch].filter((_, k) => core.first.gradients[k][w] === 0 && k < shown).map((i) => i + 1);
      assert.ok(off.length > 0, 'some example switches the unit off');
      for (const [k, cell] of cells.entries()) {
        if (core.first.gradients[k][w] === 0) assert.match(cell, /^0([.,]0+)?$/, `example ${core.first.batch[k] + 1}'s gradient is 0: ${cell}`);
      }
      const caption = await page.$$eval('gd-network', (els) => els[1].closest('figure')?.querySelector('figcaption')?.textContent ?? '');
      assert.match(caption, new RegExp(off.join(lang === 'en' ? ' and ' : ' y ')), `the caption names examples ${off.join(', ')}`);
      const run = await runNetwork(page, 1);
      assert.ok(largestGap(run.history.loss, core.history.loss) < 1e-9, 'the element\'s history is the core\'s');
      for (const value of [core.history.loss[0], core.history.loss.at(-1)!]) assert.ok(caption.includes(quoted(value, 3, lang)), `the caption quotes ${quoted(value, 3, lang)}`);
    });

    test('the sine fit trains as the core does, to the loss its caption quotes', async () => {
      await upgraded(page, 'gd-network');
      const core = coreRun('sine');
      const run = await runNetwork(page, 2);
      assert.equal(run.detail.epoch, 200);
      assert.equal(run.history.accuracy, undefined, 'a curve has no accuracy');
      assert.ok(largestGap(run.history.loss, core.history.loss) < 1e-9);
      const caption = await page.$$eval('gd-network', (els) => els[2].closest('figure')?.querySelector('figcaption')?.textContent ?? '');
      for (const value of [core.history.loss[0], core.history.loss.at(-1)!]) assert.ok(caption.includes(quoted(value, 3, lang)), `the caption quotes ${quoted(value, 3, lang)}`);
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page, 'gd-network');
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page, 'gd-network');
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, []);
    });
  });
}

describe('the network post on a 360 px phone and without JavaScript', () => {
  for (const path of Object.values(NETWORK_POSTS)) {
    test(`/blog/${path}: the page does not scroll sideways, before or after a phase walk and a run`, async () => {
      const { page, report } = await open(path, { width: 360 });
      try {
        await upgraded(page, 'gd-network');
        const before = await spill(page, 'gd-network');
        assert.ok(before.scrollWidth <= before.innerWidth, `the page scrolls sideways: ${before.scrollWidth} > ${before.innerWidth}`);
        assert.deepEqual(before.found, [], 'nothing reaches outside its element');
        await pressNextPhase(page, 0, 3);
        await runNetwork(page, 1);
        const afterRun = await spill(page, 'gd-network');
        assert.ok(afterRun.scrollWidth <= afterRun.innerWidth, `after running, the page scrolls sideways: ${afterRun.scrollWidth} > ${afterRun.innerWidth}`);
        assert.deepEqual(afterRun.found, []);
        assertClean(report, await collectCsp(page, report));
      } finally {
        await page.close();
      }
    });
  }

  const cases: Array<[string, string, RegExp]> = [
    ['en', NETWORK_POSTS.en, /^Interactive figure: a neural network with (a hidden layer|hidden layers) of .* units? learning to .* \(loss: .*\)\. It needs JavaScript\.$/],
    ['es', NETWORK_POSTS.es, /^Figura interactiva: una red neuronal con (una capa oculta|capas ocultas) de .* (unidad|unidades) aprendiendo a .* \(pérdida: .*\)\. Necesita JavaScript\.$/],
  ];
  for (const [lang, path, text] of cases) {
    test(`the ${lang} network post shows each figure's fallback text`, async () => {
      const { page } = await open(path, { javascript: false });
      try {
        const fallbacks = await page.$$eval('gd-network > .gd-fallback', (nodes) => nodes.map((node) => ({ text: getComputedStyle(node, '::before').content.match(/^"(.*)"$/)?.[1] ?? node.textContent ?? '', visible: node.getClientRects().length > 0 })));
        assert.equal(fallbacks.length, 3);
        for (const f of fallbacks) {
          assert.ok(f.visible);
          assert.match(f.text, text);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('the network shortcode and its element agree', () => {
  test('every value the build lets through is one the element accepts: no notes, no warnings', async () => {
    const site = copyDemo('network-accepted');
    const outDir = join(dirname(site), 'public');
    const local = await startStaticServer({ prefix: '/blog/' });
    try {
      writeFileSync(
        join(site, 'content/en/posts/accepted.md'),
        [
          '---', 'title: "Accepted"', 'date: 2025-01-01', '---', '',
          '{{< gd-network dataset="Spiral" layers="8 8; 8,8,8,8" activation="ReLU" init="he" optimizer="Adam" lr=10 beta1=0.8 beta2=0 eps=1 epochs=5000 speed=5000 x-axis="updates" >}}',
          '{{< gd-network dataset="blobs" layers="1" samples=4 batch-size=4 noise=10 seed=2147483647 >}}',
          '{{< gd-network dataset="sine" samples=2000 batch-size=2000 optimizer="momentum" beta=0.9999 activation="linear" init="normal" epochs=1 >}}',
          '{{< gd-network dataset="moons" batch-size=200 seed=0 noise=0 controls="compact" theme="dark" >}}',
          '{{< gd-network dataset="xor" samples=5 controls="none" >}}',
          '',
        ].join('\n'),
      );
      const run = hugoBuild(site, outDir, local.url);
      assert.equal(run.status, 0, run.output);
      local.root = outDir;
      const page = await browser.newPage();
      const warnings: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warn' || msg.type() === 'error') warnings.push(`${msg.type()}: ${msg.text()}`);
      });
      try {
        await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
        await page.goto(local.url + 'posts/accepted/', { waitUntil: 'networkidle0' });
        await page.waitForFunction(() => customElements.get('gd-network'), { timeout: 15_000 });
        const notes = await page.evaluate(async () => {
          const els = [...document.querySelectorAll('gd-network')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
          await Promise.all(els.map((el) => el.updateComplete));
          return els.map((el) => [...(el.shadowRoot?.querySelectorAll('.notes li') ?? [])].map((li) => li.textContent ?? ''));
        });
        assert.equal(notes.length, 5);
        assert.deepEqual(notes, [[], [], [], [], []], 'no element replaced a value with its default');
        assert.deepEqual(warnings, []);
      } finally {
        await page.close();
      }
    } finally {
      await local.close();
      removeTemp(dirname(site));
    }
  });
});

// ---- <gd-gradient-flow>: the vanishing and exploding gradients post ----

const FLOW_WORDS = {
  en: ['Gradient norm of each layer', 'Loss', 'Play'],
  es: ['Norma del gradiente de los pesos de cada capa', 'Pérdida', 'Reproducir'],
};

/** The post's four figures: activation, init, init-scale and clip as written. */
const FLOW_FIGURES: Array<{ activation: Activation; init: InitName; initScale: number; clip?: number; verdict: 'vanishing' | 'stable' | 'exploding' }> = [
  { activation: 'sigmoid', init: 'xavier', initScale: 1, verdict: 'vanishing' },
  { activation: 'relu', init: 'he', initScale: 1, verdict: 'stable' },
  { activation: 'relu', init: 'normal', initScale: 3, verdict: 'exploding' },
  { activation: 'relu', init: 'normal', initScale: 3, clip: 1, verdict: 'exploding' },
];

/**
 * What the core computes for a figure of the post, set up as the element does with its
 * defaults (10 hidden layers of 8 units, 100 points of the circle, seed 1, 20 epochs of
 * gradient descent at rate 0.1 in mini-batches of 10): each layer's error and weight
 * gradient at the start, the verdict from the errors, the whole run and how far each
 * layer's weights moved.
 */
function flowRun(figure: (typeof FLOW_FIGURES)[number]) {
  const dataset = makeDataset('circle', { samples: 100, seed: 1 });
  const model = createNetworkModel(dataset, { hidden: Array<number>(10).fill(8), activation: figure.activation, init: figure.init, initScale: figure.initScale, seed: 1 });
  const trainer = new Trainer(model, { batchSize: 10, epochs: 20, seed: 1, optimizer: 'gd', options: { lr: 0.1, clip: figure.clip } });
  const start = Float64Array.from(trainer.params);
  const grad = new Float64Array(model.dim);
  model.objective().evaluate(Float64Array.from(start), grad);
  const inputs = Array.from({ length: dataset.n }, (_, i) => featuresOf(dataset, i));
  const errors = layerErrorNorms(model.spec, start, inputs, Array.from(dataset.y));
  const weights = layerGradientNorms(model.spec, grad);
  const norm = Math.hypot(...grad);
  const ratio = errors[0] / errors[errors.length - 1];
  trainer.runAll();
  const after = layerErrorNorms(model.spec, trainer.params, inputs, Array.from(dataset.y));
  return {
    errors,
    weights,
    norm,
    ratio,
    verdict: flowVerdict(ratio),
    ratioAfter: after[0] / after[after.length - 1],
    history: trainer.history,
    diverged: trainer.diverged,
    epoch: trainer.epoch,
    changes: layerWeightChanges(model.spec, start, trainer.params),
  };
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A number as the post writes it in scientific notation: "7.3 × 10⁻⁷" (es: "7,3 × 10⁻⁷"). */
function scientific(value: number, lang: 'en' | 'es'): string {
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const power = Number(exponent);
  const digits = [...String(Math.abs(power))].map((d) => SUPERSCRIPTS[Number(d)]).join('');
  return `${mantissa.replace('.', lang === 'es' ? ',' : '.')} × 10${power < 0 ? '⁻' : ''}${digits}`;
}

/** A fraction as a percentage the way the post writes it, with `digits` decimals. */
function percent(value: number, digits: number, lang: 'en' | 'es'): string {
  return `${quoted(value * 100, digits, lang)}${lang === 'es' ? ' %' : '%'}`;
}

interface FlowState {
  verdict: string;
  verdictText: string;
  errors: number[];
  weights: number[];
  status: string;
}

/** What the index-th figure reports: its verdict, the verdict it shows, its norms. */
function flowState(page: Page, index: number): Promise<FlowState> {
  return page.evaluate(async (index) => {
    const el = document.querySelectorAll('gd-gradient-flow')[index] as HTMLElement & {
      verdict: string; layerErrorNorms: number[]; layerGradientNorms: number[]; status: string; updateComplete: Promise<unknown>;
    };
    el.scrollIntoView();
    await el.updateComplete;
    return {
      verdict: el.verdict,
      verdictText: el.shadowRoot!.querySelector('.verdict')?.textContent?.trim() ?? '',
      errors: el.layerErrorNorms,
      weights: el.layerGradientNorms,
      status: el.status,
    };
  }, index);
}

/** Plays the index-th figure to its end, fast and in view; its gd-stop detail and status. */
function runFlow(page: Page, index: number) {
  return page.evaluate(async (index) => {
    const el = document.querySelectorAll('gd-gradient-flow')[index] as HTMLElement & {
      speed?: number; status: string; reset(): void; play(): void; updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    el.scrollIntoView();
    el.reset();
    el.speed = 1000;
    const stop = new Promise<{ reason: string; epoch: number; loss: number }>((resolve) => el.addEventListener('gd-stop', (e) => resolve((e as CustomEvent).detail), { once: true }));
    el.play();
    const detail = await stop;
    el.speed = undefined;
    await el.updateComplete;
    return { detail, status: el.status };
  }, index);
}

/** The largest relative difference between two lists of positive numbers. */
function largestRelativeGap(a: number[], b: number[]): number {
  assert.equal(a.length, b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.abs(b[i])));
}

const VERDICT_OPENINGS = {
  en: { vanishing: /^Vanishing: /, exploding: /^Exploding: /, stable: /^Neither vanishing nor exploding: / },
  es: { vanishing: /^Desvanecimiento: /, exploding: /^Explosión: /, stable: /^Ni se desvanece ni explota: / },
};

for (const [lang, path] of Object.entries(FLOW_POSTS) as Array<[keyof typeof FLOW_POSTS, string]>) {
  describe(`the ${lang === 'en' ? 'English' : 'Spanish'} gradient-flow post`, () => {
    let page: Page;
    let report: Report;
    let prose: string;
    before(async () => {
      ({ page, report } = await open(path));
      prose = await page.evaluate(() => document.querySelector('main')?.innerText ?? document.body.innerText);
    });
    after(async () => {
      await page?.close();
    });

    test('loads the bundle once, from the sub-path', async () => {
      await assertOneBundle(page);
    });

    test('every gd-gradient-flow is upgraded, in the page language, in a figure with its caption, with no notes', async () => {
      const els = await upgraded(page, 'gd-gradient-flow');
      assert.equal(els.length, 4, 'sigmoid, ReLU with He, ReLU too large, and clipped');
      for (const [i, el] of els.entries()) {
        assert.ok(el.shadow, `figure ${i} has a shadow root`);
        assert.equal(el.lang, lang);
        assert.equal(el.fallbackRendered, false, `figure ${i}: the fallback hides once the element upgrades`);
        assert.ok(el.width > 200 && el.height > 150, `figure ${i} has a size (${el.width}x${el.height})`);
        assert.ok(el.inFigure && el.caption.length > 20, `figure ${i} is in a figure with a caption`);
      }
      await assertWords(page, 'gd-gradient-flow', FLOW_WORDS[lang]);
      const notes = await page.$$eval('gd-gradient-flow', (els) => els.map((el) => el.shadowRoot!.querySelectorAll('[part~="notes"] li, .notes li').length));
      assert.deepEqual(notes, [0, 0, 0, 0], 'no attribute fell back to a default');
    });

    test("each figure's verdict is the core's, from the same errors, and says so in the page's language", async () => {
      await upgraded(page, 'gd-gradient-flow');
      for (const [i, figure] of FLOW_FIGURES.entries()) {
        const core = flowRun(figure);
        assert.equal(core.verdict, figure.verdict, `the core finds figure ${i} ${core.verdict}`);
        const state = await flowState(page, i);
        assert.equal(state.verdict, core.verdict, `figure ${i}'s verdict`);
        assert.match(state.verdictText, VERDICT_OPENINGS[lang][core.verdict], `figure ${i} shows: ${state.verdictText}`);
        assert.ok(largestRelativeGap(state.errors, core.errors) < 1e-9, `figure ${i}'s errors are the core's`);
        assert.ok(largestRelativeGap(state.weights, core.weights) < 1e-9, `figure ${i}'s weight gradients are the core's`);
      }
    });

    test('the post quotes the errors, ratios and gradients the core computes', async () => {
      const sigmoid = flowRun(FLOW_FIGURES[0]);
      const he = flowRun(FLOW_FIGURES[1]);
      const large = flowRun(FLOW_FIGURES[2]);
      const q = (value: number, digits: number) => quoted(value, digits, lang);
      const quotes = [
        q(sigmoid.errors.at(-1)!, 2), scientific(sigmoid.errors[0], lang), scientific(sigmoid.ratio, lang),
        scientific(sigmoid.weights[0], lang), q(sigmoid.weights.at(-1)!, 3), scientific(sigmoid.ratioAfter, lang),
        q(he.ratio, 2), q(he.weights[0], 2), q(Math.max(...he.weights), 1),
        q(large.errors.at(-1)!, 2), scientific(large.errors[0], lang), scientific(large.ratio, lang), scientific(large.norm, lang),
        scientific(Math.min(...large.weights), lang), scientific(Math.max(...large.weights), lang), q(large.weights[0] / large.weights.at(-1)!, 2),
      ];
      for (const text of quotes) assert.ok(prose.includes(text), `the post quotes ${text}`);
    });

    test('the sigmoid network trains as the core does: the loss it quotes, and its first layers barely move', async () => {
      await upgraded(page, 'gd-gradient-flow');
      const core = flowRun(FLOW_FIGURES[0]);
      const run = await runFlow(page, 0);
      assert.equal(run.detail.reason, 'done');
      assert.equal(run.detail.epoch, 20);
      assert.ok(Math.abs(run.detail.loss - core.history.loss.at(-1)!) < 1e-9, 'the element ends at the core\'s loss');
      for (const loss of [core.history.loss[0], core.history.loss.at(-1)!]) assert.ok(prose.includes(quoted(loss, 3, lang)), `the post quotes the loss ${quoted(loss, 3, lang)}`);
      assert.ok(prose.includes(percent(core.changes.at(-1)!, 1, lang)), `the output layer moved ${percent(core.changes.at(-1)!, 1, lang)}`);
      assert.ok(prose.includes(scientific(core.changes[0], lang)), `the first layer moved ${scientific(core.changes[0], lang)}`);
      assert.ok(core.changes[0] < 1e-6 && core.changes.at(-1)! > 1e-2, 'the first layer moves less than a millionth, the last by percents');
      const state = await flowState(page, 0);
      assert.equal(state.verdict, 'vanishing', 'still vanishing after training');
    });

    test('ReLU with He trains as the core does, to the loss it quotes', async () => {
      await upgraded(page, 'gd-gradient-flow');
      const core = flowRun(FLOW_FIGURES[1]);
      const run = await runFlow(page, 1);
      assert.equal(run.detail.reason, 'done');
      assert.ok(Math.abs(run.detail.loss - core.history.loss.at(-1)!) < 1e-9);
      for (const loss of [core.history.loss[0], core.history.loss.at(-1)!]) assert.ok(prose.includes(quoted(loss, 2, lang)), `the post quotes ${quoted(loss, 2, lang)}`);
      assert.ok(prose.includes(percent(core.changes[0], 1, lang)), `the first layer moved ${percent(core.changes[0], 1, lang)}`);
    });

    test('weights too large diverge in the first epoch; clipped at 1 they train all twenty, as the post says', async () => {
      await upgraded(page, 'gd-gradient-flow');
      const core = flowRun(FLOW_FIGURES[2]);
      assert.ok(core.diverged && core.epoch === 0, 'the core diverges in the first epoch');
      const run = await runFlow(page, 2);
      assert.equal(run.detail.reason, 'diverged');
      assert.equal(run.status, 'diverged');
      const clipped = flowRun(FLOW_FIGURES[3]);
      assert.equal(clipped.diverged, false);
      const clippedRun = await runFlow(page, 3);
      assert.equal(clippedRun.detail.reason, 'done');
      assert.equal(clippedRun.detail.epoch, 20);
      assert.ok(Math.abs(clippedRun.detail.loss - clipped.history.loss.at(-1)!) < 1e-9);
      assert.ok(prose.includes(quoted(clipped.history.loss.at(-1)!, 3, lang)));
      assert.ok(prose.includes(percent(Math.min(...clipped.changes), 2, lang)) && prose.includes(percent(Math.max(...clipped.changes), 1, lang)), 'the post quotes the smallest and largest change');
    });

    test("KaTeX's fonts load from the bundle's fonts/ folder", async () => {
      await upgraded(page, 'gd-gradient-flow');
      await assertKatexFonts(page);
    });

    test('no console errors or warnings, failed requests or CSP violations', async () => {
      await upgraded(page, 'gd-gradient-flow');
      await new Promise((r) => setTimeout(r, 1000));
      assertClean(report, await collectCsp(page, report));
      assert.deepEqual(report.consoleWarnings, []);
    });
  });
}

describe('the gradient-flow post on a 360 px phone and without JavaScript', () => {
  for (const path of Object.values(FLOW_POSTS)) {
    test(`/blog/${path}: the page does not scroll sideways, before or after a run`, async () => {
      const { page, report } = await open(path, { width: 360 });
      try {
        await upgraded(page, 'gd-gradient-flow');
        const before = await spill(page, 'gd-gradient-flow');
        assert.ok(before.scrollWidth <= before.innerWidth, `the page scrolls sideways: ${before.scrollWidth} > ${before.innerWidth}`);
        assert.deepEqual(before.found, [], 'nothing reaches outside its element');
        await runFlow(page, 3);
        const afterRun = await spill(page, 'gd-gradient-flow');
        assert.ok(afterRun.scrollWidth <= afterRun.innerWidth, `after running, the page scrolls sideways: ${afterRun.scrollWidth} > ${afterRun.innerWidth}`);
        assert.deepEqual(afterRun.found, []);
        assertClean(report, await collectCsp(page, report));
      } finally {
        await page.close();
      }
    });
  }

  const cases: Array<[string, string, RegExp]> = [
    ['en', FLOW_POSTS.en, /^Interactive figure: how the gradient flows back through 10 (sigmoid|ReLU) layers\. It needs JavaScript\.$/],
    ['es', FLOW_POSTS.es, /^Figura interactiva: cómo fluye el gradiente hacia atrás a través de 10 capas (sigmoide|ReLU)\. Necesita JavaScript\.$/],
  ];
  for (const [lang, path, text] of cases) {
    test(`the ${lang} gradient-flow post shows each figure's fallback text`, async () => {
      const { page } = await open(path, { javascript: false });
      try {
        const fallbacks = await page.$$eval('gd-gradient-flow > .gd-fallback', (nodes) => nodes.map((node) => ({ text: getComputedStyle(node, '::before').content.match(/^"(.*)"$/)?.[1] ?? node.textContent ?? '', visible: node.getClientRects().length > 0 })));
        assert.equal(fallbacks.length, 4);
        for (const f of fallbacks) {
          assert.ok(f.visible);
          assert.match(f.text, text);
        }
      } finally {
        await page.close();
      }
    });
  }
});

describe('the gradient-flow shortcode and its element agree', () => {
  test('every value the build lets through is one the element accepts: no notes, no warnings', async () => {
    const site = copyDemo('flow-accepted');
    const outDir = join(dirname(site), 'public');
    const local = await startStaticServer({ prefix: '/blog/' });
    try {
      writeFileSync(
        join(site, 'content/en/posts/accepted.md'),
        [
          '---', 'title: "Accepted"', 'date: 2025-01-01', '---', '',
          '{{< gd-gradient-flow depth=1 width=2 activation="Tanh" init="He" samples=4 batch-size=4 seed=0 >}}',
          '{{< gd-gradient-flow depth=20 width=16 activation="ReLU" init="normal" init-scale=10 clip=0.001 lr=10 epochs=500 speed=1000 >}}',
          '{{< gd-gradient-flow dataset="Spiral" samples=2000 batch-size=2000 seed=2147483647 init-scale=0.01 controls="compact" theme="dark" >}}',
          '{{< gd-gradient-flow dataset="sine" batch-size=1 epochs=1 controls="none" >}}',
          '',
        ].join('\n'),
      );
      const run = hugoBuild(site, outDir, local.url);
      assert.equal(run.status, 0, run.output);
      local.root = outDir;
      const page = await browser.newPage();
      const warnings: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'warn' || msg.type() === 'error') warnings.push(`${msg.type()}: ${msg.text()}`);
      });
      try {
        await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
        await page.goto(local.url + 'posts/accepted/', { waitUntil: 'networkidle0' });
        await page.waitForFunction(() => customElements.get('gd-gradient-flow'), { timeout: 15_000 });
        const notes = await page.evaluate(async () => {
          const els = [...document.querySelectorAll('gd-gradient-flow')] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
          await Promise.all(els.map((el) => el.updateComplete));
          return els.map((el) => [...(el.shadowRoot?.querySelectorAll('.notes li') ?? [])].map((li) => li.textContent ?? ''));
        });
        assert.equal(notes.length, 4);
        assert.deepEqual(notes, [[], [], [], []], 'no element replaced a value with its default');
        assert.deepEqual(warnings, []);
      } finally {
        await page.close();
      }
    } finally {
      await local.close();
      removeTemp(dirname(site));
    }
  });
});
