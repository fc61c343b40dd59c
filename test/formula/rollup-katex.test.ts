/**
 * The Rollup plugin puts KaTeX's woff2 fonts in fonts/ next to the bundle, with KaTeX's
 * names and bytes, the same on every build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { katexFonts } from '../../scripts/rollup-katex.mjs';
import { katexDistDir } from '../../scripts/katex-css.mjs';
import { katexFontFaces } from '../../src/formula/katex-styles.js';

test('the bundle folder gets fonts/ with every face KaTeX declares', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-widgets-katex-fonts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, "export const fonts = new URL('./fonts/', import.meta.url);\n");
  const build = async (out: string) => {
    const bundle = await rollup({ input: entry, plugins: [katexFonts()] });
    await bundle.write({ file: join(dir, out, 'gd-widgets.js'), format: 'es' });
    await bundle.close();
    return readdirSync(join(dir, out, 'fonts')).sort();
  };
  const first = await build('a');
  const second = await build('b');
  const expected = [...new Set(katexFontFaces.map((f) => f.file))].sort();
  assert.deepEqual(first, expected);
  assert.deepEqual(second, expected);
  for (const file of expected) {
    const shipped = readFileSync(join(katexDistDir(), 'fonts', file));
    assert.ok(readFileSync(join(dir, 'a', 'fonts', file)).equals(shipped), `${file} is KaTeX's file`);
    assert.ok(readFileSync(join(dir, 'b', 'fonts', file)).equals(shipped), `${file} is the same on a second build`);
  }
  assert.deepEqual(readdirSync(join(dir, 'a')).sort(), ['fonts', 'gd-widgets.js']);
});
