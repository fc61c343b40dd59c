/**
 * The Hugo side without a browser: hugo-demo builds against this repository as its
 * theme component, the shortcode writes the HTML the design asks for, and bad
 * parameters stop the build with the file and line of the shortcode.
 */
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyDemo, demoDir, hugoBuild, removeTemp, repoRoot, tempDir } from './helpers.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, compileExpression } from '../../src/core/expression/index.js';
import { GD_GRADIENT_FLOW } from '../../src/spec/gd-gradient-flow.js';

const BASE = 'http://127.0.0.1:1/blog/';

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The bundle's and the page styles' published URL: under the sub-path, with the file's content hash. */
function assetUrl(prefix: string, file: string): string {
  const hash = createHash('md5').update(readFileSync(join(repoRoot, 'static/gd-widgets', file))).digest('hex').slice(0, 10);
  return `${prefix}gd-widgets/${file}?v=${hash}`;
}

/**
 * Every widget on the page brings the module script and the page styles (a widget that
 * a callout drops must not take the page's only tag with it), versioned by content.
 */
function assertAssets(html: string, prefix: string): void {
  const widgets = count(html, '<gd-');
  assert.ok(widgets > 0, 'the page has widgets');
  assert.equal(count(html, '<script type="module"'), widgets, 'one module tag per widget');
  assert.equal(count(html, `<script type="module" src="${assetUrl(prefix, 'gd-widgets.js')}"></script>`), widgets);
  assert.equal(count(html, `<link rel="stylesheet" href="${assetUrl(prefix, 'gd-widgets.css')}">`), widgets);
}

function elements(html: string): string[] {
  return [...html.matchAll(/<gd-explorer\b[^>]*>[\s\S]*?<\/gd-explorer>/g)].map((m) => m[0]);
}

test('hugo-demo finds this repository through the committed theme link', () => {
  const link = join(demoDir, 'themes', 'gd-widgets');
  assert.equal(readlinkSync(link), '../..', 'hugo-demo/themes/gd-widgets must be a relative symlink to ../..');
  assert.equal(realpathSync(link), realpathSync(repoRoot));
});

