/**
 * The widgets in the habits of real Hugo themes. Each site here is a small theme of
 * our own that reproduces one convention of a popular one, built with Debian's Hugo
 * under a sub-path and loaded in Chromium under a strict Content-Security-Policy:
 *
 *   stack     html { font-size: 62.5% }, <html data-scheme="dark">, full-content RSS,
 *             a summary, description and JSON-LD from .Summary, a JSON search index
 *   book      a `hint` callout that renders its content as Markdown (which drops raw
 *             HTML), centred figures, dark only through prefers-color-scheme
 *   ananke    no dark mode (near-white body), browser-default figure margins
 *   papermod  body.dark removed without adding a light class, with a transition
 *   relearn   <html data-r-theme-variant="relearn-dark">
 *   slides    a slide scaled with a CSS transform, as reveal.js does
 *
 * and the module route: the repository imported as a Hugo Module with a replacement.
 *
 * GD_SCREENSHOTS=/tmp/themes saves a full-page PNG of each page the tests look at, to
 * look at with your own eyes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { freePort, hugoBuild, launchChromium, removeTemp, repoRoot, tempDir, until, writeFiles } from './helpers.js';
import { startStaticServer, type StaticServer } from './static-server.js';

// ---- the sites ----

type Files = Record<string, string>;

/** A page template: the <html> and <body> attributes and the theme's stylesheet are each site's. */
function baseof(htmlAttributes: string, bodyAttributes: string): string {
  return `<!doctype html>
<html lang="{{ site.Language.Lang }}" ${htmlAttributes}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify }}{{ end }}">
<link rel="stylesheet" href="{{ "theme.css" | relURL }}">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", "headline": {{ .Title }}, "description": {{ .Summary | plainify }}}</script>
</head>
<body ${bodyAttributes}><main>{{ block "main" . }}{{ end }}</main></body>
</html>
`;
}

/** What every site has: config, page layouts, a full-content RSS feed and a JSON search index. */
function site(options: { html?: string; body?: string; css: string; config?: string; files?: Files }): Files {
  return {
    'hugo.toml': `title = "Theme habits"
theme = ["gd-widgets"]
disableKinds = ["taxonomy", "term"]
[outputFormats.llms]
  mediaType = "text/plain"
  baseName = "llms"
  isPlainText = true
[outputs]
  home = ["HTML", "RSS", "JSON", "llms"]
${options.config ?? ''}`,
    'layouts/_default/baseof.html': baseof(options.html ?? '', options.body ?? ''),
    'layouts/_default/single.html': '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}',
    'layouts/_default/list.html':
      '{{ define "main" }}{{ range .RegularPages }}<article class="summary"><h2>{{ .Title }}</h2><div class="summary-text">{{ .Summary }}</div></article>{{ end }}{{ end }}',
    'layouts/index.html':
      '{{ define "main" }}{{ range site.RegularPages }}<article class="summary"><h2>{{ .Title }}</h2><div class="summary-text">{{ .Summary }}</div></article>{{ end }}{{ end }}',
    // Stack and Hextra put whole posts in their feeds.
    'layouts/index.rss.xml': `<rss version="2.0"><channel><title>{{ site.Title }}</title><link>{{ site.BaseURL }}</link>
{{ range site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>`,
    // PaperMod's search index: each page's plain text.
    'layouts/index.json':
      '[{{ range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}{"title": {{ $p.Title | jsonify }}, "permalink": {{ $p.Permalink | jsonify }}, "content": {{ $p.Plain | jsonify }}}{{ end }}]',
    // A plain-text output, as sites publish llms.txt.
    'layouts/index.llms.txt': '{{ range site.RegularPages }}# {{ .Title }}\n{{ .Plain }}\n{{ end }}',
    'static/theme.css': options.css,
    ...options.files,
  };
}

/** A post that opens with a figure, as a teacher's post often does. */
const OPENING_POST = `---
title: "Descent"
---
{{< gd-explorer surface="rosenbrock" lr="0.001" >}}

Gradient descent walks downhill. A teacher's first picture is a bowl.

{{< gd-explorer id="valley" surface="ravine" fallback="Rosenbrock's valley, drawn step by step" caption="The *valley*" >}}

{{< gd-explorer surface="himmelblau" >}}
`;

