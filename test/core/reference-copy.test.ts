/**
 * The project keeps its own copy of the PyTorch reference files its tests read, under
 * test/reference/, so a fresh clone passes with nothing beside it. Where the shared
 * reference folder sits beside the repository (../shared/reference), each copy must
 * equal it byte for byte: a regenerated reference that was not copied fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const copies = fileURLToPath(new URL('../reference/', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));
const files = readdirSync(copies).filter((f) => f.endsWith('.json'));

test('the project keeps its own reference data', () => {
  for (const file of ['trajectories.json', 'networks.json']) {
    assert.ok(files.includes(file), `test/reference holds ${files.join(', ') || 'nothing'}, not ${file}`);
  }
});

for (const file of files) {
  test(`test/reference/${file} equals shared/reference/${file} when it is there`, (t) => {
    if (!existsSync(`${shared}${file}`)) {
      t.skip('no shared/reference beside the repository');
      return;
    }
    assert.ok(readFileSync(`${copies}${file}`).equals(readFileSync(`${shared}${file}`)), `${file} differs from the shared copy`);
  });
}