test('hugo -s hugo-demo builds under a sub-path, in English and Spanish', async (t) => {
  const out = tempDir('demo-build');
  t.after(() => removeTemp(out));
  const run = hugoBuild(demoDir, out, BASE);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.output, /\b(WARN|ERROR)\b/, run.output);

  const posts = {
    en: readFileSync(join(out, 'posts/gradient-descent-explorer/index.html'), 'utf8'),
    es: readFileSync(join(out, 'es/posts/descenso-del-gradiente-explorador/index.html'), 'utf8'),
  };

  for (const [lang, html] of Object.entries(posts)) {
    await t.test(`${lang}: every widget brings the module and the page styles, versioned, relative to the sub-path`, () => {
      assertAssets(html, '/blog/');
    });

    await t.test(`${lang}: several explorers, each in a figure with a caption`, () => {
      const found = elements(html);
      assert.ok(found.length >= 4, `expected several <gd-explorer>, found ${found.length}`);
      const figures = [...html.matchAll(/<figure class="gd-figure">\s*(<gd-explorer[\s\S]*?<\/gd-explorer>)\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, found.length, 'every explorer in the demo has a caption');
      for (const [, , caption] of figures) {
        assert.match(caption, /<strong>/, 'captions are Markdown, rendered');
        assert.match(caption, /^<p>[\s\S]*<\/p>$/, 'the caption is a paragraph in the figcaption, like Hugo\'s figure');
      }
    });

    await t.test(`${lang}: the page language reaches every element and its fallback`, () => {
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      for (const el of elements(html)) {
        assert.match(el, new RegExp(` lang="${lang}"`));
        const fallback = lang === 'es' ? /<p class="gd-fallback" data-gd-fallback="Figura interactiva: .*Necesita JavaScript\."><\/p>/ : /<p class="gd-fallback" data-gd-fallback="Interactive figure: .*It needs JavaScript\."><\/p>/;
        assert.match(el, fallback);
      }
    });

    await t.test(`${lang}: attributes as written`, () => {
      const all = elements(html).join('\n');
      assert.match(all, /<gd-explorer surface="rosenbrock" lr="0.001" start="-1.2,1" steps="5000" speed="250" lang="/);
      assert.match(all, /<gd-explorer surface="bowl" lr="1.2" start="1.5,1" steps="40" lang="/);
      assert.match(all, /<gd-explorer expression="x\^2 &#43; 10y\^2" domain="-3,3,-1.5,1.5" lr="0.09"/);
      assert.match(all, /surface="himmelblau"/);
      assert.match(all, /surface="saddle"/);
    });
  }

  await t.test('the pages need no inline style or script (strict CSP)', () => {
    for (const html of Object.values(posts)) {
      assert.doesNotMatch(html, /\sstyle="/);
      assert.doesNotMatch(html, /<style\b/);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'every <script> has a src');
      assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
    }
  });

  await t.test('the bundle is published at gd-widgets/gd-widgets.js', { skip: !hasBundle() && 'the bundle is not built yet' }, () => {
    assert.ok(readFileSync(join(out, 'gd-widgets/gd-widgets.js')).length > 0);
  });
});

function hasBundle(): boolean {
  try {
    return readFileSync(join(repoRoot, 'static/gd-widgets/gd-widgets.js')).length > 0;
  } catch {
    return false;
  }
}

/** A copy of the demo with one extra post; returns the build and the post's HTML. */
function buildWithPost(t: { after: (fn: () => void) => void }, label: string, body: string) {
  const site = copyDemo(label);
  const out = join(dirname(site), 'public');
  t.after(() => removeTemp(dirname(site)));
  const file = join(site, 'content/en/posts/extra.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
  const run = hugoBuild(site, out, BASE);
  const read = () => readFileSync(join(out, 'posts/extra/index.html'), 'utf8');
  return { run, read };
}

// The shortcode sits on line 7 of the post, at column 1.
const post = (shortcode: string) =>
  ['---', 'title: "Extra"', 'date: 2025-01-01', '---', 'Some text.', '', shortcode, '', 'More text.', ''].join('\n');
const LINE = 7;

const failures: Array<[string, string, RegExp]> = [
  ['an unknown surface name', '{{< gd-explorer surface="rosenbruck" >}}', /unknown surface "rosenbruck"; use one of: bowl, ravine, rosenbrock/],
  ['a learning rate that is not a number', '{{< gd-explorer surface="bowl" lr="fast" >}}', /"lr" must be a number/],
  ['an unknown optimizer', '{{< gd-explorer optimizer="sgd" >}}', /unknown optimizer "sgd"; use one of: gd, momentum, nesterov, rmsprop, adam, adagrad/],
  ['a malformed start point', '{{< gd-explorer start="1, two" >}}', /"start" must be a point "x,y"/],
  ['a negative learning rate', '{{< gd-explorer lr=-0.1 >}}', /"lr" must be a number greater than 0 and at most 10, not "-0.1"/],
  ['a step count that is not a whole number', '{{< gd-explorer steps="2.5" >}}', /"steps" must be a whole number from 1 to 100000, not "2.5"/],
  ['a step count above the limit', '{{< gd-explorer steps=200000 >}}', /"steps" must be a whole number from 1 to 100000, not "200000"/],
  ['a start point outside the surface', '{{< gd-explorer surface="saddle" start="3,0" >}}', /start "3,0" is outside the saddle domain -2,2,-2,2/],
  ['a start point outside an expression\'s domain', '{{< gd-explorer expression="x^2" domain="0,1,0,1" start="2,0.5" >}}', /start "2,0.5" is outside the domain 0,1,0,1/],
  ['a domain whose min is not below its max', '{{< gd-explorer expression="x^2" domain="3,-3,-2,2" >}}', /"domain" must give each range as min,max with min < max/],
  ['a momentum coefficient of 1', '{{< gd-explorer optimizer="momentum" beta="1" >}}', /"beta" must be a number from 0 to 0.9999, not "1"/],
  ['a boolean that is not true or false', '{{< gd-explorer autoplay="yes" >}}', /"autoplay" must be true or false/],
  ['an unknown controls value', '{{< gd-explorer controls="bogus" >}}', /unknown controls "bogus"; use one of: full, compact, none/],
  ['authoring, which only hugo server sets', '{{< gd-explorer authoring=true >}}', /"authoring" is not a parameter: every widget shows the author tools under hugo server/],
  ['an unknown parameter', '{{< gd-explorer learning-rate="0.1" >}}', /unknown parameter "learning-rate"; it takes: surface, expression/],
  ['positional parameters', '{{< gd-explorer "rosenbrock" >}}', /takes named parameters/],
];

for (const [what, shortcode, message] of failures) {
  test(`the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode, 'the test post puts the shortcode on line 7');
    const { run } = buildWithPost(t, 'bad', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-explorer: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

// ---- expressions too long, too deep, or with invisible characters ----

const huge = Array(151).fill('x').join('^');
const expressionFailures: Array<[string, string, RegExp]> = [
  ['an expression over the length limit', `{{< gd-explorer expression="${'x+'.repeat(300)}x" >}}`, new RegExp(`"expression" is too long: 601 characters, at most ${MAX_EXPRESSION_LENGTH}`)],
  ['150 powers in a row', `{{< gd-explorer expression="${huge}" >}}`, new RegExp(`"expression" is nested too deeply: 150 levels, at most ${MAX_EXPRESSION_DEPTH} of parentheses, signs, powers and fractions`)],
  ['sqrt nested 30 deep', `{{< gd-explorer expression="${'sqrt('.repeat(30)}x${')'.repeat(30)}" >}}`, /"expression" is nested too deeply: 30 levels/],
  ['30 divisions in a row', `{{< gd-explorer expression="${Array(31).fill('x').join('/')}" >}}`, /"expression" is nested too deeply: 30 levels/],
  ['a zero-width space', '{{< gd-explorer expression="x^2 +\u200b y^2" >}}', /"expression" has an invisible character U\+200B at 5/],
  ['a right-to-left override', '{{< gd-explorer expression="\u202ex^2" >}}', /"expression" has an invisible character U\+202E at 0/],
  ['a domain too narrow next to its values to draw', '{{< gd-explorer expression="x^2" domain="1e15,1000000000000000.5,-1,1" >}}', /"domain" is too narrow next to its values to draw: each range must be wider than 1e-09 of its largest value, not "1e15,1000000000000000.5,-1,1"/],
];

for (const [what, shortcode, message] of expressionFailures) {
  test(`the build fails, naming file and line, for ${what}`, (t) => {
    const { run } = buildWithPost(t, 'bad-expression', post(shortcode));
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-explorer: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

test('a narrow domain that can be drawn passes; a curve\'s too narrow one fails', (t) => {
  const ok = buildWithPost(t, 'narrow-ok', post('{{< gd-explorer expression="x^2" domain="999.999,1000.001,-1,1" start="1000,0" >}}'));
  assert.equal(ok.run.status, 0, ok.run.output);
  const bad = buildWithPost(t, 'narrow-bad', post('{{< gd-lr-slider expression="x^2" domain="1e15,1000000000000000.5" >}}'));
  assert.notEqual(bad.run.status, 0, bad.run.output);
  assert.match(bad.run.output, new RegExp(`extra\\.md:${LINE}:1: gd-lr-slider: "domain" is too narrow next to its values to draw`), bad.run.output);
});

test('the build counts nesting as the parser does: at the limit it passes, one level more it fails, in every widget', (t) => {
  const d = MAX_EXPRESSION_DEPTH;
  const half = d / 2;
  // Expressions exactly MAX_EXPRESSION_DEPTH deep, each in its own way.
  const deepest = [
    'sqrt('.repeat(d) + 'x' + ')'.repeat(d),
    Array(d + 1).fill('x').join('^'),
    Array(d + 1).fill('x').join('/'),
    'x/y*'.repeat(d) + 'x',
    '-'.repeat(d) + 'x',
    'x/(1+'.repeat(half) + 'x' + ')'.repeat(half),
    'x^-'.repeat(half) + 'x',
    'x**-'.repeat(half) + 'x',
    '2^(x*'.repeat(half) + 'x' + ')'.repeat(half),
    '1.5e-3^'.repeat(d) + 'x',
    'x^2/x^2/'.repeat(half) + 'x - 1',
  ];
  const lines = ['---', 'title: "Extra"', 'date: 2025-01-01', '---', ''];
  const tooDeep = new Set<number>();
  deepest.forEach((expression, i) => {
    // The core agrees: at the limit it compiles, in one more pair of parentheses it does not.
    assert.doesNotThrow(() => compileExpression(expression), expression);
    assert.throws(() => compileExpression(`(${expression})`), /nested too deeply/, expression);
    const tag = ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race'][i % 3];
    // gd-lr-slider draws an expression in x alone as a curve: both kinds are checked.
    lines.push(`{{< ${tag} expression="${expression}" >}}`, '');
    lines.push(`{{< ${tag} expression="(${expression})" >}}`, '');
    tooDeep.add(lines.length - 1);
  });
  const { run } = buildWithPost(t, 'depth', lines.join('\n'));
  assert.notEqual(run.status, 0, run.output);
  const failed = new Set([...run.output.matchAll(/extra\.md:(\d+):1: gd-[a-z-]+: "expression" is nested too deeply/g)].map((m) => Number(m[1])));
  assert.deepEqual([...failed].sort((a, b) => a - b), [...tooDeep].sort((a, b) => a - b), run.output);
});

test('a closing tag is a build error that names the file and line', (t) => {
  const { run } = buildWithPost(t, 'closing', post('{{< gd-explorer surface="bowl" >}}Fallback{{< /gd-explorer >}}'));
  assert.notEqual(run.status, 0);
  assert.match(run.output, new RegExp(`extra\\.md:${LINE}:`), run.output);
});

test('attribute values are escaped for HTML, and what the element accepts passes', (t) => {
  const { run, read } = buildWithPost(
    t,
    'escape',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      `{{< gd-explorer expression="x < 1 && y > \\"2\\" 'q'" domain="-3, 3, -2,2" lang="es" theme="dark" ema=true autoplay=false id="edge" class="wide" >}}`,
      '',
      '{{< gd-explorer fallback="Run **this** with <b>JavaScript</b>" tolerance=0.001 eps=1e-8 lr=0.5 >}}',
      '',
      '{{< gd-explorer surface="Saddle" optimizer="ADAM" start="-1.5 0.5" steps=1e3 >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assertAssets(html, '/blog/');
  assert.match(
    html,
    /<gd-explorer id="edge" class="wide" expression="x &lt; 1 &amp;&amp; y &gt; &#34;2&#34; &#39;q&#39;" domain="-3,3,-2,2" ema="" theme="dark" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: descenso del gradiente sobre f\(x, y\) = x &lt; 1 &amp;&amp; y &gt; &#34;2&#34; &#39;q&#39;\. Necesita JavaScript\."><\/p><\/gd-explorer>/,
  );
  assert.doesNotMatch(html, /autoplay/, 'autoplay=false leaves the attribute out');
  assert.doesNotMatch(html, /<figure/, 'no caption, no figure');
  assert.match(html, /<gd-explorer lr="0.5" eps="1e-8" tolerance="0.001" lang="en"><div class="gd-fallback">Run <strong>this<\/strong> with <!-- raw HTML omitted -->JavaScript<!-- raw HTML omitted --><\/div><\/gd-explorer>/);
  assert.match(
    html,
    /<gd-explorer surface="saddle" optimizer="adam" start="-1.5,0.5" steps="1e3" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: Adam on a saddle surface\. It needs JavaScript\."><\/p><\/gd-explorer>/,
    'names in any case, points as the element reads them, whole numbers in exponent form',
  );
});

// ---- gd-lr-slider ----

function sliders(html: string): string[] {
  return [...html.matchAll(/<gd-lr-slider\b[^>]*>[\s\S]*?<\/gd-lr-slider>/g)].map((m) => m[0]);
}

test('the learning-rate post builds in English and Spanish with three gd-lr-slider figures', async (t) => {
  const out = tempDir('demo-build-lr');
  t.after(() => removeTemp(out));
  const run = hugoBuild(demoDir, out, BASE);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.output, /\b(WARN|ERROR)\b/, run.output);

  const posts = {
    en: readFileSync(join(out, 'posts/learning-rate/index.html'), 'utf8'),
    es: readFileSync(join(out, 'es/posts/tasa-de-aprendizaje/index.html'), 'utf8'),
  };
  const fallbacks = {
    en: [
      'Interactive figure: how the learning rate changes gradient descent on f(x) = x^2. It needs JavaScript.',
      'Interactive figure: gradient descent on f(x) = x^2 with learning rates 0.01, 0.45 and 0.9 side by side. It needs JavaScript.',
      'Interactive figure: how the learning rate changes gradient descent on a narrow ravine, starting at learning rate 0.099. It needs JavaScript.',
    ],
    es: [
      'Figura interactiva: cómo influye la tasa de aprendizaje en el descenso del gradiente sobre f(x) = x^2. Necesita JavaScript.',
      'Figura interactiva: descenso del gradiente sobre f(x) = x^2 con tasas de aprendizaje 0,01; 0,45 y 0,9 lado a lado. Necesita JavaScript.',
      'Figura interactiva: cómo influye la tasa de aprendizaje en el descenso del gradiente sobre un barranco estrecho, empezando con tasa de aprendizaje 0,099. Necesita JavaScript.',
    ],
  };

  for (const [lang, html] of Object.entries(posts) as Array<[keyof typeof posts, string]>) {
    await t.test(`${lang}: every widget brings the module and the page styles, versioned, relative to the sub-path`, () => {
      assertAssets(html, '/blog/');
    });

    await t.test(`${lang}: the three figures, as written, in the page language, each with a caption`, () => {
      const found = sliders(html);
      assert.deepEqual(
        found.map((el) => el.match(/^<gd-lr-slider[^>]*>/)![0]),
        [
          `<gd-lr-slider start="2" lang="${lang}">`,
          `<gd-lr-slider compare="0.01,0.45,0.9" start="2" lang="${lang}">`,
          `<gd-lr-slider surface="ravine" lr="0.099" lang="${lang}">`,
        ],
      );
      assert.deepEqual(
        found.map((el) => el.match(/<p class="gd-fallback" data-gd-fallback="([^"]*)"><\/p>/)?.[1]),
        fallbacks[lang],
      );
      const figures = [...html.matchAll(/<figure class="gd-figure">\s*(<gd-lr-slider[\s\S]*?<\/gd-lr-slider>)\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, 3, 'every figure in the post has a caption');
      for (const [, , caption] of figures) assert.match(caption, /<strong>/, 'captions are Markdown, rendered');
    });

    await t.test(`${lang}: no inline style or script (strict CSP)`, () => {
      assert.doesNotMatch(html, /\sstyle="/);
      assert.doesNotMatch(html, /<style\b/);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    });
  }

  await t.test('the explorer post links the learning-rate post, in each language', () => {
    assert.match(readFileSync(join(out, 'posts/gradient-descent-explorer/index.html'), 'utf8'), /href="\/blog\/posts\/learning-rate\/"/);
    assert.match(readFileSync(join(out, 'es/posts/descenso-del-gradiente-explorador/index.html'), 'utf8'), /href="\/blog\/es\/posts\/tasa-de-aprendizaje\/"/);
  });
});

const lrFailures: Array<[string, string, RegExp]> = [
  ['an unknown surface name', '{{< gd-lr-slider surface="rosenbruck" >}}', /unknown surface "rosenbruck"; use one of: bowl, ravine, rosenbrock/],
  ['a compare list with a word in it', '{{< gd-lr-slider compare="0.01,fast,0.9" >}}', /"compare" must be a list of up to 4 numbers greater than 0 and at most 1000000, separated by commas, like compare="0.01,0.45,0.9", not "0.01,fast,0.9"/],
  ['a compare list with a negative rate', '{{< gd-lr-slider compare="0.1,-0.5" >}}', /"compare" must be a list of up to 4 numbers greater than 0/],
  ['a compare list with a zero rate', '{{< gd-lr-slider compare="0, 0.5" >}}', /"compare" must be a list of up to 4 numbers greater than 0/],
  ['a compare list of five rates', '{{< gd-lr-slider compare="0.1,0.2,0.3,0.4,0.5" >}}', /"compare" must be a list of up to 4 numbers/],
  ['an empty compare list', '{{< gd-lr-slider compare="" >}}', /"compare" must be a list of up to 4 numbers/],
  ['an unknown optimizer', '{{< gd-lr-slider optimizer="sgd" >}}', /unknown optimizer "sgd"; use one of: gd, momentum/],
  ['a learning rate that is not a number', '{{< gd-lr-slider lr="fast" >}}', /"lr" must be a number greater than 0/],
  ['a min-lr that is not a number', '{{< gd-lr-slider min-lr="tiny" >}}', /"min-lr" must be a number greater than 0 and at most 10, not "tiny"/],
  ['min-lr above max-lr', '{{< gd-lr-slider min-lr="0.1" max-lr="0.01" >}}', /the slider's range is empty: min-lr 0.1 must be below max-lr 0.01/],
  ['min-lr equal to max-lr', '{{< gd-lr-slider min-lr="0.5" max-lr="0.5" >}}', /the slider's range is empty: min-lr 0.5 must be below max-lr 0.5/],
  ['a max-lr below the default min-lr', '{{< gd-lr-slider max-lr="1e-6" >}}', /the slider's range is empty: min-lr 1e-5 must be below max-lr 1e-6/],
  ['a learning rate off the slider', '{{< gd-lr-slider min-lr="0.01" lr="0.001" >}}', /"lr" must be on the slider, from min-lr 0.01 to max-lr 10, not "0.001"/],
  ['two start coordinates on the default curve', '{{< gd-lr-slider start="1,2" >}}', /"start" must be a number, not "1,2" \(the default f\(x\) = x\^2 is a curve: no y in the expression, so the start is one number x/],
  ['two start coordinates on a curve expression', '{{< gd-lr-slider expression="sin(x) + x^2/4" start="1 2" >}}', /"start" must be a number, not "1 2" \(f\(x\) = sin\(x\) \+ x\^2\/4 is a curve/],
  ['one start coordinate on a surface expression', '{{< gd-lr-slider expression="x^2 + 10y^2" start="1" >}}', /"start" must be a point "x,y", like start="-1.2,1", not "1" \(f\(x, y\) = x\^2 \+ 10y\^2 uses y, so it is a surface/],
  ['one start coordinate on a named surface', '{{< gd-lr-slider surface="ravine" start="1" >}}', /"start" must be a point "x,y", like start="-1.2,1", not "1" \(the ravine surface has two coordinates\)/],
  ['a start outside the default curve domain', '{{< gd-lr-slider start="4" >}}', /start "4" is outside the default domain -3,3 of a curve f\(x\) \(xmin,xmax\)/],
  ['a start outside a curve\'s domain', '{{< gd-lr-slider expression="exp(x)" domain="0,2" start="3" >}}', /start "3" is outside the domain 0,2 \(xmin,xmax\)/],
  ['a start outside a named surface', '{{< gd-lr-slider surface="ravine" start="-5,0" >}}', /start "-5,0" is outside the ravine domain -4,4,-2,2/],
  ['a surface domain for a curve', '{{< gd-lr-slider expression="x^4 - x^2" domain="-2,2,-1,1" >}}', /"domain" must be 2 numbers separated by commas, not "-2,2,-1,1" \(f\(x\) = x\^4 - x\^2 is a curve: no y in the expression, so the domain is "xmin,xmax"\)/],
  ['a curve domain for a surface expression', '{{< gd-lr-slider expression="x^2 + y^2" domain="-2,2" >}}', /"domain" must be 4 numbers separated by commas, not "-2,2" \(f\(x, y\) = x\^2 \+ y\^2 uses y, so it is a surface/],
  ['an unknown parameter', '{{< gd-lr-slider rates="0.1,0.2" >}}', /unknown parameter "rates"; it takes: surface, expression, domain, optimizer, lr, min-lr, max-lr, compare,/],
];

for (const [what, shortcode, message] of lrFailures) {
  test(`gd-lr-slider: the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode, 'the test post puts the shortcode on line 7');
    const { run } = buildWithPost(t, 'bad-lr', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-lr-slider: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

test('gd-lr-slider: hyphenated attributes, curves and surfaces, escaping, fallbacks in both languages', (t) => {
  const { run, read } = buildWithPost(
    t,
    'lr-ok',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      '{{< gd-lr-slider >}}',
      '',
      '{{< gd-lr-slider expression="sin(x) + x^2/4" domain="-4, 4" start="-3.5" min-lr="0.001" max-lr=100 lr=0.5 optimizer="Adam" >}}',
      '',
      '{{< gd-lr-slider expression="exp(x) + tanh(x)" domain="-1,1" start="+0.5" >}}',
      '',
      '{{< gd-lr-slider expression="x^2 + 10y^2" domain="-3,3,-1.5,1.5" start="-2 1" compare="0.05" lang="es" >}}',
      '',
      '{{< gd-lr-slider surface="Rosenbrock" compare="0.0001; 0.001 0.002" autoplay=true theme="dark" id="rb" class="wide" caption="Three *rates*" >}}',
      '',
      '{{< gd-lr-slider fallback="Needs **JavaScript**" ema=false >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assertAssets(html, '/blog/');
  assert.doesNotMatch(html, /ZgotmplZ/, 'attribute names with a hyphen are written as they are');
  const found = sliders(html);
  assert.deepEqual(found, [
    '<gd-lr-slider lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: how the learning rate changes gradient descent on f(x) = x^2. It needs JavaScript."></p></gd-lr-slider>',
    '<gd-lr-slider expression="sin(x) &#43; x^2/4" domain="-4,4" optimizer="adam" lr="0.5" min-lr="0.001" max-lr="100" start="-3.5" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: how the learning rate changes Adam on f(x) = sin(x) &#43; x^2/4, starting at learning rate 0.5. It needs JavaScript."></p></gd-lr-slider>',
    '<gd-lr-slider expression="exp(x) &#43; tanh(x)" domain="-1,1" start="&#43;0.5" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: how the learning rate changes gradient descent on f(x) = exp(x) &#43; tanh(x). It needs JavaScript."></p></gd-lr-slider>',
    '<gd-lr-slider expression="x^2 &#43; 10y^2" domain="-3,3,-1.5,1.5" compare="0.05" start="-2,1" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: descenso del gradiente sobre f(x, y) = x^2 &#43; 10y^2 con tasa de aprendizaje 0,05. Necesita JavaScript."></p></gd-lr-slider>',
    '<gd-lr-slider id="rb" class="wide" surface="rosenbrock" compare="0.0001,0.001,0.002" autoplay="" theme="dark" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: gradient descent on the Rosenbrock surface with learning rates 0.0001, 0.001 and 0.002 side by side. It needs JavaScript."></p></gd-lr-slider>',
    '<gd-lr-slider lang="en"><div class="gd-fallback">Needs <strong>JavaScript</strong></div></gd-lr-slider>',
  ]);
  assert.match(html, /<figure class="gd-figure">\s*<gd-lr-slider id="rb"[\s\S]*?<\/gd-lr-slider>\s*<figcaption><p>Three <em>rates<\/em><\/p><\/figcaption>\s*<\/figure>/);
});

// ---- gd-momentum-race and gd-batch-trainer ----

function tagged(tag: string, html: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?<\\/${tag}>`, 'g'))].map((m) => m[0]);
}
const openTag = (el: string) => el.match(/^<[^>]*>/)![0];
const fallbackOf = (el: string) => el.match(/<p class="gd-fallback" data-gd-fallback="([^"]*)"><\/p>/)?.[1];

const NEW_POSTS = {
  momentum: { en: 'posts/momentum/', es: 'es/posts/momento-y-nesterov/' },
  batch: { en: 'posts/batch-stochastic-minibatch/', es: 'es/posts/lote-estocastico-mini-lote/' },
  overview: { en: 'posts/gradient-descent-in-four-figures/', es: 'es/posts/descenso-del-gradiente-en-cuatro-figuras/' },
} as const;

test('the momentum, batch and overview posts build in English and Spanish', async (t) => {
  const out = tempDir('demo-build-new');
  t.after(() => removeTemp(out));
  const run = hugoBuild(demoDir, out, BASE);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.output, /\b(WARN|ERROR)\b/, run.output);
  const read = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  for (const lang of ['en', 'es'] as const) {
    const momentum = read(NEW_POSTS.momentum[lang]);
    const batch = read(NEW_POSTS.batch[lang]);
    const overview = read(NEW_POSTS.overview[lang]);

    await t.test(`${lang}: every widget brings the versioned module and page styles, none inline`, () => {
      for (const html of [momentum, batch, overview]) {
        assertAssets(html, '/blog/');
        assert.doesNotMatch(html, /\sstyle="/);
        assert.doesNotMatch(html, /<style\b/);
        assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
        assert.doesNotMatch(html, /raw HTML omitted/, 'the posts use no raw HTML');
      }
    });

    await t.test(`${lang}: the momentum post's three races, as written, each in a figure`, () => {
      const races = tagged('gd-momentum-race', momentum);
      assert.deepEqual(races.map(openTag), [
        `<gd-momentum-race lang="${lang}">`,
        `<gd-momentum-race surface="rosenbrock" optimizers="gd,momentum,nesterov,adam" lrs="0.001,0.001,0.001,0.05" steps="3000" speed="200" lang="${lang}">`,
        `<gd-momentum-race optimizers="gd,momentum" lr="0.5" ema="" lang="${lang}">`,
      ]);
      assert.deepEqual(
        races.map(fallbackOf),
        lang === 'en'
          ? [
              'Interactive figure: a race between momentum and Nesterov momentum on a narrow ravine. It needs JavaScript.',
              'Interactive figure: a race between gradient descent, momentum, Nesterov momentum and Adam on the Rosenbrock surface, learning rates 0.001, 0.001, 0.001 and 0.05. It needs JavaScript.',
              'Interactive figure: a race between gradient descent and momentum in its moving-average form on a narrow ravine, learning rate 0.5. It needs JavaScript.',
            ]
          : [
              'Figura interactiva: carrera entre momento y momento de Nesterov sobre un barranco estrecho. Necesita JavaScript.',
              'Figura interactiva: carrera entre descenso del gradiente, momento, momento de Nesterov y Adam sobre la superficie de Rosenbrock, tasas de aprendizaje 0,001; 0,001; 0,001 y 0,05. Necesita JavaScript.',
              'Figura interactiva: carrera entre descenso del gradiente y momento en su forma de media móvil sobre un barranco estrecho, tasa de aprendizaje 0,5. Necesita JavaScript.',
            ],
      );
      const figures = [...momentum.matchAll(/<figure class="gd-figure">\s*<gd-momentum-race[\s\S]*?<\/gd-momentum-race>\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, 3, 'every race has a caption');
      for (const [, caption] of figures) assert.match(caption, /<strong>/);
    });

    await t.test(`${lang}: the batch post's three trainers, as written, each in a figure`, () => {
      const trainers = tagged('gd-batch-trainer', batch);
      assert.deepEqual(trainers.map(openTag), [
        `<gd-batch-trainer lang="${lang}">`,
        `<gd-batch-trainer dataset="logistic" lang="${lang}">`,
        `<gd-batch-trainer dataset="iris" lang="${lang}">`,
      ]);
      assert.deepEqual(
        trainers.map(fallbackOf),
        lang === 'en'
          ? [
              'Interactive figure: batch, stochastic and mini-batch gradient descent training a linear regression on noisy points (loss: mean squared error). It needs JavaScript.',
              'Interactive figure: batch, stochastic and mini-batch gradient descent training a logistic regression on two clouds of points (loss: binary cross-entropy). It needs JavaScript.',
              'Interactive figure: batch, stochastic and mini-batch gradient descent training a softmax regression on the Iris flowers (loss: categorical cross-entropy). It needs JavaScript.',
            ]
          : [
              'Figura interactiva: descenso del gradiente por lotes, estocástico y por mini-lotes entrenando una regresión lineal sobre puntos con ruido (pérdida: error cuadrático medio). Necesita JavaScript.',
              'Figura interactiva: descenso del gradiente por lotes, estocástico y por mini-lotes entrenando una regresión logística sobre dos nubes de puntos (pérdida: entropía cruzada binaria). Necesita JavaScript.',
              'Figura interactiva: descenso del gradiente por lotes, estocástico y por mini-lotes entrenando una regresión softmax sobre las flores iris (pérdida: entropía cruzada categórica). Necesita JavaScript.',
            ],
      );
      const figures = [...batch.matchAll(/<figure class="gd-figure">\s*<gd-batch-trainer[\s\S]*?<\/gd-batch-trainer>\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, 3, 'every trainer has a caption');
    });

    await t.test(`${lang}: the overview post has one figure of each of the four elements, and one script tag`, () => {
      const tags = [...overview.matchAll(/<(gd-[a-z-]+)\b[^>]*>/g)].map((m) => m[1]);
      assert.deepEqual(tags, ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer']);
      assert.equal(count(overview, '<figure class="gd-figure">'), 4);
      for (const tag of tags) assert.match(overview, new RegExp(`<${tag}\\b[^>]* lang="${lang}">`));
    });

    await t.test(`${lang}: the posts link each other`, () => {
      const prefix = lang === 'en' ? '/blog/' : '/blog/es/';
      for (const target of Object.values(NEW_POSTS).map((p) => p[lang]).filter((p) => !p.includes('cuatro') && !p.includes('four'))) {
        assert.match(overview, new RegExp(`href="/blog/${target}"`), `the overview links ${target}`);
      }
      assert.match(overview, new RegExp(`href="${prefix}posts/(learning-rate|tasa-de-aprendizaje)/"`));
      assert.match(momentum, new RegExp(`href="/blog/${NEW_POSTS.batch[lang]}"`), 'momentum -> batch');
      assert.match(batch, new RegExp(`href="/blog/${NEW_POSTS.momentum[lang]}"`), 'batch -> momentum');
      const explorer = read(lang === 'en' ? 'posts/gradient-descent-explorer/' : 'es/posts/descenso-del-gradiente-explorador/');
      assert.match(explorer, new RegExp(`href="/blog/${NEW_POSTS.momentum[lang]}"`), 'explorer -> momentum');
      assert.match(explorer, new RegExp(`href="/blog/${NEW_POSTS.batch[lang]}"`), 'explorer -> batch');
      const lr = read(lang === 'en' ? 'posts/learning-rate/' : 'es/posts/tasa-de-aprendizaje/');
      assert.match(lr, new RegExp(`href="/blog/${NEW_POSTS.momentum[lang]}"`), 'learning rate -> momentum');
    });
  }
});

const raceFailures: Array<[string, string, RegExp]> = [
  ['an unknown optimizer in optimizers', '{{< gd-momentum-race optimizers="momentum,sgd" >}}', /unknown optimizer "sgd" in optimizers="momentum,sgd"; use one of: gd, momentum, nesterov, rmsprop, adam, adagrad/],
  ['an optimizer named twice', '{{< gd-momentum-race optimizers="adam,nesterov,Adam" >}}', /optimizers="adam,nesterov,Adam" names "adam" twice/],
  ['an empty optimizers list', '{{< gd-momentum-race optimizers=" , " >}}', /"optimizers" must name at least one optimizer; use one or more of: gd, momentum/],
  ['the single optimizer parameter', '{{< gd-momentum-race optimizer="adam" >}}', /unknown parameter "optimizer"; it takes: surface, expression, domain, optimizers, lr, lrs,/],
  ['an unknown surface name', '{{< gd-momentum-race surface="ravin" >}}', /unknown surface "ravin"; use one of: bowl, ravine, rosenbrock/],
  ['a learning rate that is not a number', '{{< gd-momentum-race lr="fast" >}}', /"lr" must be a number greater than 0 and at most 10, not "fast"/],
  ['lrs with a word in it', '{{< gd-momentum-race lrs="0.05,fast" >}}', /"lrs" must be a list of up to 6 numbers greater than 0 and at most 10, separated by commas, like lrs="0.001,0.001,0.05", not "0.05,fast"/],
  ['lrs longer than the default two optimizers', '{{< gd-momentum-race lrs="0.01,0.02,0.03" >}}', /"lrs" has 3 numbers but there are 2 optimizers \(momentum,nesterov\): give one per optimizer, in the same order/],
  ['betas shorter than optimizers', '{{< gd-momentum-race optimizers="gd,momentum,nesterov" betas="0.9,0.5" >}}', /"betas" has 2 numbers but there are 3 optimizers \(gd,momentum,nesterov\)/],
  ['a beta of 1 in betas', '{{< gd-momentum-race betas="0.9,1" >}}', /"betas" must be a list of up to 6 numbers from 0 to 0.9999/],
  ['show-lookahead that is not true or false', '{{< gd-momentum-race show-lookahead="no" >}}', /"show-lookahead" must be true or false, not "no"/],
  ['a start outside the ravine', '{{< gd-momentum-race start="5,0" >}}', /start "5,0" is outside the ravine domain -4,4,-2,2/],
  ['a speed above the limit', '{{< gd-momentum-race speed="100000" >}}', /"speed" must be a number greater than 0 and at most 10000, not "100000"/],
];

for (const [what, shortcode, message] of raceFailures) {
  test(`gd-momentum-race: the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode);
    const { run } = buildWithPost(t, 'bad-race', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-momentum-race: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

const trainerFailures: Array<[string, string, RegExp]> = [
  ['iris with the mean squared error', '{{< gd-batch-trainer dataset="iris" loss="mse" >}}', /loss "mse" does not fit dataset "iris"; use cce/],
  ['a line with the binary cross-entropy', '{{< gd-batch-trainer loss="bce" >}}', /loss "bce" does not fit dataset "linear"; use mse or mae/],
  ['two clouds with the mean absolute error', '{{< gd-batch-trainer dataset="logistic" loss="mae" >}}', /loss "mae" does not fit dataset "logistic"; use bce/],
  ['an unknown loss', '{{< gd-batch-trainer loss="hinge" >}}', /unknown loss "hinge"; use one of: mse, mae, bce, cce/],
  ['an unknown data set', '{{< gd-batch-trainer dataset="mnist" >}}', /unknown dataset "mnist"; use one of: linear, logistic, iris/],
  ['an unknown mode', '{{< gd-batch-trainer modes="batch,full" >}}', /unknown mode "full" in modes="batch,full"; use one of: batch, sgd, minibatch/],
  ['a mode named twice', '{{< gd-batch-trainer modes="sgd,SGD" >}}', /modes="sgd,SGD" names "sgd" twice/],
  ['an unknown x axis', '{{< gd-batch-trainer x-axis="seconds" >}}', /unknown x-axis "seconds"; use one of: epochs, updates, examples/],
  ['an unknown optimizer', '{{< gd-batch-trainer optimizer="sgd" >}}', /unknown optimizer "sgd"; use one of: gd, momentum/],
  ['samples for the Iris data', '{{< gd-batch-trainer dataset="iris" samples="50" >}}', /"samples" is for the synthetic data sets \(linear, logistic\); "iris" is the real Iris data, 150 flowers/],
  ['noise for the Iris data', '{{< gd-batch-trainer dataset="iris" noise="0.5" >}}', /"noise" is for the synthetic data sets/],
  ['too few samples', '{{< gd-batch-trainer samples="1" >}}', /"samples" must be a whole number from 2 to 10000, not "1"/],
  ['negative noise', '{{< gd-batch-trainer noise="-1" >}}', /"noise" must be a number from 0 to 100, not "-1"/],
  ['a seed that is not a whole number', '{{< gd-batch-trainer seed="1.5" >}}', /"seed" must be a whole number from 0 to 2147483647, not "1.5"/],
  ['a mini-batch larger than the default data', '{{< gd-batch-trainer batch-size="101" >}}', /"batch-size" must be at most the number of examples, 100, not "101"/],
  ['a mini-batch larger than samples', '{{< gd-batch-trainer samples="20" batch-size="32" >}}', /"batch-size" must be at most the number of examples, 20, not "32"/],
  ['a mini-batch larger than the Iris data', '{{< gd-batch-trainer dataset="iris" batch-size="151" >}}', /"batch-size" must be at most the number of examples, 150, not "151"/],
  ['zero epochs', '{{< gd-batch-trainer epochs="0" >}}', /"epochs" must be a whole number from 1 to 1000, not "0"/],
  ['a learning rate that is not a number', '{{< gd-batch-trainer lr="big" >}}', /"lr" must be a number greater than 0 and at most 10, not "big"/],
  ['an unknown parameter', '{{< gd-batch-trainer batchsize="10" >}}', /unknown parameter "batchsize"; it takes: dataset, loss, samples, noise, seed, modes, batch-size,/],
];

for (const [what, shortcode, message] of trainerFailures) {
  test(`gd-batch-trainer: the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode);
    const { run } = buildWithPost(t, 'bad-trainer', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-batch-trainer: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

test('gd-momentum-race and gd-batch-trainer: attributes as the elements read them, fallbacks in both languages', (t) => {
  const { run, read } = buildWithPost(
    t,
    'race-trainer-ok',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      '{{< gd-momentum-race optimizers="GD; Momentum nesterov, adam" surface="Rosenbrock" lrs="0.001 0.001,0.001, 5e-2" betas="0.9,0.9,0.95,0" show-lookahead=false steps=3000 >}}',
      '',
      '{{< gd-momentum-race optimizers="momentum" ema=true lr=0.5 show-lookahead="TRUE" lang="es" >}}',
      '',
      '{{< gd-momentum-race expression="x^2 + 10y^2" domain="-3,3,-1.5,1.5" start="-2.5,1" optimizers="rmsprop,adagrad" beta1=0.8 eps=1e-6 clip=10 autoplay=true theme="dark" id="race" class="wide" caption="A *race*" >}}',
      '',
      '{{< gd-batch-trainer dataset="Logistic" modes="sgd, minibatch" x-axis="updates" lr=0.1 lang="es" >}}',
      '',
      '{{< gd-batch-trainer loss="MAE" samples=20 noise=0 seed=0 batch-size=20 epochs=1e2 optimizer="Adam" speed=20 autoplay=false >}}',
      '',
      '{{< gd-batch-trainer dataset="iris" batch-size=150 fallback="Needs **JavaScript**" >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assertAssets(html, '/blog/');
  assert.doesNotMatch(html, /ZgotmplZ/);
  assert.deepEqual(tagged('gd-momentum-race', html), [
    '<gd-momentum-race surface="rosenbrock" optimizers="gd,momentum,nesterov,adam" lrs="0.001,0.001,0.001,5e-2" betas="0.9,0.9,0.95,0" show-lookahead="false" steps="3000" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: a race between gradient descent, momentum, Nesterov momentum and Adam on the Rosenbrock surface, learning rates 0.001, 0.001, 0.001 and 5×10⁻². It needs JavaScript."></p></gd-momentum-race>',
    '<gd-momentum-race optimizers="momentum" lr="0.5" show-lookahead="true" ema="" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: momento en su forma de media móvil sobre un barranco estrecho, tasa de aprendizaje 0,5. Necesita JavaScript."></p></gd-momentum-race>',
    '<gd-momentum-race id="race" class="wide" expression="x^2 &#43; 10y^2" domain="-3,3,-1.5,1.5" optimizers="rmsprop,adagrad" beta1="0.8" eps="1e-6" clip="10" start="-2.5,1" autoplay="" theme="dark" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: a race between RMSprop and AdaGrad on f(x, y) = x^2 &#43; 10y^2. It needs JavaScript."></p></gd-momentum-race>',
  ]);
  assert.match(html, /<figure class="gd-figure">\s*<gd-momentum-race id="race"[\s\S]*?<\/gd-momentum-race>\s*<figcaption><p>A <em>race<\/em><\/p><\/figcaption>\s*<\/figure>/);
  assert.deepEqual(tagged('gd-batch-trainer', html), [
    '<gd-batch-trainer dataset="logistic" modes="sgd,minibatch" lr="0.1" x-axis="updates" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: descenso del gradiente estocástico y por mini-lotes entrenando una regresión logística sobre dos nubes de puntos (pérdida: entropía cruzada binaria), tasa de aprendizaje 0,1. Necesita JavaScript."></p></gd-batch-trainer>',
    '<gd-batch-trainer loss="mae" samples="20" noise="0" seed="0" batch-size="20" epochs="1e2" optimizer="adam" speed="20" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: batch, stochastic and mini-batch gradient descent training a linear regression on noisy points (loss: mean absolute error). It needs JavaScript."></p></gd-batch-trainer>',
    '<gd-batch-trainer dataset="iris" batch-size="150" lang="en"><div class="gd-fallback">Needs <strong>JavaScript</strong></div></gd-batch-trainer>',
  ]);
});

test('controls reaches every widget, after its own attributes', (t) => {
  const { run, read } = buildWithPost(
    t,
    'controls-ok',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      '{{< gd-explorer surface="bowl" controls="None" theme="dark" >}}',
      '',
      '{{< gd-lr-slider controls="compact" >}}',
      '',
      '{{< gd-momentum-race controls="full" >}}',
      '',
      '{{< gd-batch-trainer controls="none" autoplay=true >}}',
      '',
      '{{< gd-network controls="Compact" dataset="moons" >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assert.equal(openTag(tagged('gd-explorer', html)[0]), '<gd-explorer surface="bowl" controls="none" theme="dark" lang="en">');
  assert.equal(openTag(tagged('gd-lr-slider', html)[0]), '<gd-lr-slider controls="compact" lang="en">');
  assert.equal(openTag(tagged('gd-momentum-race', html)[0]), '<gd-momentum-race controls="full" lang="en">');
  assert.equal(openTag(tagged('gd-batch-trainer', html)[0]), '<gd-batch-trainer autoplay="" controls="none" lang="en">');
  assert.equal(openTag(tagged('gd-network', html)[0]), '<gd-network dataset="moons" controls="compact" lang="en">');
});

// ---- <gd-network>: the network post, the checks, the sentence, feeds and plain text ----

const NETWORK_POSTS = { en: 'posts/how-a-network-learns/', es: 'es/posts/como-aprende-una-red/' } as const;

test('the network post builds in English and Spanish, and the overview and it link the posts around them', async (t) => {
  const out = tempDir('demo-build-network');
  t.after(() => removeTemp(out));
  const run = hugoBuild(demoDir, out, BASE);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.output, /\b(WARN|ERROR)\b/, run.output);
  const read = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  for (const lang of ['en', 'es'] as const) {
    const html = read(NETWORK_POSTS[lang]);

    await t.test(`${lang}: every widget brings the versioned module and page styles, none inline`, () => {
      assertAssets(html, '/blog/');
      assert.doesNotMatch(html, /\sstyle="/);
      assert.doesNotMatch(html, /<style\b/);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
      assert.doesNotMatch(html, /raw HTML omitted/);
    });

    await t.test(`${lang}: the three networks, as written, in the page language, each in a figure with a caption`, () => {
      const networks = tagged('gd-network', html);
      assert.deepEqual(networks.map(openTag), [
        `<gd-network lang="${lang}">`,
        `<gd-network dataset="xor" layers="4" activation="relu" lang="${lang}">`,
        `<gd-network dataset="sine" lang="${lang}">`,
      ]);
      assert.deepEqual(
        networks.map(fallbackOf),
        lang === 'en'
          ? [
              'Interactive figure: a neural network with a hidden layer of 6 units learning to separate a circle from a ring (loss: binary cross-entropy). It needs JavaScript.',
              'Interactive figure: a neural network with a hidden layer of 4 units learning to separate the quadrants of an XOR pattern (loss: binary cross-entropy). It needs JavaScript.',
              'Interactive figure: a neural network with a hidden layer of 8 units learning to fit a sine curve through noisy points (loss: mean squared error). It needs JavaScript.',
            ]
          : [
              'Figura interactiva: una red neuronal con una capa oculta de 6 unidades aprendiendo a separar un círculo de un anillo (pérdida: entropía cruzada binaria). Necesita JavaScript.',
              'Figura interactiva: una red neuronal con una capa oculta de 4 unidades aprendiendo a separar los cuadrantes de un patrón XOR (pérdida: entropía cruzada binaria). Necesita JavaScript.',
              'Figura interactiva: una red neuronal con una capa oculta de 8 unidades aprendiendo a ajustar una curva seno a puntos con ruido (pérdida: error cuadrático medio). Necesita JavaScript.',
            ],
      );
      const figures = [...html.matchAll(/<figure class="gd-figure">\s*<gd-network[\s\S]*?<\/gd-network>\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, 3, 'every network has a caption');
      for (const [, caption] of figures) assert.match(caption, /<strong>/);
    });

    await t.test(`${lang}: the overview links the network post, and the network post the batch post`, () => {
      const overview = read(NEW_POSTS.overview[lang]);
      assert.match(overview, new RegExp(`href="/blog/${NETWORK_POSTS[lang]}"`));
      assert.match(html, new RegExp(`href="/blog/${NEW_POSTS.batch[lang]}"`));
    });
  }
});

const networkFailures: Array<[string, string, RegExp]> = [
  ['a layer that is not a number', '{{< gd-network layers="4,x" >}}', /"layers" must be a list of up to 6 whole numbers from 1 to 8, separated by commas, like layers="4,4", not "4,x"/],
  ['a layer above 8 units', '{{< gd-network layers="9" >}}', /"layers" must be a list of up to 6 whole numbers from 1 to 8, separated by commas, like layers="4,4", not "9"/],
  ['a layer that is not whole', '{{< gd-network layers="4,2.5" >}}', /"layers" must be a list of up to 6 whole numbers from 1 to 8, separated by commas, like layers="4,4", not "4,2.5"/],
  ['a layer of no units', '{{< gd-network layers="0" >}}', /"layers" must be a list of up to 6 whole numbers from 1 to 8, .* not "0"/],
  ['seven hidden layers', '{{< gd-network layers="2,2,2,2,2,2,2" >}}', /"layers" must be a list of up to 6 whole numbers from 1 to 8, .* not "2,2,2,2,2,2,2"/],
  ['an unknown data set', '{{< gd-network dataset="nope" >}}', /unknown dataset "nope"; use one of: circle, xor, spiral, moons, blobs, sine/],
  ['a batch trainer\'s data set', '{{< gd-network dataset="iris" >}}', /unknown dataset "iris"; use one of: circle, xor/],
  ['a mini-batch larger than the circle\'s default data', '{{< gd-network batch-size="201" >}}', /"batch-size" must be at most the number of examples, 200 \(circle's default samples\), not "201"/],
  ['a mini-batch larger than the blobs\' default data', '{{< gd-network dataset="blobs" batch-size="151" >}}', /"batch-size" must be at most the number of examples, 150 \(blobs's default samples\), not "151"/],
  ['a mini-batch larger than samples', '{{< gd-network samples="20" batch-size="32" >}}', /"batch-size" must be at most the number of examples, 20, not "32"/],
  ['too few samples', '{{< gd-network samples="3" >}}', /"samples" must be a whole number from 4 to 2000, not "3"/],
  ['an unknown activation', '{{< gd-network activation="softmax" >}}', /unknown activation "softmax"; use one of: sigmoid, tanh, relu, linear/],
  ['an unknown initialisation', '{{< gd-network init="zeros" >}}', /unknown init "zeros"; use one of: xavier, he, normal/],
  ['an x axis the network does not count', '{{< gd-network x-axis="examples" >}}', /unknown x-axis "examples"; use one of: epochs, updates/],
  ['zero epochs', '{{< gd-network epochs="0" >}}', /"epochs" must be a whole number from 1 to 5000, not "0"/],
  ['the batch trainer\'s loss parameter', '{{< gd-network loss="mse" >}}', /unknown parameter "loss"; it takes: dataset, layers, activation, init,/],
];

for (const [what, shortcode, message] of networkFailures) {
  test(`gd-network: the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode);
    const { run } = buildWithPost(t, 'bad-network', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-network: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

test('gd-network: attributes as the element reads them; the sentence names one layer, several, each data set, in both languages', (t) => {
  const { run, read } = buildWithPost(
    t,
    'network-ok',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      '{{< gd-network dataset="Spiral" lr=0.05 lang="es" >}}',
      '',
      '{{< gd-network dataset="moons" layers="1" >}}',
      '',
      '{{< gd-network dataset="blobs" layers="4 2; 3" batch-size=150 activation="ReLU" init="he" >}}',
      '',
      '{{< gd-network dataset="sine" samples=20 batch-size=20 layers="1" lang="es" >}}',
      '',
      '{{< gd-network layers="8,8,8,8,8,8" optimizer="Adam" epochs=5000 speed=5000 x-axis="updates" seed=0 noise=0 controls="compact" >}}',
      '',
      '{{< gd-network dataset="xor" fallback="Needs **JavaScript**" caption="A *network*" >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assertAssets(html, '/blog/');
  assert.doesNotMatch(html, /ZgotmplZ/);
  assert.deepEqual(tagged('gd-network', html), [
    '<gd-network dataset="spiral" lr="0.05" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: una red neuronal con capas ocultas de 8 y 8 unidades aprendiendo a separar dos espirales entrelazadas (pérdida: entropía cruzada binaria), tasa de aprendizaje 0,05. Necesita JavaScript."></p></gd-network>',
    '<gd-network dataset="moons" layers="1" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: a neural network with a hidden layer of 1 unit learning to separate two interleaved half-moons (loss: binary cross-entropy). It needs JavaScript."></p></gd-network>',
    '<gd-network dataset="blobs" layers="4,2,3" activation="relu" init="he" batch-size="150" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: a neural network with hidden layers of 4, 2 and 3 units learning to sort points into three clusters (loss: categorical cross-entropy). It needs JavaScript."></p></gd-network>',
    '<gd-network dataset="sine" layers="1" samples="20" batch-size="20" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: una red neuronal con una capa oculta de 1 unidad aprendiendo a ajustar una curva seno a puntos con ruido (pérdida: error cuadrático medio). Necesita JavaScript."></p></gd-network>',
    '<gd-network layers="8,8,8,8,8,8" noise="0" seed="0" optimizer="adam" epochs="5000" speed="5000" x-axis="updates" controls="compact" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: a neural network with hidden layers of 8, 8, 8, 8, 8 and 8 units learning to separate a circle from a ring (loss: binary cross-entropy). It needs JavaScript."></p></gd-network>',
    '<gd-network dataset="xor" lang="en"><div class="gd-fallback">Needs <strong>JavaScript</strong></div></gd-network>',
  ]);
  assert.match(html, /<figure class="gd-figure">\s*<gd-network dataset="xor"[\s\S]*?<\/gd-network>\s*<figcaption><p>A <em>network<\/em><\/p><\/figcaption>\s*<\/figure>/);
});

/** XML text as a feed reader sees it: the entities decoded once. */
function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()]!;
  });
}

test('gd-network in a full-content feed, a search index and plain text: a sentence and a link, never the element', (t) => {
  const site = join(tempDir('network-outputs'), 'site');
  t.after(() => removeTemp(dirname(site)));
  const files: Record<string, string> = {
    'hugo.toml': `baseURL = "${BASE}"
title = "Outputs"
theme = ["gd-widgets"]
disableKinds = ["taxonomy", "term"]
[outputFormats.llms]
  mediaType = "text/plain"
  baseName = "llms"
  isPlainText = true
[outputs]
  home = ["HTML", "RSS", "JSON", "llms"]
`,
    'layouts/_default/single.html': '<html><body>{{ .Content }}</body></html>',
    'layouts/index.html': '<html><body>{{ range site.RegularPages }}{{ .Title }}{{ end }}</body></html>',
    'layouts/index.rss.xml': `<rss version="2.0"><channel><title>{{ site.Title }}</title>
{{ range site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>`,
    'layouts/index.json': '[{{ range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}{"content": {{ $p.Plain | jsonify }}}{{ end }}]',
    'layouts/index.llms.txt': '{{ range site.RegularPages }}# {{ .Title }}\n{{ .Plain }}\n{{ end }}',
    'content/posts/net.md': [
      '---',
      'title: "Net"',
      '---',
      '{{< gd-network dataset="xor" layers="4,4" lr="0.1" caption="The *XOR* network" >}}',
      '',
      '{{< gd-network id="curve" dataset="sine" fallback="A network\'s curve" >}}',
      '',
    ].join('\n'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  mkdirSync(join(site, 'themes'), { recursive: true });
  symlinkSync(repoRoot, join(site, 'themes', 'gd-widgets'), 'dir');
  const out = join(dirname(site), 'public');
  const run = hugoBuild(site, out);
  assert.equal(run.status, 0, run.output);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  const page = `${BASE}posts/net/`;

  const item = decodeXml(read('index.xml').match(/<description>([\s\S]*?)<\/description>/)![1]);
  assert.doesNotMatch(item, /<script|<link|<gd-/, 'no script, stylesheet or element in a feed');
  assert.match(item, new RegExp(`<p class="gd-fallback">Interactive figure: a neural network with hidden layers of 4 and 4 units learning to separate the quadrants of an XOR pattern \\(loss: binary cross-entropy\\), learning rate 0\\.1\\. <a href="${page}">Use it on the page</a>\\.</p>`));
  assert.match(item, /<figcaption><p>The <em>XOR<\/em> network<\/p><\/figcaption>/);
  assert.match(item, new RegExp(`<div class="gd-fallback">A network(’|'|&rsquo;)s curve</div>\\s*<p><a href="${page}#curve">Use it on the page</a>\\.</p>`));

  const index = JSON.parse(read('index.json')) as Array<{ content: string }>;
  assert.match(index[0].content, /The XOR network/, 'the search text keeps the caption');
  assert.doesNotMatch(index[0].content, /Interactive figure|JavaScript/, 'and not the sentence');

  const text = read('llms.txt');
  assert.match(text, new RegExp(`Interactive figure: a neural network with hidden layers of 4 and 4 units learning to separate the quadrants of an XOR pattern \\(loss: binary cross-entropy\\), learning rate 0\\.1\\. ${page}`));
  assert.doesNotMatch(text, /<|&#39;|JavaScript/);
});

// ---- <gd-gradient-flow>: the gradient-flow post, the checks, the sentence, feeds and plain text ----

const FLOW_POSTS = { en: 'posts/vanishing-and-exploding-gradients/', es: 'es/posts/gradientes-que-se-desvanecen-o-explotan/' } as const;

test('the gradient-flow post builds in English and Spanish, and the overview links it', async (t) => {
  const out = tempDir('demo-build-flow');
  t.after(() => removeTemp(out));
  const run = hugoBuild(demoDir, out, BASE);
  assert.equal(run.status, 0, run.output);
  assert.doesNotMatch(run.output, /\b(WARN|ERROR)\b/, run.output);
  const read = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

  for (const lang of ['en', 'es'] as const) {
    const html = read(FLOW_POSTS[lang]);

    await t.test(`${lang}: every widget brings the versioned module and page styles, none inline`, () => {
      assertAssets(html, '/blog/');
      assert.doesNotMatch(html, /\sstyle="/);
      assert.doesNotMatch(html, /<style\b/);
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
      assert.doesNotMatch(html, /raw HTML omitted/);
    });

    await t.test(`${lang}: the four figures, as written, in the page language, each in a figure with a caption`, () => {
      const flows = tagged('gd-gradient-flow', html);
      assert.deepEqual(flows.map(openTag), [
        `<gd-gradient-flow lang="${lang}">`,
        `<gd-gradient-flow activation="relu" init="he" lang="${lang}">`,
        `<gd-gradient-flow activation="relu" init="normal" init-scale="3" lang="${lang}">`,
        `<gd-gradient-flow activation="relu" init="normal" init-scale="3" clip="1" lang="${lang}">`,
      ]);
      const sentence = (activation: string) =>
        lang === 'en'
          ? `Interactive figure: how the gradient flows back through 10 ${activation} layers. It needs JavaScript.`
          : `Figura interactiva: cómo fluye el gradiente hacia atrás a través de 10 capas ${activation}. Necesita JavaScript.`;
      assert.deepEqual(flows.map(fallbackOf), [sentence(lang === 'en' ? 'sigmoid' : 'sigmoide'), sentence('ReLU'), sentence('ReLU'), sentence('ReLU')]);
      if (lang === 'en') assert.ok(GD_GRADIENT_FLOW.attributes.fallback.doc!.includes(`"${fallbackOf(flows[0])}"`), 'the contract quotes the sentence the shortcode writes by default');
      const figures = [...html.matchAll(/<figure class="gd-figure">\s*<gd-gradient-flow[\s\S]*?<\/gd-gradient-flow>\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, 4, 'every figure has a caption');
      for (const [, caption] of figures) assert.match(caption, /<strong>/);
    });

    await t.test(`${lang}: the overview links the gradient-flow post, and it links the network post`, () => {
      const overview = read(NEW_POSTS.overview[lang]);
      assert.match(overview, new RegExp(`href="/blog/${FLOW_POSTS[lang]}"`));
      assert.match(html, new RegExp(`href="/blog/${NETWORK_POSTS[lang]}"`));
    });
  }
});

const flowFailures: Array<[string, string, RegExp]> = [
  ['no hidden layers', '{{< gd-gradient-flow depth="0" >}}', /"depth" must be a whole number from 1 to 20, not "0"/],
  ['21 hidden layers', '{{< gd-gradient-flow depth="21" >}}', /"depth" must be a whole number from 1 to 20, not "21"/],
  ['layers of one unit', '{{< gd-gradient-flow width="1" >}}', /"width" must be a whole number from 2 to 16, not "1"/],
  ['the linear activation, which has no slope to shrink the error', '{{< gd-gradient-flow activation="linear" >}}', /unknown activation "linear"; use one of: sigmoid, tanh, relu$/m],
  ['an init-scale of zero', '{{< gd-gradient-flow init-scale="0" >}}', /"init-scale" must be a number greater than 0 and at most 10, not "0"/],
  ['a negative clip', '{{< gd-gradient-flow clip="-1" >}}', /"clip" must be .*not "-1"/],
  ['an unknown initialisation', '{{< gd-gradient-flow init="zeros" >}}', /unknown init "zeros"; use one of: xavier, he, normal/],
  ['a mini-batch larger than the default data', '{{< gd-gradient-flow batch-size="101" >}}', /"batch-size" must be at most the number of examples, 100 \(the default samples\), not "101"/],
  ['a mini-batch larger than samples', '{{< gd-gradient-flow samples="20" batch-size="32" >}}', /"batch-size" must be at most the number of examples, 20, not "32"/],
  ['the network\'s layers parameter', '{{< gd-gradient-flow layers="8,8" >}}', /unknown parameter "layers"; it takes: activation, depth, width, init,/],
];

for (const [what, shortcode, message] of flowFailures) {
  test(`gd-gradient-flow: the build fails, naming file and line, for ${what}`, (t) => {
    const source = post(shortcode);
    assert.equal(source.split('\n')[LINE - 1], shortcode);
    const { run } = buildWithPost(t, 'bad-flow', source);
    assert.notEqual(run.status, 0, `hugo should fail:\n${run.output}`);
    assert.match(run.output, new RegExp(`extra\\.md:${LINE}:1: gd-gradient-flow: `), run.output);
    assert.match(run.output, message, run.output);
  });
}

test('gd-gradient-flow: attributes as the element reads them; the sentence names the depth (one layer, several) and the activation, in both languages', (t) => {
  const { run, read } = buildWithPost(
    t,
    'flow-ok',
    [
      '---',
      'title: "Extra"',
      'date: 2025-01-01',
      '---',
      '',
      '{{< gd-gradient-flow depth=1 lang="es" >}}',
      '',
      '{{< gd-gradient-flow depth="1" activation="Tanh" >}}',
      '',
      '{{< gd-gradient-flow depth=20 width=16 activation="ReLU" init="He" clip=0.5 lang="es" >}}',
      '',
      '{{< gd-gradient-flow samples=20 batch-size=20 dataset="Spiral" init="normal" init-scale=10 lr=0.01 epochs=500 seed=0 speed=1000 controls="compact" >}}',
      '',
      '{{< gd-gradient-flow fallback="Needs **JavaScript**" caption="A *deep* network" >}}',
      '',
    ].join('\n'),
  );
  assert.equal(run.status, 0, run.output);
  const html = read();
  assertAssets(html, '/blog/');
  assert.doesNotMatch(html, /ZgotmplZ/);
  assert.deepEqual(tagged('gd-gradient-flow', html), [
    '<gd-gradient-flow depth="1" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: cómo fluye el gradiente hacia atrás a través de 1 capa sigmoide. Necesita JavaScript."></p></gd-gradient-flow>',
    '<gd-gradient-flow activation="tanh" depth="1" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: how the gradient flows back through 1 tanh layer. It needs JavaScript."></p></gd-gradient-flow>',
    '<gd-gradient-flow activation="relu" depth="20" width="16" init="he" clip="0.5" lang="es"><p class="gd-fallback" data-gd-fallback="Figura interactiva: cómo fluye el gradiente hacia atrás a través de 20 capas ReLU. Necesita JavaScript."></p></gd-gradient-flow>',
    '<gd-gradient-flow init="normal" init-scale="10" dataset="spiral" samples="20" seed="0" lr="0.01" batch-size="20" epochs="500" speed="1000" controls="compact" lang="en"><p class="gd-fallback" data-gd-fallback="Interactive figure: how the gradient flows back through 10 sigmoid layers. It needs JavaScript."></p></gd-gradient-flow>',
    '<gd-gradient-flow lang="en"><div class="gd-fallback">Needs <strong>JavaScript</strong></div></gd-gradient-flow>',
  ]);
  assert.match(html, /<figure class="gd-figure">\s*<gd-gradient-flow lang="en"><div[\s\S]*?<\/gd-gradient-flow>\s*<figcaption><p>A <em>deep<\/em> network<\/p><\/figcaption>\s*<\/figure>/);
});

test('gd-gradient-flow in a full-content feed, a search index and plain text: a sentence and a link, never the element', (t) => {
  const site = join(tempDir('flow-outputs'), 'site');
  t.after(() => removeTemp(dirname(site)));
  const files: Record<string, string> = {
    'hugo.toml': `baseURL = "${BASE}"
title = "Outputs"
theme = ["gd-widgets"]
disableKinds = ["taxonomy", "term"]
[outputFormats.llms]
  mediaType = "text/plain"
  baseName = "llms"
  isPlainText = true
[outputs]
  home = ["HTML", "RSS", "JSON", "llms"]
`,
    'layouts/_default/single.html': '<html><body>{{ .Content }}</body></html>',
    'layouts/index.html': '<html><body>{{ range site.RegularPages }}{{ .Title }}{{ end }}</body></html>',
    'layouts/index.rss.xml': `<rss version="2.0"><channel><title>{{ site.Title }}</title>
{{ range site.RegularPages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><description>{{ .Content | html }}</description></item>
{{ end }}</channel></rss>`,
    'layouts/index.json': '[{{ range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}{"content": {{ $p.Plain | jsonify }}}{{ end }}]',
    'layouts/index.llms.txt': '{{ range site.RegularPages }}# {{ .Title }}\n{{ .Plain }}\n{{ end }}',
    'content/posts/flow.md': [
      '---',
      'title: "Flow"',
      '---',
      '{{< gd-gradient-flow activation="relu" depth="4" caption="Four *ReLU* layers" >}}',
      '',
      '{{< gd-gradient-flow id="clipped" clip="1" fallback="A clipped gradient\'s bars" >}}',
      '',
    ].join('\n'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  mkdirSync(join(site, 'themes'), { recursive: true });
  symlinkSync(repoRoot, join(site, 'themes', 'gd-widgets'), 'dir');
  const out = join(dirname(site), 'public');
  const run = hugoBuild(site, out);
  assert.equal(run.status, 0, run.output);
  const read = (path: string) => readFileSync(join(out, path), 'utf8');
  const page = `${BASE}posts/flow/`;

  const item = decodeXml(read('index.xml').match(/<description>([\s\S]*?)<\/description>/)![1]);
  assert.doesNotMatch(item, /<script|<link|<gd-/, 'no script, stylesheet or element in a feed');
  assert.match(item, new RegExp(`<p class="gd-fallback">Interactive figure: how the gradient flows back through 4 ReLU layers\\. <a href="${page}">Use it on the page</a>\\.</p>`));
  assert.match(item, /<figcaption><p>Four <em>ReLU<\/em> layers<\/p><\/figcaption>/);
  assert.match(item, new RegExp(`<div class="gd-fallback">A clipped gradient(’|'|&rsquo;)s bars</div>\\s*<p><a href="${page}#clipped">Use it on the page</a>\\.</p>`));

  const index = JSON.parse(read('index.json')) as Array<{ content: string }>;
  assert.match(index[0].content, /Four ReLU layers/, 'the search text keeps the caption');
  assert.doesNotMatch(index[0].content, /Interactive figure|JavaScript/, 'and not the sentence');

  const text = read('llms.txt');
  assert.match(text, new RegExp(`Interactive figure: how the gradient flows back through 4 ReLU layers\\. ${page}`));
  assert.doesNotMatch(text, /<|&#39;|JavaScript/);
});
