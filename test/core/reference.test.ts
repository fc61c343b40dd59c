/**
 * The core against PyTorch: every trajectory and every gradient record of
 * test/reference/trajectories.json (the project's copy of shared/reference's), to 1e-9
 * relative error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOptimizer, getSurface, descend, hasDiverged, leashOf, type OptimizerName, type OptimizerOptions } from '../../src/core/index.js';

interface Trajectory {
  surface: string;
  optimizer: OptimizerName;
  options: OptimizerOptions;
  start: [number, number];
  steps: number;
  path: [number, number][];
}
interface GradientRecord {
  surface: string;
  at: [number, number];
  value: number;
  gradient: [number, number];
}

const referencePath = fileURLToPath(new URL('../reference/trajectories.json', import.meta.url));
const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as {
  trajectories: Trajectory[];
  gradients: GradientRecord[];
};

/** |a - b| <= 1e-9 max(|b|, 1): relative, with an absolute floor near zero. */
function close(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(expected), 1);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * scale, `${what}: ${actual} vs ${expected}`);
}

test('the reference covers every surface and every optimizer form', () => {
  const forms = new Set(reference.trajectories.map((t) => `${t.optimizer}${t.options.ema ? '-ema' : ''}`));
  assert.deepEqual([...forms].sort(), ['adagrad', 'adam', 'gd', 'momentum', 'momentum-ema', 'nesterov', 'rmsprop']);
  assert.equal(new Set(reference.trajectories.map((t) => t.surface)).size, 10);
  assert.ok(reference.gradients.length >= 10);
});

for (const [i, t] of reference.trajectories.entries()) {
  const label = `${t.optimizer}${t.options.ema ? ' (ema)' : ''} on ${t.surface}, ${JSON.stringify(t.options)}`;

  test(`trajectory ${i}: ${label} step by step`, () => {
    const surface = getSurface(t.surface);
    const optimizer = createOptimizer(t.optimizer, t.options);
    const x = Float64Array.from(t.start);
    for (let k = 1; k <= t.steps; k++) {
      optimizer.step(x, surface);
      close(x[0], t.path[k][0], `x after ${k} steps`);
      close(x[1], t.path[k][1], `y after ${k} steps`);
    }
  });

  test(`trajectory ${i}: ${label} through descend`, () => {
    const surface = getSurface(t.surface);
    const run = descend(surface, createOptimizer(t.optimizer, t.options), t.start, { steps: t.steps });
    // descend stops as diverged at the first reference point beyond 100 domain widths.
    const leash = leashOf(surface);
    const out = t.path.findIndex(([x, y]) => hasDiverged([x, y], 0, leash));
    assert.equal(run.stop, out === -1 ? 'max-steps' : 'diverged');
    assert.equal(run.path.length, out === -1 ? t.steps + 1 : out + 1);
    run.path.forEach((p, k) => {
      close(p[0], t.path[k][0], `x at ${k}`);
      close(p[1], t.path[k][1], `y at ${k}`);
    });
  });
}

for (const [i, r] of reference.gradients.entries()) {
  test(`gradient ${i}: ${r.surface} at (${r.at.map((v) => v.toFixed(3)).join(', ')})`, () => {
    const surface = getSurface(r.surface);
    const grad = new Float64Array(2);
    const value = surface.evaluate(Float64Array.from(r.at), grad);
    close(value, r.value, 'value');
    close(surface.value(r.at[0], r.at[1]), r.value, 'value without gradient');
    close(grad[0], r.gradient[0], 'df/dx');
    close(grad[1], r.gradient[1], 'df/dy');
  });
}
