/**
 * The committed build is the build: a fresh Rollup run into a temporary folder must
 * produce the committed static/gd-widgets/ byte for byte, and the core build must load
 * in Node as `gd-widgets/core` promises.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleDigest, inputsDigest } from '../../scripts/bundle-inputs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fresh = mkdtempSync(join(tmpdir(), 'gd-widgets-build-'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a fresh build matches the committed static/gd-widgets/', { timeout: 180_000 }, async (t) => {
  t.after(() => rmSync(fresh, { recursive: true, force: true }));
  const rollup = join(root, 'node_modules/.bin/rollup');
  const run = spawnSync(rollup, ['-c'], { cwd: root, env: { ...process.env, GD_WIDGETS_OUT: fresh }, encoding: 'utf8' });
  assert.equal(run.status, 0, `rollup failed:\n${run.stderr}`);

  const committedDir = join(root, 'static/gd-widgets');
  const freshDir = join(fresh, 'static/gd-widgets');
  const committed = filesUnder(committedDir).map((f) => relative(committedDir, f)).sort();
  const built = filesUnder(freshDir).map((f) => relative(freshDir, f)).sort();
  const extra = committed.filter((f) => !built.includes(f) && !f.startsWith('fonts/'));
  assert.deepEqual(built.filter((f) => !committed.includes(f)), [], 'built but not committed: run `npm run build` and commit');
  assert.deepEqual(extra, [], 'committed but no longer built');
  const stale = built.filter((f) => !readFileSync(join(freshDir, f)).equals(readFileSync(join(committedDir, f))));
  assert.deepEqual(stale, [], 'the committed bundle differs from a fresh build: run `npm run build` and commit');

  await t.test('the core build loads in Node with the public API', async () => {
    const core = await import(pathToFileURL(join(fresh, 'dist/core/index.js')).href);
    for (const name of ['createOptimizer', 'descend', 'getSurface', 'parseSurface', 'ExpressionError', 'SURFACE_NAMES']) {
      assert.ok(name in core, `gd-widgets/core exports ${name}`);
    }
    const run = core.descend(core.getSurface('bowl'), core.createOptimizer('gd', { lr: 0.25 }), [2, 1], { steps: 100, tolerance: 1e-3 });
    assert.equal(run.stop, 'converged');
  });
});

test("the committed bundle's first line names the digest of its inputs (npm start's freshness check)", () => {
  const committed = bundleDigest(join(root, 'static/gd-widgets/gd-widgets.js'));
  assert.ok(committed, 'the bundle starts with its digest line');
  assert.equal(committed, inputsDigest(root), 'the bundle is older than its sources: run `npm run build` and commit');
});

test('package.json offers `.` and `./core` with type declarations', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['.'].default, './static/gd-widgets/gd-widgets.js');
  assert.equal(pkg.exports['./core'].default, './dist/core/index.js');
  assert.match(pkg.exports['./core'].types, /\.d\.ts$/);
  assert.match(pkg.exports['.'].types, /\.d\.ts$/);
});
