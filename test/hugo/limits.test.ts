/**
 * The shortcodes refuse at build time what the elements refuse in the page for its size
 * or its characters: the Hugo partial's limits are the core's, read from the data that
 * scripts/generate-spec.ts writes from the core. (Node only: no Hugo run.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVISIBLE_CHARACTERS, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../../src/core/expression/index.js';
import { MIN_RELATIVE_WIDTH } from '../../src/core/interval.js';
import { repoRoot } from './helpers.js';

const partial = readFileSync(join(repoRoot, 'layouts/partials/gd-widgets/expression.html'), 'utf8');
const catalogues = JSON.parse(readFileSync(join(repoRoot, 'data/gd_widgets/catalogues.json'), 'utf8'));

function assigned(name: string): string {
  const m = partial.match(new RegExp(`\\{\\{- \\$${name} := (.+?) -\\}\\}`));
  assert.ok(m, `no $${name} in expression.html`);
  return m[1];
}

test('the Hugo partial checks the core\'s expression limits', () => {
  assert.equal(assigned('maxLength'), 'int site.Data.gd_widgets.catalogues.expression.maxLength');
  assert.equal(assigned('maxDepth'), 'int site.Data.gd_widgets.catalogues.expression.maxDepth');
  assert.equal(catalogues.expression.maxLength, MAX_EXPRESSION_LENGTH);
  assert.equal(catalogues.expression.maxDepth, MAX_EXPRESSION_DEPTH);
});

test('the Hugo partial refuses the core\'s invisible characters (Go writes \\x{...} for \\u{...})', () => {
  assert.equal(assigned('invisible'), 'site.Data.gd_widgets.catalogues.expression.invisible');
  assert.equal(catalogues.expression.invisible.replaceAll('\\x{', '\\u{'), INVISIBLE_CHARACTERS);
});

test('the Hugo partial that reads domains refuses the core\'s too-narrow ranges', () => {
  const params = readFileSync(join(repoRoot, 'layouts/partials/gd-widgets/params.html'), 'utf8');
  const m = params.match(/\{\{- \$minRelativeWidth := (.+?) -\}\}/);
  assert.ok(m, 'no $minRelativeWidth in params.html');
  assert.equal(m[1], 'site.Data.gd_widgets.catalogues.minRelativeWidth');
  assert.equal(catalogues.minRelativeWidth, MIN_RELATIVE_WIDTH);
});

test('every shortcode that takes an expression goes through objective.html, which checks it', () => {
  const objective = readFileSync(join(repoRoot, 'layouts/partials/gd-widgets/objective.html'), 'utf8');
  assert.match(objective, /partial "gd-widgets\/expression\.html"/);
  for (const tag of ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race']) {
    // The shortcode (and its feed, index and text variants) hands over to its partial, which reads the objective.
    const shortcode = readFileSync(join(repoRoot, `layouts/shortcodes/${tag}.html`), 'utf8');
    assert.match(shortcode, new RegExp(`partial "gd-widgets/shortcodes/${tag}\\.html"`), tag);
    const body = readFileSync(join(repoRoot, `layouts/partials/gd-widgets/shortcodes/${tag}.html`), 'utf8');
    assert.match(body, /partial "gd-widgets\/objective\.html"/, tag);
  }
});
