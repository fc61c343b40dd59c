#!/usr/bin/env node
/**
 * `npm start`: the demo site under `hugo server`, at once when the committed bundle is
 * fresh, and a rebuilt bundle whenever a source changes (Hugo then reloads the page).
 *
 *   node scripts/start.mjs [hugo server flags, e.g. --port 1314 --bind 0.0.0.0]
 *
 * Fresh means the digest in the bundle's first line equals the digest of its inputs
 * (scripts/bundle-inputs.mjs); a stale bundle is rebuilt before serving, so the page
 * shows what the sources say. Only the bundle and what `npm run spec` generates (the
 * Hugo data the shortcodes check against) are rebuilt here (`npm run build` also makes
 * dist/ for Node).
 */
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_INPUTS, bundleDigest, inputsDigest } from './bundle-inputs.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bundle = join(root, 'static/gd-widgets/gd-widgets.js');
const log = (text) => console.log(`[gd-widgets] ${text}`);

/** Rollup for the bundle only, after the files the contracts generate (src/spec/, npm run spec); resolves with whether it succeeded. */
function buildBundle() {
  const started = Date.now();
  const spec = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate-spec.ts')], { cwd: root, stdio: 'inherit' });
  if (spec.status !== 0) log('npm run spec failed; the shortcodes check against the last generated data');
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules/.bin/rollup'), ['-c', '--environment', 'BUNDLE_ONLY'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', (code) => {
      if (code === 0) log(`bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s (inputs ${bundleDigest(bundle)})`);
      else log(`the build failed (exit ${code}); still serving the last good bundle`);
      resolve(code === 0);
    });
  });
}

/** Rebuilds once for any number of changes that arrive while a build runs. */
function rebuilder() {
  let building = false;
  let again = false;
  let timer;
  const run = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    do {
      again = false;
      if (bundleDigest(bundle) !== inputsDigest(root)) await buildBundle();
    } while (again);
    building = false;
  };
  return (path) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      log(`${path} changed: rebuilding the bundle`);
      void run();
    }, 150);
  };
}

const deps = spawnSync('bash', [join(root, 'scripts/system-deps.sh')], { stdio: 'inherit' });
if (deps.status !== 0) process.exit(deps.status ?? 1);

if (bundleDigest(bundle) === inputsDigest(root)) {
  log('the bundle is fresh: serving it as it is');
} else {
  log('the bundle is older than its sources: building it first');
  await buildBundle();
}

const rebuild = rebuilder();
const watchers = BUNDLE_INPUTS.map((path) =>
  watch(join(root, path), { recursive: true }, (_, file) => rebuild(file ? join(path, String(file)) : path)),
);

const hugo = spawn('hugo', ['server', '-s', join(root, 'hugo-demo'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const stop = () => {
  for (const w of watchers) w.close();
  hugo.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
hugo.on('close', (code) => {
  for (const w of watchers) w.close();
  process.exit(code ?? 0);
});
