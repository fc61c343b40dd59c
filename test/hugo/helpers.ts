/**
 * Shared by the Hugo end-to-end tests: building the demo site (or a copy of it) with
 * Debian's hugo, and launching Debian's chromium through puppeteer-core.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const demoDir = join(repoRoot, 'hugo-demo');

export interface HugoRun {
  status: number | null;
  output: string;
}

/** `hugo -s source -d dest --baseURL baseURL`, with stdout and stderr together. */
export function hugoBuild(source: string, dest: string, baseURL?: string): HugoRun {
  const args = ['-s', source, '-d', dest, '--cleanDestinationDir', '--noBuildLock'];
  if (baseURL) args.push('--baseURL', baseURL);
  const run = spawnSync('hugo', args, { encoding: 'utf8', timeout: 120_000 });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `gd-widgets-${label}-`));
}

/**
 * Copies hugo-demo into a fresh temporary folder, as a user's site would be: its own
 * config, content and layouts, and themes/gd-widgets pointing at this repository.
 * (The committed link is relative, ../.., which only works inside the repository.)
 */
export function copyDemo(label: string): string {
  const site = join(tempDir(label), 'site');
  cpSync(demoDir, site, {
    recursive: true,
    filter: (src) => !/[/\\](public|resources|themes)$/.test(src) && !src.endsWith('.hugo_build.lock'),
  });
  mkdirSync(join(site, 'themes'), { recursive: true });
  symlinkSync(repoRoot, join(site, 'themes', 'gd-widgets'), 'dir');
  return site;
}

export function removeTemp(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export async function launchChromium(): Promise<{ browser: Browser; profile: string }> {
  const profile = tempDir('chromium-profile');
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: profile,
    args: chromiumArgs,
  });
  return { browser, profile };
}

/** Writes each file (path relative to `dir` -> text), making the folders on the way. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A TCP port free on 127.0.0.1 now, for a server a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` passes, polling; rejects with `what` after `limitMs` (a limit for giving up, not a claim about speed). */
export async function until(what: string, check: () => boolean | Promise<boolean>, limitMs: number): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting: ${what}`);
}
