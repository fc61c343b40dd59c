/**
 * What every element test needs: a fixture that mounts markup and waits for the first
 * render, an accessibility check with axe-core, and a watch on uncaught errors.
 */
import type { LitElement } from 'lit';

/**
 * Mounts `markup` in a fresh container and resolves with its first element, rendered.
 * Scrolled into view first, as a reader would: a figure renders when it comes near the
 * viewport, and fixtures left by earlier steps of a test push this one down the page.
 */
export async function fixture<T extends LitElement>(markup: string, width = 900): Promise<T> {
  const container = document.createElement('div');
  container.style.width = `${width}px`;
  container.innerHTML = markup;
  document.body.append(container);
  const el = container.firstElementChild as T;
  el.scrollIntoView();
  await el.updateComplete;
  await nextFrame();
  return el;
}

export function cleanup(): void {
  for (const el of [...document.body.children]) if (el.tagName === 'DIV') el.remove();
}

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Resolves when `event` fires on `target`, or rejects after `ms`. */
export function eventOf<T = unknown>(target: EventTarget, event: string, ms = 10000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    target.addEventListener(event, (e) => {
      clearTimeout(timer);
      resolve(e as CustomEvent<T>);
    }, { once: true });
  });
}

/** Counts distinct colours in a canvas: a blank or flat canvas has very few. */
export function distinctColours(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d')!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element, options?: object): Promise<AxeResults> };
  }
}

/** Runs axe-core on an element (shadow DOM included) and returns readable violations. */
export async function accessibilityViolations(el: Element): Promise<string[]> {
  if (!window.axe) await import('/node_modules/axe-core/axe.min.js' as string);
  const results = await window.axe!.run(el, { resultTypes: ['violations'] });
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

/** Collects uncaught errors and unhandled rejections while `fn` runs. */
export async function uncaughtDuring(fn: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(String(e.message));
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
    await frames(2);
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

/** Replaces console.warn for the duration of fn and returns what was warned. */
export async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** What an author might type by mistake: empty, words, NaN, a negative, an overflow, markup. */
export const GARBAGE = ['', 'abc', 'NaN', '-1', '1e309', '<b>x</b>'] as const;

export interface Mounted<T> {
  el: T;
  /** Uncaught errors while it connected and rendered. */
  errors: string[];
  /** console.warn calls while it connected and rendered. */
  warnings: string[];
  /** The inline notes it shows. */
  notes: string[];
  remove(): void;
}

/** Creates `<tag>` with these attributes (lang="en"), connects it, and reports what it said. */
export async function mount<T extends LitElement>(tag: string, attributes: Record<string, string>): Promise<Mounted<T>> {
  const el = document.createElement(tag) as T;
  el.setAttribute('lang', 'en');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const host = document.createElement('div');
  let warnings: string[] = [];
  const errors = await uncaughtDuring(async () => {
    warnings = await warningsDuring(async () => {
      host.append(el);
      document.body.append(host);
      el.scrollIntoView();
      await el.updateComplete;
    });
  });
  const notes = [...el.shadowRoot!.querySelectorAll('.notes li')].map((li) => li.textContent!.trim());
  return { el, errors, warnings, notes, remove: () => host.remove() };
}

/** A bad value of `name` was replaced: no uncaught error, a note naming it, and one console warning. */
export function expectNotedOnce(m: Mounted<unknown>, name: string, value: string, expect: (v: unknown, m?: string) => Chai.Assertion): void {
  const what = `${name}="${value}"`;
  expect(m.errors, what).to.deep.equal([]);
  expect(m.notes.some((n) => n.startsWith(`${name}="`)), `${what} is noted: ${m.notes}`).to.equal(true);
  expect(m.warnings.filter((w) => w.includes(`${name}="`)).length, `${what} warned once`).to.equal(1);
}

/** Every select shows its selected option's whole text: as wide as the same select sized to that text. */
export function truncatedSelects(root: ShadowRoot): string[] {
  const cut: string[] = [];
  for (const select of root.querySelectorAll('select')) {
    if (select.getClientRects().length === 0) continue;
    const probe = select.cloneNode(true) as HTMLSelectElement;
    probe.selectedIndex = select.selectedIndex;
    probe.style.cssText = 'field-sizing: content; width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
    select.after(probe);
    const needed = probe.getBoundingClientRect().width;
    probe.remove();
    const width = select.getBoundingClientRect().width;
    if (width + 0.5 < needed) cut.push(`"${select.selectedOptions[0]?.text}" in ${width.toFixed(0)} px of the ${needed.toFixed(0)} it needs`);
  }
  return cut;
}

/** What every figure offers scripts to play it: the methods and the status. */
export interface Playable extends LitElement {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  readonly status: string;
}
