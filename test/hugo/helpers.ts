/**
 * Shared by the Hugo end-to-end tests: building the demo site (or a copy of it) with
 * Debian's hugo, and launching Debian's chromium through puppeteer-core.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