const SITES: Record<string, Files> = {
  stack: site({
    html: 'data-scheme="dark"',
    css: `html { font-size: 62.5%; }
body { font-size: 1.6rem; background: #f5f5fa; color: #222; }
[data-scheme="dark"] body { background: #303030; color: #eee; }`,
    files: { 'content/posts/descent.md': OPENING_POST },
  }),
  book: site({
    css: `body { background: #fff; color: #222; }
@media (prefers-color-scheme: dark) { body { background: #1c1c1e; color: #e0e0e0; } }
figure { text-align: center; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.1em; line-height: 2.4; }
.book-hint { border-left: 4px solid #6bf; padding: 0 1rem; }`,
    files: {
      // hugo-book's hint: the content rendered as Markdown.
      'layouts/shortcodes/hint.html': '<blockquote class="book-hint {{ .Get 0 }}">{{ .Inner | markdownify }}</blockquote>',
      'content/posts/callout.md': `---
title: "Callout"
---
Some prose.

{{< hint info >}}
**Try it.** Drag the start point.

{{< gd-explorer surface="bowl" lr="0.1" >}}
{{< /hint >}}

{{< gd-lr-slider caption="Rates, *side by side*" compare="0.01,0.45,0.9" >}}
`,
    },
  }),
  ananke: site({
    body: 'class="ma0 avenir bg-near-white"',
    css: `.bg-near-white { background-color: #f4f4f4; }
.avenir { font-family: 'avenir next', avenir, sans-serif; }
.ma0 { margin: 0; }
main { padding: 0 16px; }`,
    files: {
      'content/posts/phone.md': `---
title: "Phone"
---
Text first.

{{< gd-explorer surface="himmelblau" caption="Four minima" >}}
`,
    },
  }),
  papermod: site({
    body: 'class="dark"',
    css: `body { background: #fff; color: #1f1f1f; transition: background-color 0.2s, color 0.2s; }
body.dark { background: rgb(29, 30, 32); color: rgb(218, 218, 219); }`,
    files: { 'content/posts/toggle.md': '---\ntitle: "Toggle"\n---\nText.\n\n{{< gd-explorer surface="bowl" >}}\n' },
  }),
  relearn: site({
    html: 'data-r-theme-variant="relearn-dark"',
    css: `html[data-r-theme-variant$="-dark"] body { background: #202028; color: #e0e0e0; }
html[data-r-theme-variant$="-light"] body { background: #fff; color: #222; }`,
    files: { 'content/posts/variant.md': '---\ntitle: "Variant"\n---\nText.\n\n{{< gd-explorer surface="bowl" >}}\n' },
  }),
  slides: site({
    css: `.slides { width: 960px; transform: scale(0.6); transform-origin: 0 0; }
body { margin: 0; background: #fff; }`,
    files: {
      'layouts/_default/single.html':
        '{{ define "main" }}{{ if .Params.slides }}<div class="reveal"><div class="slides"><section>{{ .Content }}</section></div></div>{{ else }}<div class="page">{{ .Content }}</div>{{ end }}{{ end }}',
      'content/posts/slide.md': '---\ntitle: "Slide"\nslides: true\n---\n{{< gd-explorer surface="bowl" controls="none" >}}\n',
      'content/posts/flat.md': '---\ntitle: "Flat"\n---\n{{< gd-explorer surface="bowl" controls="none" >}}\n',
    },
  }),
};

/** Writes a site into a fresh folder with themes/gd-widgets pointing at this repository. */
function writeSite(label: string, files: Files): string {
  const dir = join(tempDir(`theme-${label}`), 'site');
  writeFiles(dir, files);
  mkdirSync(join(dir, 'themes'), { recursive: true });
  symlinkSync(repoRoot, join(dir, 'themes', 'gd-widgets'), 'dir');
  return dir;
}

