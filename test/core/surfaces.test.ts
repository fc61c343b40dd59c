/** The named surfaces: the table of the design, and minima that really are stationary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SURFACE_NAMES, getSurface, isSurfaceName } from '../../src/core/index.js';

test('the ten named surfaces, in the design\'s order', () => {
  assert.deepEqual(
    [...SURFACE_NAMES],
    ['bowl', 'ravine', 'rosenbrock', 'himmelblau', 'beale', 'booth', 'rastrigin', 'saddle', 'six-hump-camel', 'ackley'],
  );
});

test('domains as the design lists them', () => {
  const domains = Object.fromEntries(SURFACE_NAMES.map((n) => [n, getSurface(n).domain]));
  assert.deepEqual(domains.ravine, { x: [-4, 4], y: [-2, 2] });
  assert.deepEqual(domains.rosenbrock, { x: [-2, 2], y: [-1, 3] });
  assert.deepEqual(domains.rastrigin, { x: [-5.12, 5.12], y: [-5.12, 5.12] });
  assert.deepEqual(domains['six-hump-camel'], { x: [-3, 3], y: [-2, 2] });
});

test('every listed minimum is stationary, inside the domain, and no lower point is nearby', () => {
  const grad = new Float64Array(2);
  for (const name of SURFACE_NAMES) {
    const s = getSurface(name);
    for (const [mx, my] of s.minima) {
      const f = s.evaluate(Float64Array.of(mx, my), grad);
      assert.ok(Math.hypot(grad[0], grad[1]) < 1e-6, `${name} at (${mx}, ${my}): |grad| ${Math.hypot(grad[0], grad[1])}`);
      assert.ok(mx >= s.domain.x[0] && mx <= s.domain.x[1] && my >= s.domain.y[0] && my <= s.domain.y[1]);
      for (const [dx, dy] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3]]) {
        assert.ok(s.value(mx + dx, my + dy) >= f, `${name}: lower point next to the minimum`);
      }
    }
  }
  assert.deepEqual(getSurface('saddle').minima, []);
  assert.equal(getSurface('himmelblau').minima.length, 4);
});

test('values at points checked by hand', () => {
  assert.equal(getSurface('rosenbrock').value(1, 1), 0);
  assert.equal(getSurface('rosenbrock').value(0, 0), 1);
  assert.equal(getSurface('booth').value(0, 0), 74);
  assert.equal(getSurface('himmelblau').value(0, 0), 170);
  assert.ok(Math.abs(getSurface('ackley').value(0, 0)) < 1e-12);
  assert.equal(getSurface('saddle').value(1, 2), -3);
});

test('Ackley has a finite gradient at its minimum, where r = 0', () => {
  const grad = new Float64Array(2);
  getSurface('ackley').evaluate(Float64Array.of(0, 0), grad);
  assert.deepEqual([...grad], [0, 0]);
});

test('unknown names are refused with the list of choices', () => {
  assert.throws(() => getSurface('banana'), /unknown surface 'banana' \(one of bowl, ravine/);
  assert.equal(isSurfaceName('__proto__'), false);
  assert.equal(isSurfaceName('toString'), false);
  assert.equal(isSurfaceName('bowl'), true);
});
