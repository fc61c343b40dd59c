/**
 * src/formula/katex-styles.ts is generated from the installed KaTeX and committed: it
 * must equal a fresh generation, carry no @font-face (useless in shadow roots), and name
 * only fonts that exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KATEX_STYLES_PATH, katexStylesModule } from '../../scripts/generate-katex-styles.mjs';
import { katexDistDir, katexVersion, readKatexCss, splitKatexCss } from '../../scripts/katex-css.mjs';
import { KATEX_CSS_VERSION, katexFontFaces, katexStyles } from '../../src/formula/katex-styles.js';

test('the committed katex-styles.ts equals a fresh generation', () => {
  assert.ok(
    readFileSync(KATEX_STYLES_PATH, 'utf8') === katexStylesModule(),
    'src/formula/katex-styles.ts is stale: run `node scripts/generate-katex-styles.mjs` and commit it',
  );
  assert.equal(KATEX_CSS_VERSION, katexVersion());
});

test('katexStyles is all of KaTeX\'s CSS but the @font-face rules', () => {
  const css = katexStyles.cssText;
  assert.doesNotMatch(css, /@font-face/);
  assert.match(css, /^\.katex\{font:normal 1\.21em KaTeX_Main/);
  assert.equal(css, splitKatexCss(readKatexCss()).rules);
  const original = readKatexCss();
  const faces = original.match(/@font-face\{[^}]*\}/g) ?? [];
  assert.equal(faces.length, 20);
  assert.equal(original.trim().length - css.length, faces.join('').length, 'only the @font-face rules are gone');
});

test('every font face names a woff2 file KaTeX ships', () => {
  assert.equal(katexFontFaces.length, 20);
  const fonts = join(katexDistDir(), 'fonts');
  for (const face of katexFontFaces) {
    assert.match(face.file, /^KaTeX_[A-Za-z0-9]+-[A-Za-z]+\.woff2$/);
    assert.ok(existsSync(join(fonts, face.file)), face.file);
    assert.ok(['400', '700'].includes(face.weight), `${face.file} weight ${face.weight}`);
    assert.ok(['normal', 'italic'].includes(face.style), `${face.file} style ${face.style}`);
  }
  assert.deepEqual(
    katexFontFaces.filter((f) => f.family === 'KaTeX_Main').map((f) => `${f.weight} ${f.style}`).sort(),
    ['400 italic', '400 normal', '700 italic', '700 normal'],
  );
});