// ---- the browser ----

let server: StaticServer;
let browser: Browser;
let profile: string;
const builds: Record<string, { dir: string; out: string; output: string }> = {};

before(async () => {
  server = await startStaticServer({ prefix: '/blog/' });
  ({ browser, profile } = await launchChromium());
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (profile) removeTemp(profile);
  for (const { dir } of Object.values(builds)) removeTemp(dirname(dir));
});

/** Builds a site once for the file (under the server's sub-path) and serves it. */
function build(name: string): { out: string; output: string; read(path: string): string } {
  if (!builds[name]) {
    const dir = writeSite(name, SITES[name]);
    const out = join(dirname(dir), 'public');
    const run = hugoBuild(dir, out, server.url);
    assert.equal(run.status, 0, run.output);
    builds[name] = { dir, out, output: run.output };
  }
  const { out, output } = builds[name];
  return { out, output, read: (path) => readFileSync(join(out, path), 'utf8') };
}

interface Opened {
  page: Page;
  errors: string[];
}

/** Opens a built site's page in Chromium, recording errors, failed requests and CSP violations. */
async function open(name: string, path: string, options: { dark?: boolean; width?: number; javascript?: boolean } = {}): Promise<Opened> {
  build(name);
  server.root = builds[name].out;
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 900, height: 1000 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: options.dark ? 'dark' : 'light' }]);
  if (options.javascript === false) await page.setJavaScriptEnabled(false);
  await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
  const errors: string[] = [];
  // Chromium asks for /favicon.ico on its own, outside the site's /blog/; these sites have none.
  const ours = (url: string) => !url.endsWith('/favicon.ico');
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (!ours(m.location().url ?? '')) return;
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && ours(r.url())) errors.push(`${r.status()} ${r.url()}`);
  });
  const response = await page.goto(server.url + path, { waitUntil: 'networkidle0', timeout: 30_000 });
  assert.equal(response?.status(), 200, path);
  return { page, errors };
}

/** With GD_SCREENSHOTS set, a full-page PNG of the page as the test leaves it. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.GD_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: join(folder, `${name}.png`) as `${string}.png`, fullPage: true });
}

/** Waits until the n-th element of `tag` has rendered its shadow root. */
async function rendered(page: Page, tag: string, index = 0): Promise<void> {
  await page.waitForFunction(
    (tag, index) => {
      const el = document.querySelectorAll(tag)[index] as (HTMLElement & { updateComplete?: Promise<boolean> }) | undefined;
      return !!el?.shadowRoot?.querySelector('canvas');
    },
    { timeout: 20_000 },
    tag,
    index,
  );
}

/** Whether the n-th `tag` shows its dark theme (the :state(dark) custom state). */
function isDark(page: Page, tag: string, index = 0): Promise<boolean> {
  return page.evaluate((tag, index) => document.querySelectorAll(tag)[index].matches(':state(dark)'), tag, index);
}

/** XML text as the feed reader sees it: the entities decoded once. */
function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()]!;
  });
}

const FALLBACK_WORDS = /Interactive figure|It needs JavaScript/;

// ---- Stack: feeds, summaries, root font size, data-scheme ----

