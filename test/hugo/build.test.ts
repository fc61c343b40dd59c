/**
 * The Hugo side without a browser: hugo-demo builds against this repository as its
 * theme component, the shortcode writes the HTML the design asks for, and bad
 * parameters stop the build with the file and line of the shortcode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyDemo, demoDir, hugoBuild, removeTemp, repoRoot, tempDir } from './helpers.js';

const BASE = 'http://127.0.0.1:1/blog/';

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
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
    await t.test(`${lang}: one module script tag, relative to the sub-path`, () => {
      assert.equal(count(html, '<script type="module"'), 1);
      assert.equal(count(html, '<script type="module" src="/blog/gd-widgets/gd-widgets.js"></script>'), 1);
    });

    await t.test(`${lang}: several explorers, each in a figure with a caption`, () => {
      const found = elements(html);
      assert.ok(found.length >= 4, `expected several <gd-explorer>, found ${found.length}`);
      const figures = [...html.matchAll(/<figure class="gd-figure">\s*(<gd-explorer[\s\S]*?<\/gd-explorer>)\s*<figcaption>([\s\S]*?)<\/figcaption>\s*<\/figure>/g)];
      assert.equal(figures.length, found.length, 'every explorer in the demo has a caption');
      for (const [, , caption] of figures) {
        assert.match(caption, /<strong>/, 'captions are Markdown, rendered');
        assert.doesNotMatch(caption, /^\s*<p>/, 'a one-paragraph caption is inline, like Hugo\'s figure');
      }
    });

    await t.test(`${lang}: the page language reaches every element and its fallback`, () => {
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      for (const el of elements(html)) {
        assert.match(el, new RegExp(` lang="${lang}"`));
        const fallback = lang === 'es' ? /<p class="gd-fallback">Figura interactiva: .*Necesita JavaScript\.<\/p>/ : /<p class="gd-fallback">Interactive figure: .*It needs JavaScript\.<\/p>/;
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
  assert.equal(count(html, '<script type="module"'), 1);
  assert.match(
    html,
    /<gd-explorer id="edge" class="wide" expression="x &lt; 1 &amp;&amp; y &gt; &#34;2&#34; &#39;q&#39;" domain="-3,3,-2,2" ema="" theme="dark" lang="es"><p class="gd-fallback">Figura interactiva: descenso del gradiente sobre f\(x, y\) = x &lt; 1 &amp;&amp; y &gt; &#34;2&#34; &#39;q&#39;\. Necesita JavaScript\.<\/p><\/gd-explorer>/,
  );
  assert.doesNotMatch(html, /autoplay/, 'autoplay=false leaves the attribute out');
  assert.doesNotMatch(html, /<figure/, 'no caption, no figure');
  assert.match(html, /<gd-explorer lr="0.5" eps="1e-8" tolerance="0.001" lang="en"><div class="gd-fallback">Run <strong>this<\/strong> with <!-- raw HTML omitted -->JavaScript<!-- raw HTML omitted --><\/div><\/gd-explorer>/);
  assert.match(
    html,
    /<gd-explorer surface="saddle" optimizer="adam" start="-1.5,0.5" steps="1e3" lang="en"><p class="gd-fallback">Interactive figure: Adam on a saddle surface\. It needs JavaScript\.<\/p><\/gd-explorer>/,
    'names in any case, points as the element reads them, whole numbers in exponent form',
  );
});
