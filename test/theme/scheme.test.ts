/** Light or dark from what the page shows: color-scheme, then backgrounds, then the canvas. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColour } from '../../src/theme/colour.js';
import { canvasScheme, exactScheme, pageScheme } from '../../src/theme/scheme.js';

const colours = (...texts: string[]) => texts.map((t) => parseColour(t)!);

test('a color-scheme names exactly one scheme, or none', () => {
  assert.equal(exactScheme('dark'), 'dark');
  assert.equal(exactScheme('light'), 'light');
  assert.equal(exactScheme('only dark'), 'dark'); // Relearn: color-scheme: only var(--INTERNAL-BROWSER-theme)
  assert.equal(exactScheme('dark only'), 'dark');
  assert.equal(exactScheme('normal'), null);
  assert.equal(exactScheme('light dark'), null);
  assert.equal(exactScheme(''), null);
});

test('the canvas: white unless the root allows dark, then the reader decides', () => {
  assert.equal(canvasScheme('normal', true), 'light'); // no color-scheme: white canvas on a dark system
  assert.equal(canvasScheme('light', true), 'light');
  assert.equal(canvasScheme('light dark', true), 'dark');
  assert.equal(canvasScheme('light dark', false), 'light');
  assert.equal(canvasScheme('dark', false), 'dark');
});

test('the root color-scheme wins over backgrounds', () => {
  assert.equal(pageScheme({ rootColorScheme: 'dark', backgrounds: colours('#fff'), prefersDark: false }), 'dark');
  assert.equal(pageScheme({ rootColorScheme: 'only light', backgrounds: colours('#111'), prefersDark: true }), 'light');
});

test('else the nearest opaque background decides', () => {
  const page = (backgrounds: string[], prefersDark = false, rootColorScheme = 'normal') =>
    pageScheme({ rootColorScheme, backgrounds: colours(...backgrounds), prefersDark });
  assert.equal(page(['#303030']), 'dark'); // Stack dark body
  assert.equal(page(['#424242']), 'dark'); // Stack dark card
  assert.equal(page(['rgb(244, 244, 244)'], true), 'light'); // Ananke's bg-near-white on a dark system
  assert.equal(page(['rgb(255, 255, 255)'], true, 'light dark'), 'light'); // a light page that allows dark
});

test('translucent backgrounds are painted over what is behind them', () => {
  const page = (backgrounds: string[], prefersDark = false, rootColorScheme = 'normal') =>
    pageScheme({ rootColorScheme, backgrounds: colours(...backgrounds), prefersDark });
  // Half black over white is mid grey, L* 53: light. Over a dark page: dark.
  assert.equal(page(['rgba(0, 0, 0, 0.5)', '#fff']), 'light');
  assert.equal(page(['rgba(0, 0, 0, 0.5)', '#303030']), 'dark');
  // 70% black over white is dark.
  assert.equal(page(['rgba(0, 0, 0, 0.7)', '#ffffff']), 'dark');
  // A light veil over a dark page stays dark; nothing opaque: painted over the canvas.
  assert.equal(page(['rgba(255, 255, 255, 0.06)', '#1d1e20']), 'dark');
  assert.equal(page(['rgba(255, 255, 255, 0.06)'], true, 'light dark'), 'dark');
  assert.equal(page(['rgba(255, 255, 255, 0.06)'], true), 'light');
});

test('nothing painted: the canvas decides, not prefers-color-scheme alone', () => {
  assert.equal(pageScheme({ rootColorScheme: 'normal', backgrounds: [], prefersDark: true }), 'light');
  assert.equal(pageScheme({ rootColorScheme: 'light dark', backgrounds: [], prefersDark: true }), 'dark');
  assert.equal(pageScheme({ rootColorScheme: 'light dark', backgrounds: [], prefersDark: false }), 'light');
});
