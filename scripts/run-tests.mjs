#!/usr/bin/env node
// npm test: every suite in turn, each in the runner that fits it, and one closing line
// that adds them up ("tests: N passed, N failed").
//   1. tsc --noEmit (esbuild in the browser runner does not type-check)
//   2. Node's test runner: core, shared layers, plot maths, formulas, build checks
//   3. web-test-runner in Debian's Chromium: the elements and the canvas layers
//   4. Node's test runner again: the Hugo demo built with Debian's Hugo, loaded in Chromium
// Pass suite names to run only some: `npm test -- node browser`.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** Node test files (not `*.browser.test.ts`, which run in Chromium) under test/, in every folder. */
const NODE_FILES = readdirSync('test', { recursive: true })
  .map((path) => `test/${path}`)
  .filter((path) => path.endsWith('.test.ts') && !path.endsWith('.browser.test.ts'))
  .sort();
const inHugo = (path) => path.startsWith('test/hugo/');

/** Each suite is a shell command line. */
const NODE_TESTS = 'node --import tsx --test --test-reporter=spec';
const SUITES = [
  { name: 'types', command: 'tsc --noEmit -p tsconfig.json' },
  { name: 'node', command: `${NODE_TESTS} ${NODE_FILES.filter((p) => !inHugo(p)).join(' ')}` },
  { name: 'browser', command: 'web-test-runner' },
  { name: 'hugo', command: `${NODE_TESTS} ${NODE_FILES.filter(inHugo).join(' ')}` },
];

/** Counts from a runner's output: node's "ℹ pass N" / "ℹ fail N", or web-test-runner's "N passed, N failed". */
function counts(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const node = { passed: /^ℹ pass (\d+)$/m.exec(plain), failed: /^ℹ fail (\d+)$/m.exec(plain) };
  if (node.passed) return { passed: Number(node.passed[1]), failed: Number(node.failed?.[1] ?? 0) };
  const wtr = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (wtr) return { passed: Number(wtr[1]), failed: Number(wtr[2]) };
  return { passed: 0, failed: 0 };
}

function run({ command }) {
  return new Promise((resolve) => {
    let output = '';
    const env = { ...process.env, FORCE_COLOR: '0', PATH: `node_modules/.bin:${process.env.PATH}` };
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const wanted = process.argv.slice(2);
const total = { passed: 0, failed: 0 };
const failedSuites = [];
for (const suite of SUITES.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${suite.name}: ${suite.command.length > 120 ? `${suite.command.slice(0, 117)}...` : suite.command}`);
  const { code, output } = await run(suite);
  const c = counts(output);
  total.passed += c.passed;
  total.failed += c.failed;
  if (code !== 0) {
    failedSuites.push(suite.name);
    if (c.failed === 0) total.failed += 1; // a suite that crashed counts as one failure
  }
  console.log(`=== ${suite.name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}, ${c.passed} passed, ${c.failed} failed`);
}
if (failedSuites.length > 0) console.log(`\nfailed suites: ${failedSuites.join(', ')}`);
console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
process.exit(failedSuites.length > 0 ? 1 : 0);
