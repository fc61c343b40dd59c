/** Attribute reading: strict numbers, points, domains, notes and one warning per bad value. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeReader, errorWindow, MAX_NUMBER_LENGTH, MAX_QUOTED_LENGTH, parseDomain, parseInterval, parsePoint, parseStrictNumber, shortNumber } from '../../src/shared/attributes.js';
import { MESSAGES } from '../../src/i18n/messages.js';

/** Just enough of an element for the reader: its attributes and its tag. */
function fakeHost(attributes: Record<string, string>) {
  return { localName: 'gd-test', getAttribute: (n: string) => attributes[n] ?? null } as unknown as HTMLElement;
}

function withWarnings<T>(fn: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    return { result: fn(), warnings };
  } finally {
    console.warn = original;
  }
}

test('strict numbers: decimals and scientific notation only', () => {
  assert.equal(parseStrictNumber('0.001'), 0.001);
  assert.equal(parseStrictNumber(' 1.5e-3 '), 0.0015);
  assert.equal(parseStrictNumber('-2'), -2);
  assert.equal(parseStrictNumber('.5'), 0.5);
  assert.equal(parseStrictNumber('1e309'), Infinity);
  for (const bad of ['', ' ', 'abc', 'NaN', 'Infinity', '0x10', '1,5', '<b>1</b>', '1e', '--1']) {
    assert.ok(Number.isNaN(parseStrictNumber(bad)), bad);
  }
});

test('points and domains', () => {
  assert.deepEqual(parsePoint('-1.2, 1'), [-1.2, 1]);
  assert.deepEqual(parsePoint('3 4'), [3, 4]);
  assert.equal(parsePoint('1'), null);
  assert.equal(parsePoint('1,2,3'), null);
  assert.equal(parsePoint('a,b'), null);
  assert.deepEqual(parseDomain('-3,3,-2,2'), { x: [-3, 3], y: [-2, 2] });
  assert.equal(parseDomain('3,-3,-2,2'), null);
  assert.equal(parseDomain('1,2,3'), null);
});

test('a bad number falls back with a note in the reader\'s language and one warning', () => {
  const reader = new AttributeReader(fakeHost({ lr: 'abc', beta: '-1', steps: '2.5', tolerance: '1e309' }));
  const { result, warnings } = withWarnings(() => {
    reader.begin(MESSAGES.es);
    return [
      reader.number('lr', NaN, { min: 0, max: 10, minExclusive: true }, 0.001),
      reader.number('beta', -1, { min: 0, max: 0.999 }, 0.9),
      reader.number('steps', 2.5, { min: 1, max: 5000, integer: true }, 500),
      reader.number('tolerance', Infinity, { min: 0, max: 1, minExclusive: true }, 1e-5),
    ];
  });
  assert.deepEqual(result, [0.001, 0.9, 500, 1e-5]);
  assert.deepEqual(reader.notes, [
    'lr="abc" no es un número; se usa 0.001.',
    'beta="-1" debe ser entre 0 y 0.999; se usa 0.9.',
    'steps="2.5" debe ser un número entero de 1 a 5000; se usa 500.',
    'tolerance="1e309" debe ser entre 0 y 1; se usa 1e-5.',
  ]);
  assert.equal(warnings.length, 4);
  assert.match(warnings[0], /^<gd-test> lr="abc" is not a number; using 0.001\.$/);
  // Reading again notes again, but does not warn twice for the same value.
  const again = withWarnings(() => {
    reader.begin(MESSAGES.en);
    return reader.number('lr', NaN, { min: 0, max: 10, minExclusive: true }, 0.001);
  });
  assert.equal(again.result, 0.001);
  assert.equal(reader.notes.length, 1);
  assert.equal(again.warnings.length, 0);
});

test('absent values take the default silently; good values pass', () => {
  const reader = new AttributeReader(fakeHost({}));
  reader.begin(MESSAGES.en);
  assert.equal(reader.number('lr', undefined, { min: 0, max: 1, minExclusive: true }, 0.01), 0.01);
  assert.equal(reader.number('lr', 0.5, { min: 0, max: 1, minExclusive: true }, 0.01), 0.5);
  assert.equal(reader.choice('optimizer', ' Adam ', ['gd', 'adam'] as const, 'gd'), 'adam');
  assert.deepEqual(reader.point('start', '1,2', { x: [-3, 3], y: [-3, 3] }, [0, 0]), [1, 2]);
  assert.deepEqual(reader.notes, []);
});

test('choices and points outside the domain are refused with the options named', () => {
  const reader = new AttributeReader(fakeHost({ optimizer: 'sgd', start: '9,9' }));
  const { warnings } = withWarnings(() => {
    reader.begin(MESSAGES.en);
    assert.equal(reader.choice('optimizer', 'sgd', ['gd', 'adam'] as const, 'gd'), 'gd');
    assert.deepEqual(reader.point('start', '9,9', { x: [-3, 3], y: [-3, 3] }, [1, -1]), [1, -1]);
    assert.deepEqual(reader.point('start', '<script>', { x: [-3, 3], y: [-3, 3] }, [1, -1]), [1, -1]);
  });
  assert.equal(reader.notes[0], 'optimizer="sgd" is not one of gd, adam; using gd.');
  assert.equal(reader.notes[1], 'start="9,9" is not a point "x,y" inside the plot; using 1,-1.');
  assert.equal(warnings.length, 3);
});

