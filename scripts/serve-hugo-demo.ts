/**
 * Builds hugo-demo the way it will be deployed and serves it: under a sub-path
 * (/blog/ by default) and with a strict Content-Security-Policy (default-src 'self'),
 * which `hugo server` does not do. Use it to look at the demo as readers will get it.
 *
 *   node --import tsx scripts/serve-hugo-demo.ts [--port 8080] [--prefix /blog/] [--no-csp]
 *
 * Rebuild by restarting; for live editing use `hugo server -s hugo-demo`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from '../test/hugo/static-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    prefix: { type: 'string', default: '/blog/' },
    'no-csp': { type: 'boolean', default: false },
  },
});

const root = fileURLToPath(new URL('../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'gd-widgets-demo-'));
const server = await startStaticServer({
  port: Number(values.port),
  prefix: values.prefix,
  csp: values['no-csp'] ? null : undefined,
});

const build = spawnSync('hugo', ['-s', join(root, 'hugo-demo'), '-d', out, '--baseURL', server.url, '--noBuildLock'], {
  stdio: 'inherit',
});
if (build.status !== 0) {
  await server.close();
  rmSync(out, { recursive: true, force: true });
  process.exit(build.status ?? 1);
}
server.root = out;
console.log(`\nServing hugo-demo at ${server.url}${values['no-csp'] ? '' : " with Content-Security-Policy: default-src 'self'"}`);
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
