/** The loss over (w, b): the closed form for a line by MSE agrees with the model's own objective. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModel, lossSurfaceOf, makeDataset } from '../../src/core/index.js';

test('MSE of a line: the five-sum quadratic equals the model objective, and its minimum is least squares', () => {
  const model = createModel(makeDataset('linear', { samples: 50, noise: 0.5, seed: 3 }));
  const { surface, minimum } = lossSurfaceOf(model)!;
  const objective = model.objective();
  const g1 = new Float64Array(2);
  const g2 = new Float64Array(2);
  for (const [w, b] of [[0, 0], [1.2, -0.7], [-2, 3]]) {
    const a = surface.evaluate(Float64Array.of(w, b), g1);
    const e = objective.evaluate(Float64Array.of(w, b), g2);
    assert.ok(Math.abs(a - e) < 1e-9 * Math.max(1, e), `${a} vs ${e}`);
    assert.ok(Math.abs(g1[0] - g2[0]) < 1e-9 * Math.max(1, Math.abs(g2[0])) && Math.abs(g1[1] - g2[1]) < 1e-9 * Math.max(1, Math.abs(g2[1])));
  }
  // The gradient vanishes at the minimum, and the window holds it and the start.
  surface.evaluate(minimum!, g1);
  assert.ok(Math.hypot(g1[0], g1[1]) < 1e-9);
  assert.ok(surface.domain.x[0] < Math.min(0, minimum![0]) && surface.domain.x[1] > Math.max(0, minimum![0]));
  assert.ok(surface.domain.y[0] < Math.min(0, minimum![1]) && surface.domain.y[1] > Math.max(0, minimum![1]));
});

test('by hand: points (0, 1) and (1, 3) lie on y = 2x + 1', () => {
  const model = createModel({ ...makeDataset('linear', { samples: 2 }), x: Float64Array.of(0, 1), y: Float64Array.of(1, 3), n: 2, d: 1 });
  const { surface, minimum } = lossSurfaceOf(model)!;
  assert.deepEqual([...minimum!].map((v) => +v.toFixed(12)), [2, 1]);
  // L(0, 0) = (1 + 9) / 2 = 5.
  assert.equal(surface.value(0, 0), 5);
});

test('models of more than two parameters have no surface', () => {
  assert.equal(lossSurfaceOf(createModel(makeDataset('logistic'))), null);
});
