/**
 * `npm start` (scripts/start.mjs) in a copy of the repository: with a fresh bundle it
 * serves the demo without building; when a source changes it rebuilds the bundle, which
 * `hugo server` then serves. The limits below are how long to wait before giving up,
 * not claims about speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { bundleDigest, inputsDigest } from '../../scripts/bundle-inputs.mjs';
import { freePort, removeTemp, repoRoot, tempDir, until } from './helpers.js';

/** What the start script needs of the repository, copied; node_modules linked. */
function copyRepository(): string {
  const copy = join(tempDir('start'), 'repo');
  for (const path of ['src', 'scripts', 'layouts', 'data', 'static', 'hugo-demo', 'package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json']) {
    cpSync(join(repoRoot, path), join(copy, path), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (src) => !/[/\\]hugo-demo[/\\](public|resources)$/.test(src) && !src.endsWith('.hugo_build.lock'),
    });
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

test('npm start serves a fresh bundle at once and rebuilds it when a source changes', { timeout: 420_000 }, async (t) => {
  const copy = copyRepository();
  const bundle = join(copy, 'static/gd-widgets/gd-widgets.js');
  assert.equal(bundleDigest(bundle), inputsDigest(copy), 'the committed bundle is fresh');
  const builtAt = statSync(bundle).mtimeMs;
  const port = await freePort();
  let output = '';
  const start: ChildProcess = spawn('node', ['scripts/start.mjs', '--port', String(port), '--bind', '127.0.0.1', '--appendPort=true'], {
    cwd: copy,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (chunk) => (output += chunk));
  start.stderr!.on('data', (chunk) => (output += chunk));
  t.after(() => {
    try {
      process.kill(-start.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    removeTemp(join(copy, '..'));
  });
  const url = `http://127.0.0.1:${port}/`;
  const served = async (path: string) => (await fetch(new URL(path, url))).text();

  await until(`the demo at ${url}\n${output}`, async () => (await fetch(url)).ok, 120_000);
  assert.match(output, /the bundle is fresh: serving it as it is/);
  assert.doesNotMatch(output, /\[gd-widgets\] .*(build|rebuild)/);
  assert.equal(statSync(bundle).mtimeMs, builtAt, 'the bundle was not rebuilt');
  assert.ok((await served('gd-widgets/gd-widgets.js')).startsWith(readFileSync(bundle, 'utf8').slice(0, 80)));

  // An author edits a source: the bundle is rebuilt with the new digest and served.
  appendFileSync(join(copy, 'src/core/index.ts'), '\n// edited while npm start runs\n');
  const digest = inputsDigest(copy);
  await until(`a rebuild to ${digest}\n${output}`, () => bundleDigest(bundle) === digest && /bundle built/.test(output), 360_000);
  assert.match(output, /src\/core\/index\.ts changed: rebuilding the bundle/);
  await until('hugo serving the new bundle', async () => (await served('gd-widgets/gd-widgets.js')).includes(digest), 30_000);
});
