/**
 * The DOM side of scheme.ts: reads what the page shows behind an element, and tells
 * every element on the page when that may have changed.
 *
 * Reading walks the element's ancestors in the flat tree (through slots and out of
 * shadow roots by `getRootNode().host`) up to <html>, reading computed backgrounds; it
 * runs when an element connects and on the events below, never per frame.
 *
 * One watcher for the whole page, shared by every element (a post may hold two dozen
 * figures): a MutationObserver on any attribute of <html> and <body> (class, style,
 * data-*: themes say dark in many ways), `prefers-color-scheme` changes, the end of a
 * background or colour transition on <html>, <body> or an ancestor of an element
 * (themes animate the switch, and a reading mid-transition sees the old colour), and
 * a stylesheet that finishes loading (a theme switch may swap a <link>).
 */
import { parseColour, type Colour } from './colour.js';
import { pageScheme, type Scheme } from './scheme.js';

/** Computed backgrounds by element, for one round of readings (elements share ancestors). */
export type BackgroundMemo = Map<Element, Colour | null>;

let converter: CanvasRenderingContext2D | null | undefined;

/** A colour parseColour does not read (lab, lch, display-p3): the browser paints it on one pixel and we read the pixel. */
function colourByCanvas(text: string): Colour | null {
  if (converter === undefined) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    converter = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!converter) return null;
  converter.clearRect(0, 0, 1, 1);
  converter.fillStyle = '#000';
  converter.fillStyle = text;
  converter.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = converter.getImageData(0, 0, 1, 1).data;
  return { r, g, b, a: a / 255 };
}

/** The element's own background colour as painted, or null when it paints none (transparent, `display: contents`). */
function backgroundOf(el: Element, memo: BackgroundMemo): Colour | null {
  if (memo.has(el)) return memo.get(el)!;
  const style = getComputedStyle(el);
  let colour: Colour | null = null;
  if (style.display !== 'contents') {
    const text = style.backgroundColor;
    colour = parseColour(text) ?? colourByCanvas(text);
    if (colour && colour.a === 0) colour = null;
  }
  memo.set(el, colour);
  return colour;
}

/** The element's parent in the flat tree: its slot, its parent, or its shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The non-transparent backgrounds behind `el` (not its own), nearest first, down to the first opaque one. */
export function backgroundsBehind(el: Element, memo: BackgroundMemo = new Map()): Colour[] {
  const layers: Colour[] = [];
  for (let node = flatParent(el); node; node = flatParent(node)) {
    const colour = backgroundOf(node, memo);
    if (!colour) continue;
    layers.push(colour);
    if (colour.a >= 1) break;
  }
  return layers;
}

/** The root's color-scheme in use: computed, or the `<meta name="color-scheme">` content when that is 'normal'. */
export function rootColorScheme(doc: Document = document): string {
  const computed = getComputedStyle(doc.documentElement).colorScheme || 'normal';
  if (computed !== 'normal') return computed;
  return doc.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content.trim() || 'normal';
}

const prefersDarkQuery = () => window.matchMedia?.('(prefers-color-scheme: dark)');

/** What the page shows behind `el` now. */
export function schemeBehind(el: Element, memo: BackgroundMemo = new Map()): Scheme {
  return pageScheme({
    rootColorScheme: rootColorScheme(el.ownerDocument),
    backgrounds: backgroundsBehind(el, memo),
    prefersDark: prefersDarkQuery()?.matches ?? false,
  });
}

// ---- the page watcher ----

/** An element that follows the page: its host, and what to run when the page may have changed. */
export interface SchemeWatcher {
  readonly host: Element;
  refresh(memo: BackgroundMemo): void;
}

const watchers = new Set<SchemeWatcher>();
let observer: MutationObserver | undefined;
let media: MediaQueryList | undefined;
let observedBody: HTMLElement | null = null;

function notifyAll(): void {
  const memo: BackgroundMemo = new Map();
  for (const watcher of [...watchers]) watcher.refresh(memo);
}

/** Background, colour and color-scheme transitions; not transform, opacity, box-shadow. */
const SCHEME_PROPERTY = /^(background|background-color|color|color-scheme|all)$/;

function onTransitionEnd(event: Event): void {
  const { propertyName } = event as TransitionEvent;
  if (!SCHEME_PROPERTY.test(propertyName)) return;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const doc = target.ownerDocument;
  if (target === doc.documentElement || target === doc.body || [...watchers].some((w) => target.contains(w.host))) notifyAll();
}

function onLoad(event: Event): void {
  const target = event.target;
  if (target instanceof HTMLLinkElement && target.relList.contains('stylesheet')) notifyAll();
}

function onMutations(records: MutationRecord[]): void {
  // <body> may have arrived (or been replaced): watch its attributes too.
  const body = observedBody;
  observeBody();
  if (observedBody !== body || records.some((r) => r.type === 'attributes')) notifyAll();
}

function observeBody(): void {
  const body = document.body;
  if (!observer || !body || body === observedBody) return;
  observedBody = body;
  observer.observe(body, { attributes: true });
}

function start(): void {
  observer = new MutationObserver(onMutations);
  // Every attribute of <html>; its children only to find <body> when it appears.
  observer.observe(document.documentElement, { attributes: true, childList: true });
  observeBody();
  media = prefersDarkQuery();
  media?.addEventListener('change', notifyAll);
  document.addEventListener('transitionend', onTransitionEnd, true);
  document.addEventListener('transitioncancel', onTransitionEnd, true);
  document.addEventListener('load', onLoad, true);
}

function stop(): void {
  observer?.disconnect();
  observer = undefined;
  observedBody = null;
  media?.removeEventListener('change', notifyAll);
  media = undefined;
  document.removeEventListener('transitionend', onTransitionEnd, true);
  document.removeEventListener('transitioncancel', onTransitionEnd, true);
  document.removeEventListener('load', onLoad, true);
}

/** Calls `watcher.refresh` whenever what the page shows may have changed, until the returned function is called. */
export function watchPageScheme(watcher: SchemeWatcher): () => void {
  watchers.add(watcher);
  if (!observer) start();
  else observeBody();
  return () => {
    watchers.delete(watcher);
    if (watchers.size === 0) stop();
  };
}