describe('stack: a post that opens with a figure', () => {
  test('the full-content feed gets each figure as a sentence with a link to it, and no script', () => {
    const { read } = build('stack');
    const rss = read('index.xml');
    const item = decodeXml(rss.match(/<description>([\s\S]*?)<\/description>/)![1]);
    const post = `${server.url}posts/descent/`;
    assert.doesNotMatch(item, /<script|<link|<gd-/, 'no script, stylesheet or element in a feed');
    assert.doesNotMatch(rss, /\/blog\/blog\//, 'no doubled sub-path');
    assert.match(item, /<p class="gd-fallback">Interactive figure: gradient descent on the Rosenbrock surface, learning rate 0\.001\. <a href="([^"]+)">Use it on the page<\/a>\.<\/p>/);
    assert.equal(item.match(/<a href="([^"]+)">Use it on the page/)![1], post);
    // The author's fallback, with its apostrophe written as one, and a link to the figure's id.
    assert.match(item, /<div class="gd-fallback">Rosenbrock(’|'|&rsquo;)s valley, drawn step by step<\/div>\s*<p><a href="[^"]+#valley">Use it on the page<\/a>\.<\/p>/);
    assert.doesNotMatch(item, /&#39;|&amp;#39;/);
    assert.match(item, /Interactive figure: gradient descent on Himmelblau's surface\. <a /, 'an apostrophe is written as one');
    assert.match(item, /<figcaption><p>The <em>valley<\/em><\/p><\/figcaption>/);
  });

  test('a plain-text output gets the sentence and the address of the page', () => {
    const text = build('stack').read('llms.txt');
    assert.match(text, new RegExp(`Interactive figure: gradient descent on the Rosenbrock surface, learning rate 0\\.001\\. ${server.url}posts/descent/`));
    assert.match(text, /Interactive figure: gradient descent on Himmelblau's surface\./);
    assert.doesNotMatch(text, /<|&#39;|JavaScript/);
  });

  test('the fallback sentence is not the summary, the description, the JSON-LD or the search text', () => {
    const { read } = build('stack');
    const html = read('posts/descent/index.html');
    const description = html.match(/<meta name="description" content="([^"]*)">/)![1];
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]);
    const summary = read('index.html').match(/<div class="summary-text">([\s\S]*?)<\/div>/)![1];
    const index = JSON.parse(read('index.json'));
    for (const [what, text] of [['description', description], ['JSON-LD', jsonLd.description], ['summary', summary], ['search index', index[0].content]]) {
      assert.doesNotMatch(text, FALLBACK_WORDS, `${what}: ${text}`);
      assert.doesNotMatch(text, /&#39;/, `${what}: no escaped apostrophe`);
    }
    // They are the post's words instead (so these checks can fail).
    assert.match(description, /Gradient descent walks downhill/);
    assert.match(jsonLd.description, /Gradient descent walks downhill/);
    assert.match(index[0].content, /The valley/, 'the caption is searchable');
  });

  test('without JavaScript the reader sees the sentence, from the page styles', async () => {
    const { page } = await open('stack', 'posts/descent/', { javascript: false });
    const shown = await page.evaluate(() => {
      const p = document.querySelector('gd-explorer .gd-fallback')!;
      return { before: getComputedStyle(p, '::before').content, height: p.getBoundingClientRect().height };
    });
    assert.match(shown.before, /Interactive figure: gradient descent on the Rosenbrock surface, learning rate 0\.001\. It needs JavaScript\./);
    assert.ok(shown.height > 10, 'the sentence takes room on the page');
    await page.close();
  });

  test('text keeps its size under html { font-size: 62.5% }, and the widget is dark with data-scheme="dark"', async () => {
    const { page, errors } = await open('stack', 'posts/descent/');
    await rendered(page, 'gd-explorer');
    const sizes = await page.evaluate(() => {
      const el = document.querySelector('gd-explorer')!;
      const button = el.shadowRoot!.querySelector('button')!;
      return { host: getComputedStyle(el).fontSize, button: parseFloat(getComputedStyle(button).fontSize), root: getComputedStyle(document.documentElement).fontSize };
    });
    assert.equal(sizes.root, '10px', 'the theme shrinks rem');
    assert.equal(sizes.host, '15px');
    assert.ok(sizes.button >= 12, `button text ${sizes.button}px`);
    assert.equal(await isDark(page, 'gd-explorer'), true, 'data-scheme="dark"');
    await shot(page, 'stack-dark');
    await page.evaluate(() => document.documentElement.setAttribute('data-scheme', 'light'));
    await page.waitForFunction(() => !document.querySelector('gd-explorer')!.matches(':state(dark)'), { timeout: 5000 });
    await shot(page, 'stack-light');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the module, the styles and the fonts are fetched with the bundle version', async () => {
    server.requests.length = 0;
    const { page } = await open('stack', 'posts/descent/');
    await rendered(page, 'gd-explorer');
    await page.evaluate(() => document.fonts.ready);
    const versions = server.requests
      .filter((r) => /\/gd-widgets\/(gd-widgets\.js|gd-widgets\.css|fonts\/)/.test(r.url))
      .map((r) => [r.url.split('?')[0], new URL(r.url, 'http://x').searchParams.get('v')] as const);
    assert.ok(versions.some(([url]) => url.endsWith('.woff2')), 'fonts were fetched');
    const bundle = versions.find(([url]) => url.endsWith('gd-widgets.js'))!;
    assert.match(bundle[1] ?? '', /^[0-9a-f]{10}$/);
    for (const [url, v] of versions) if (!url.endsWith('.css')) assert.equal(v, bundle[1], url);
    await page.close();
  });
});

// ---- hugo-book: a callout that renders Markdown, centred figures, CSS-only dark ----

describe('book: a figure inside a Markdown callout', () => {
  test('the build warns with the file and line of the dropped figure', () => {
    const { output, read } = build('book');
    assert.match(output, /WARN.*content\/posts\/callout\.md:6:1: gd-explorer inside \{\{< hint >\}\}.*unsafe = true.*Figures inside callouts/);
    assert.match(read('posts/callout/index.html'), /<blockquote class="book-hint info">[\s\S]*raw HTML omitted[\s\S]*<\/blockquote>/, 'Hugo dropped it');
  });

  test('the figure after the callout still loads: it brings its own script', async () => {
    const { page, errors } = await open('book', 'posts/callout/');
    await rendered(page, 'gd-lr-slider');
    assert.equal(await page.evaluate(() => document.querySelectorAll('gd-explorer').length), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('labels and readouts keep their own alignment, case and spacing in a centred figure', async () => {
    const { page } = await open('book', 'posts/callout/');
    await rendered(page, 'gd-lr-slider');
    const styles = await page.evaluate(() => {
      const el = document.querySelector('gd-lr-slider')!;
      const host = getComputedStyle(el);
      const label = getComputedStyle(el.shadowRoot!.querySelector('label, td, th, output, p')!);
      return { align: host.textAlign, transform: host.textTransform, spacing: host.letterSpacing, size: host.fontSize, labelAlign: label.textAlign, labelTransform: label.textTransform };
    });
    assert.equal(styles.size, '15px');
    assert.ok(['start', 'left'].includes(styles.align), `host text-align ${styles.align}`);
    assert.ok(['start', 'left'].includes(styles.labelAlign), `label text-align ${styles.labelAlign}`);
    assert.equal(styles.transform, 'none');
    assert.equal(styles.labelTransform, 'none');
    assert.equal(styles.spacing, 'normal');
    await page.close();
  });

  test('dark only through prefers-color-scheme: the widget follows the page', async () => {
    for (const dark of [true, false]) {
      const { page } = await open('book', 'posts/callout/', { dark });
      await rendered(page, 'gd-lr-slider');
      assert.equal(await isDark(page, 'gd-lr-slider'), dark, `system ${dark ? 'dark' : 'light'}`);
      await shot(page, `book-${dark ? 'dark' : 'light'}`);
      await page.close();
    }
  });

  test('a site that allows raw HTML keeps the figure in the callout, and gets no warning', () => {
    const files = { ...SITES.book, 'hugo.toml': SITES.book['hugo.toml'] + '[markup.goldmark.renderer]\n  unsafe = true\n' };
    const dir = writeSite('book-unsafe', files);
    const out = join(dirname(dir), 'public');
    try {
      const run = hugoBuild(dir, out, server.url);
      assert.equal(run.status, 0, run.output);
      assert.doesNotMatch(run.output, /WARN/);
      assert.match(readFileSync(join(out, 'posts/callout/index.html'), 'utf8'), /<blockquote class="book-hint info">[\s\S]*<gd-explorer [\s\S]*<\/blockquote>/);
    } finally {
      removeTemp(dirname(dir));
    }
  });
});

// ---- Ananke: no dark mode, default figure margins, a phone ----

describe('ananke: no dark mode, browser-default figures, a 360 px phone', () => {
  test('on a dark system the light page gets a light widget', async () => {
    const { page } = await open('ananke', 'posts/phone/', { dark: true });
    await rendered(page, 'gd-explorer');
    assert.equal(await isDark(page, 'gd-explorer'), false);
    await shot(page, 'ananke-dark-system');
    await page.close();
  });

  test('the figure has no side margins and nothing overflows the column', async () => {
    const { page, errors } = await open('ananke', 'posts/phone/', { width: 360 });
    await rendered(page, 'gd-explorer');
    const layout = await page.evaluate(() => {
      const figure = document.querySelector('figure.gd-figure')!;
      const el = figure.querySelector('gd-explorer')!;
      const frame = el.shadowRoot!.querySelector('[part~="frame"], .frame')!;
      return {
        margin: getComputedStyle(figure).marginLeft,
        width: el.getBoundingClientRect().width,
        column: document.querySelector('main')!.clientWidth - 32,
        pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        frameOverflow: frame.scrollWidth - frame.clientWidth,
      };
    });
    await shot(page, 'ananke-360');
    assert.equal(layout.margin, '0px');
    assert.ok(Math.abs(layout.width - layout.column) < 1, `the widget fills the column: ${layout.width} of ${layout.column}`);
    assert.ok(layout.pageOverflow <= 0, `page overflow ${layout.pageOverflow}`);
    assert.ok(layout.frameOverflow <= 0, `frame overflow ${layout.frameOverflow}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

// ---- PaperMod and Relearn: how they say dark ----

describe('papermod and relearn: what the page shows decides', () => {
  test('body.dark removed without a light class, on a dark system: the widget turns light', async () => {
    const { page } = await open('papermod', 'posts/toggle/', { dark: true });
    await rendered(page, 'gd-explorer');
    assert.equal(await isDark(page, 'gd-explorer'), true, 'body.dark');
    await page.evaluate(() => document.body.classList.remove('dark'));
    await page.waitForFunction(() => !document.querySelector('gd-explorer')!.matches(':state(dark)'), { timeout: 5000 });
    await shot(page, 'papermod-light-on-dark-system');
    await page.close();
  });

  test('data-r-theme-variant="relearn-dark" is dark', async () => {
    const { page } = await open('relearn', 'posts/variant/', { dark: false });
    await rendered(page, 'gd-explorer');
    assert.equal(await isDark(page, 'gd-explorer'), true);
    await shot(page, 'relearn-dark');
    await page.close();
  });
});

// ---- Slides: a figure in a transformed slide ----

describe('slides: a figure in a slide scaled by a CSS transform', () => {
  /** Clicks the plot at a fraction of its drawn box and returns the start point the figure took. */
  async function clickAt(path: string, fx: number, fy: number): Promise<number[]> {
    const { page, errors } = await open('slides', path);
    await rendered(page, 'gd-explorer');
    const box = await page.evaluate(() => {
      const r = document.querySelector('gd-explorer')!.shadowRoot!.querySelector('canvas.plot')!.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    const position = await page.evaluate(() => (document.querySelector('gd-explorer') as unknown as { position: number[] }).position);
    await shot(page, `slides-${path.split('/')[1]}`);
    assert.deepEqual(errors, []);
    await page.close();
    return position;
  }

  test('a click lands where the pointer is, as on an unscaled page', async () => {
    const flat = await clickAt('posts/flat/', 0.3, 0.4);
    const scaled = await clickAt('posts/slide/', 0.3, 0.4);
    assert.ok(flat.every(Number.isFinite));
    assert.ok(Math.hypot(flat[0] - scaled[0], flat[1] - scaled[1]) < 0.1, `flat ${flat}, scaled ${scaled}`);
  });
});

// ---- Authoring tools only under hugo server ----

test('hugo server gives the elements `authoring`; a published build never does', { timeout: 120_000 }, async (t) => {
  const { read } = build('stack');
  const published = read('posts/descent/index.html');
  assert.match(published, /<gd-explorer /);
  assert.doesNotMatch(published, /authoring/);

  const dir = writeSite('server', SITES.stack);
  const port = await freePort();
  const hugo: ChildProcess = spawn('hugo', ['server', '-s', dir, '--port', String(port), '--bind', '127.0.0.1', '--baseURL', `http://127.0.0.1:${port}/blog/`, '--appendPort=false', '--noBuildLock'], {
    detached: true,
    stdio: 'ignore',
  });
  t.after(() => {
    try {
      process.kill(-hugo.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    removeTemp(dirname(dir));
  });
  let html = '';
  await until('hugo server serving the post', async () => {
    html = await fetch(`http://127.0.0.1:${port}/blog/posts/descent/`).then((r) => r.text());
    return html.includes('<gd-explorer');
  }, 60_000);
  const tags = [...html.matchAll(/<gd-explorer [^>]*>/g)].map((m) => m[0]);
  assert.equal(tags.length, 3, html.slice(0, 400));
  for (const tag of tags) assert.match(tag, /\sauthoring=""/);
});

// ---- Hugo Modules ----

describe('as a Hugo Module', () => {
  const MODULE = 'github.com/gd-widgets/gd-widgets';

  test("go.mod names the module path the README imports, and hugo.toml the oldest Hugo it runs on", () => {
    assert.match(readFileSync(join(repoRoot, 'go.mod'), 'utf8'), new RegExp(`^module ${MODULE.replace(/\./g, '\\.')}$`, 'm'));
    assert.match(readFileSync(join(repoRoot, 'hugo.toml'), 'utf8'), /\[module\.hugoVersion\][\s\S]*min = "0\.111\.0"/);
    assert.match(readFileSync(join(repoRoot, 'README.md'), 'utf8'), new RegExp(`path = "${MODULE.replace(/\./g, '\\.')}"`));
  });

  /** A site that imports the module from `folder` through a replacement (no Go needed). */
  function buildModuleSite(folder: string) {
    const dir = join(tempDir('module'), 'site');
    const files: Files = {
      'hugo.toml': `title = "Module"\ndisableKinds = ["taxonomy", "term"]\n[module]\n  replacements = "${MODULE} -> ${folder}"\n  [[module.imports]]\n    path = "${MODULE}"\n`,
      'layouts/_default/single.html': '<!doctype html><html><body>{{ .Content }}</body></html>',
      'layouts/_default/list.html': '<!doctype html><html><body></body></html>',
      'content/posts/m.md': '---\ntitle: "M"\n---\n{{< gd-explorer surface="bowl" >}}\n',
    };
    writeFiles(dir, files);
    const out = join(dirname(dir), 'public');
    return { dir, out, run: hugoBuild(dir, out) };
  }

  test('a site imports it with a replacement, and gets the shortcodes and the bundle', (t) => {
    const { dir, out, run } = buildModuleSite(repoRoot);
    t.after(() => removeTemp(dirname(dir)));
    assert.equal(run.status, 0, run.output);
    assert.doesNotMatch(run.output, /not compatible/);
    assert.match(readFileSync(join(out, 'posts/m/index.html'), 'utf8'), /<gd-explorer surface="bowl"/);
    assert.ok(readFileSync(join(out, 'gd-widgets/gd-widgets.js')).length > 0);
  });

  test("Hugo reads the module's version bounds (a copy that asks for a newer Hugo is flagged)", (t) => {
    const copy = join(tempDir('module-copy'), 'gd-widgets');
    for (const part of ['layouts', 'data', 'static', 'go.mod']) cpSync(join(repoRoot, part), join(copy, part), { recursive: true });
    writeFileSync(join(copy, 'hugo.toml'), readFileSync(join(repoRoot, 'hugo.toml'), 'utf8').replace(/min = "[^"]*"/, 'min = "9.0.0"'));
    const { dir, run } = buildModuleSite(copy);
    t.after(() => {
      removeTemp(dirname(dir));
      removeTemp(dirname(copy));
    });
    assert.match(run.output, /not compatible with this Hugo version/);
  });
});
