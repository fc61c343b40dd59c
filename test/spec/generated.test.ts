/**
 * The elements' contracts (src/spec/) are the one place each attribute's rule, default
 * and meaning is written; the Hugo data, the README's tables and custom-elements.json
 * are generated from them. The committed files must equal a fresh generation, and the
 * contracts must hold together: names, defaults within their rules, catalogues from
 * the core.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPTIMIZER_NAMES, SURFACE_NAMES, getSurface } from '../../src/core/index.js';
import { withinRule } from '../../src/shared/attributes.js';
import { ELEMENT_SPECS } from '../../src/spec/index.js';
import { generatedFiles, readmeWithTables } from '../../scripts/generate-spec.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the committed generated files equal a fresh generation from src/spec/ (run `npm run spec` and commit)', () => {
  const stale = [...generatedFiles(root)].filter(([path, content]) => readFileSync(join(root, path), 'utf8') !== content).map(([path]) => path);
  assert.deepEqual(stale, [], 'out of date: run `npm run spec` and commit');
});

test('a hand edit of a generated README table is undone by the generation', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const edited = readme.replace('| `steps` | whole number, 1 to 100000 |', '| `steps` | whole number, 1 to 5 |');
  assert.notEqual(edited, readme);
  assert.equal(readmeWithTables(edited), readme);
});

test('the README has the attribute, scripting and styling tables of every element', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  for (const spec of ELEMENT_SPECS) {
    for (const table of ['attributes', 'scripting', 'styling']) {
      assert.ok(readme.includes(`<!-- spec:${spec.tag}:${table} -->`), `${spec.tag} ${table}`);
    }
  }
});

test('every attribute is listed under its own name, with a meaning, and a default its rule allows', () => {
  for (const spec of ELEMENT_SPECS) {
    for (const [key, a] of Object.entries(spec.attributes)) {
      const what = `<${spec.tag}> ${key}`;
      assert.equal(a.name, key, what);
      assert.ok(a.doc.length > 0, `${what} has a meaning`);
      if ((a.type === 'number' || a.type === 'integer') && a.default !== undefined && Number.isFinite(a.default)) {
        assert.ok(withinRule(a, a.default), `${what}: default ${a.default} within its rule`);
      }
      if (a.type === 'choice' && a.default !== undefined) assert.ok(a.values.includes(a.default as string), `${what}: default is a choice`);
      if (a.type === 'names' && a.default !== undefined) {
        for (const d of a.default as readonly string[]) assert.ok(a.values.includes(d), `${what}: default ${d} is a name`);
      }
    }
  }
});

test('the Hugo catalogues are the core catalogues', () => {
  const catalogues = JSON.parse(readFileSync(join(root, 'data/gd_widgets/catalogues.json'), 'utf8'));
  assert.deepEqual(catalogues.surfaces.names, SURFACE_NAMES);
  assert.deepEqual(catalogues.surfaces.optimizers, OPTIMIZER_NAMES);
  for (const name of SURFACE_NAMES) {
    const d = getSurface(name).domain;
    assert.deepEqual(catalogues.surfaces.domains[name], [...d.x, ...d.y], name);
  }
});

test('custom-elements.json declares every element the bundle defines, and package.json points at it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.ok(pkg.files.includes('custom-elements.json') && pkg.files.includes('data'));
  assert.match(manifest.schemaVersion, /^2\./);
  const index = readFileSync(join(root, 'src/index.ts'), 'utf8');
  const defined = [...index.matchAll(/defineElement\('([a-z-]+)', (\w+)\)/g)].map((m) => [m[1], m[2]]);
  const declared = manifest.modules.flatMap((m: { path: string; declarations: { tagName: string; name: string; customElement: boolean }[] }) =>
    m.declarations.map((d) => {
      assert.equal(d.customElement, true);
      assert.ok(readFileSync(join(root, m.path), 'utf8').includes(`export class ${d.name} `), `${m.path} declares ${d.name}`);
      return [d.tagName, d.name];
    }),
  );
  assert.deepEqual(declared.sort(), defined.sort());
});