test('a value of 100,000 characters is read no further than a number can be long, and quoted cut short', () => {
  const long = '1'.repeat(100_000);
  // Longer than any number is written: not read as one (a regex on it took minutes).
  assert.ok(Number.isNaN(parseStrictNumber('1'.repeat(MAX_NUMBER_LENGTH + 1))));
  assert.equal(parseStrictNumber('1'.repeat(MAX_NUMBER_LENGTH)), Number('1'.repeat(MAX_NUMBER_LENGTH)));
  assert.ok(Number.isNaN(parseStrictNumber(`${long}x`)));
  assert.equal(parsePoint(`1,${long}`), null);
  assert.equal(parseDomain(`0,1,0,${long}`), null);
  assert.equal(parseDomain(`1${', '.repeat(50_000)}`), null);
  const host = fakeHost({ lr: `${long}x`, optimizer: long, start: long, domain: long });
  const reader = new AttributeReader(host);
  const { warnings } = withWarnings(() => {
    reader.begin(MESSAGES.en);
    reader.number('lr', parseStrictNumber(`${long}x`), { min: 0, max: 10 }, 0.1);
    reader.choice('optimizer', long, ['gd', 'adam'], 'gd');
    reader.point('start', long, { x: [-1, 1], y: [-1, 1] }, [0, 0]);
    reader.domain('domain', long, { x: [-3, 3], y: [-3, 3] });
    reader.interval('domain', long, [-3, 3]);
  });
  assert.equal(reader.notes.length, 5);
  for (const text of [...reader.notes, ...warnings]) {
    assert.ok(text.length < MAX_QUOTED_LENGTH + 200, `${text.length} characters: ${text.slice(0, 80)}`);
    assert.match(text, new RegExp(`="1{${MAX_QUOTED_LENGTH}}\u2026"`));
  }
});

test('a domain too narrow next to its values to draw gets its own note and the default', () => {
  assert.equal(parseDomain('1e15,1000000000000000.5,-1,1'), null);
  assert.deepEqual(parseDomain('1e15,1000000000000000.5,-1,1', true), { x: [1e15, 1000000000000000.5], y: [-1, 1] });
  assert.deepEqual(parseDomain('999.999,1000.001,-1,1'), { x: [999.999, 1000.001], y: [-1, 1] });
  assert.equal(parseInterval('1,1.0000000000001'), null);
  const reader = new AttributeReader(fakeHost({}));
  withWarnings(() => {
    for (const messages of [MESSAGES.en, MESSAGES.es]) {
      reader.begin(messages);
      assert.deepEqual(reader.domain('domain', '1e15,1000000000000000.5,-1,1', { x: [-3, 3], y: [-3, 3] }), { x: [-3, 3], y: [-3, 3] });
      assert.deepEqual(reader.interval('domain', '1,1.0000000000001', [-3, 3]), [-3, 3]);
      assert.equal(reader.notes.length, 2);
      assert.match(reader.notes[0], messages === MESSAGES.en ? /too narrow.*using -3,3,-3,3/ : /demasiado estrecho.*se usa -3,3,-3,3/);
      assert.match(reader.notes[1], messages === MESSAGES.en ? /too narrow.*using -3,3/ : /demasiado estrecho.*se usa -3,3/);
    }
  });
});

test('short numbers for notes', () => {
  assert.equal(shortNumber(0.001), '0.001');
  assert.equal(shortNumber(1e-5), '1e-5');
  assert.equal(shortNumber(1e-8), '1e-8');
  assert.equal(shortNumber(5000), '5000');
  assert.equal(shortNumber(0.1 + 0.2), '0.3');
});

test('a long expression\'s error shows a window around the caret, cut with ellipses', () => {
  assert.deepEqual(errorWindow('x^^2', 2), { text: 'x^^2', caret: 2 });
  // An invisible character is shown, so that the caret points at something.
  assert.deepEqual(errorWindow('x\u200b^2', 1), { text: 'x\ufffd^2', caret: 1 });
  assert.deepEqual(errorWindow('x\u{e0041}^2', 1), { text: 'x\ufffd\ufffd^2', caret: 1 });
  assert.deepEqual(errorWindow('x +\n\ty #', 6), { text: 'x +  y #', caret: 6 });
  const text = 'x+'.repeat(100) + '#' + '+x'.repeat(100);
  const { text: shown, caret } = errorWindow(text, 200, 60);
  assert.equal(shown.length, 62);
  assert.ok(shown.startsWith('\u2026') && shown.endsWith('\u2026'));
  assert.equal(shown[caret], '#');
  const end = errorWindow('x'.repeat(100_000), 500, 60);
  assert.equal(end.text[end.caret], 'x');
  assert.ok(end.text.length <= 62);
  const tail = errorWindow('x'.repeat(1000) + '#', 1000, 60);
  assert.equal(tail.text[tail.caret], '#');
  assert.ok(!tail.text.endsWith('\u2026'));
});
