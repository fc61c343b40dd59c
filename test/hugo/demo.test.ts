/**
 * End to end: hugo-demo built under a sub-path (/blog/), served with a strict
 * Content-Security-Policy (default-src 'self'), loaded in Chromium. Every
 * <gd-explorer> upgrades and works, in English and Spanish, with no console errors,
 * failed requests or CSP violations, and with KaTeX's fonts loaded.
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

const POSTS = {
  en: 'posts/gradient-descent-explorer/',
  es: 'es/posts/descenso-del-gradiente-explorador/',
};
const LR_POSTS = {
  en: 'posts/learning-rate/',
  es: 'es/posts/tasa-de-aprendizaje/',
};
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
  const woff2 = server.requests.filter((r) => r.url.endsWith('.woff2'));
  assert.ok(woff2.length > 0, 'fonts were fetched');
  for (const r of woff2) {
    assert.match(r.url, /^\/blog\/gd-widgets\/fonts\//);
    assert.equal(r.status, 200, r.url);
    assert.equal(r.contentType, 'font/woff2', r.url);
  }
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
      const scripts = await page.$$eval('script[type="module"]', (nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
      assert.deepEqual(scripts, [`${server.origin}/blog/gd-widgets/gd-widgets.js`], 'exactly one module script tag');
      const bundle = server.requests.find((r) => r.url === '/blog/gd-widgets/gd-widgets.js');
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
  criticalRates: { optimal: number; limit: number } | null;
  labels: string[];
}

/** The read-only state and the shown labels of every <gd-lr-slider> on the page. */
function sliderStates(page: Page): Promise<SliderState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('gd-lr-slider')].map((el) => {
      const s = el as HTMLElement & { regime: Regime; regimes: Regime[]; criticalRates: { optimal: number; limit: number } | null };
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
      const scripts = await page.$$eval('script[type="module"]', (nodes) => nodes.map((n) => (n as HTMLScriptElement).src));
      assert.deepEqual(scripts, [`${server.origin}/blog/gd-widgets/gd-widgets.js`]);
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
      assert.deepEqual(parabola.criticalRates, { optimal: 0.5, limit: 1 }, 'L = 2 for x²');
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
              for (const node of el.shadowRoot?.querySelectorAll('*') ?? []) {
                const r = node.getBoundingClientRect();
                if (r.width > 0 && (r.left < host.left - 1 || r.right > host.right + 1)) {
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
          nodes.map((n) => ({ text: n.textContent ?? '', visible: n.getClientRects().length > 0 })),
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
          nodes.map((n) => ({ text: n.textContent ?? '', visible: n.getClientRects().length > 0 })),
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
