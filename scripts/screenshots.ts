/**
 * Screenshots of every demo post, as a reader sees it after pressing play: English and
 * Spanish, light and dark, a 320 px phone and a 900 px desktop. The demo is built under
 * /blog/ and served with the strict Content-Security-Policy, like `npm run demo:csp`.
 *
 *   node --import tsx scripts/screenshots.ts [--out /tmp/gd-shots] [--only learning-rate]
 *
 * Writes <out>/<slug>-<lang>-<theme>-<width>-<n>.png, one per figure, and prints each
 * path. Look at them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startStaticServer } from '../test/hugo/static-server.js';
import { ELEMENT_SPECS } from '../src/spec/index.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'gd-shots') },
    only: { type: 'string' },
    play: { type: 'string', default: '4000' },
  },
});

const root = fileURLToPath(new URL('../', import.meta.url));
const site = mkdtempSync(join(tmpdir(), 'gd-widgets-shots-'));
const server = await startStaticServer({ prefix: '/blog/' });
const build = spawnSync('hugo', ['-s', join(root, 'hugo-demo'), '-d', site, '--baseURL', server.url, '--noBuildLock'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(build.stderr);
server.root = site;

const slugs = readdirSync(join(root, 'hugo-demo/content/en/posts'))
  .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
  .map((f) => f.replace(/\.md$/, ''))
  .filter((slug) => !values.only || slug === values.only);
/** A post's URL path in a language: the Spanish posts have slugs of their own. */
function postPath(slug: string, lang: string): string {
  if (lang === 'en') return `posts/${slug}/`;
  const front = readFileSync(join(root, `hugo-demo/content/${lang}/posts/${slug}.md`), 'utf8');
  return `${lang}/posts/${/^slug:\s*"?([^"\n]+)"?/m.exec(front)?.[1] ?? slug}/`;
}
mkdirSync(values.out, { recursive: true });

const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
try {
  for (const slug of slugs) {
    for (const lang of ['en', 'es']) {
      for (const theme of ['light', 'dark'] as const) {
        for (const width of [320, 900]) {
          const page = await browser.newPage();
          page.on('pageerror', (error) => console.log(`  page error: ${error}`));
          await page.setViewport({ width, height: 900 });
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
          await page.goto(`${server.url}${postPath(slug, lang)}`, { waitUntil: 'networkidle0' });
          // Press play on every figure, as a reader would, then let them run.
          await page.evaluate(async () => {
            const figures = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('gd-'));
            for (const el of figures) {
              await customElements.whenDefined(el.localName);
              el.scrollIntoView();
              await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
              (el as unknown as { play(): void }).play();
            }
            window.scrollTo(0, 0);
          });
          await new Promise((r) => setTimeout(r, Number(values.play)));
          // One picture per figure (with its caption), legible where a whole page is not.
          const widgets = await page.$$(ELEMENT_SPECS.map((spec) => spec.tag).join(', '));
          for (const [i, widget] of widgets.entries()) {
            const figure = (await widget.evaluateHandle((el) => el.closest('figure.gd-figure') ?? el)).asElement()!;
            const path = join(values.out, `${slug}-${lang}-${theme}-${width}-${i + 1}.png`);
            await figure.screenshot({ path });
            console.log(path);
          }
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
