/**
 * What the committed bundle is built from, as one digest: every file under src/, the
 * build's own scripts and configuration, and the runtime dependencies' locked versions
 * (the packages the bundle carries inside: lit, chart.js, katex and theirs).
 *
 * The build writes the digest into the bundle's first line; `npm start` compares it
 * with the sources to serve at once when the bundle is fresh, and the bundle test
 * checks the committed bundle equals a fresh build, digest included.
 *
 *   import { inputsDigest, bundleDigest } from './scripts/bundle-inputs.mjs';
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Files and folders (relative to the repository root) the bundle is built from. */
export const BUNDLE_INPUTS = [
  'src',
  'rollup.config.mjs',
  'tsconfig.json',
  'scripts/bundle-inputs.mjs',
  'scripts/katex-css.mjs',
  'scripts/rollup-katex.mjs',
];

/** The digest's line at the top of the bundle. */
const BANNER = /^\/\*! gd-widgets (\S+) \(MIT\) · inputs ([0-9a-f]{16}) \*\//;

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => filesUnder(root, join(path, name)));
}

/** The runtime dependencies' locked versions: package-lock entries that are not dev-only. */
function runtimePackages(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== '' && !entry.dev)
    .map(([path, entry]) => `${path}@${entry.version}`)
    .sort()
    .join('\n');
}

/** sha256 of the inputs (paths with '/', sorted), first 16 hex digits. */
export function inputsDigest(root) {
  const hash = createHash('sha256');
  const files = BUNDLE_INPUTS.flatMap((path) => filesUnder(root, path))
    .map((path) => path.split(sep).join('/'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  hash.update(runtimePackages(root));
  return hash.digest('hex').slice(0, 16);
}

/** The first line of the bundle for this version and digest. */
export function bundleBanner(version, digest) {
  return `/*! gd-widgets ${version} (MIT) · inputs ${digest} */`;
}

/** The digest written in a bundle's first line, or null (an older or a foreign file). */
export function bundleDigest(bundlePath) {
  if (!existsSync(bundlePath)) return null;
  const head = readFileSync(bundlePath, 'utf8').slice(0, 200);
  return BANNER.exec(head)?.[2] ?? null;
}

/**
 * Rollup plugin: the banner as the bundle's first line, after minification (a plain
 * `output.banner` would be stripped by terser). Place it after terser.
 */
export function inputsBanner(root, version) {
  return {
    name: 'gd-widgets-inputs-banner',
    renderChunk(code) {
      return { code: `${bundleBanner(version, inputsDigest(root))}\n${code}`, map: null };
    },
  };
}
