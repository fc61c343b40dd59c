/**
 * Section "frames": the frame budget of design.md, measured. A page with one of each
 * element (`gd-explorer`, `gd-lr-slider`, `gd-momentum-race`, `gd-batch-trainer`, `gd-network`)
 * loads the committed bundle `static/gd-widgets/gd-widgets.js` in Debian's Chromium
 * (puppeteer-core, the tests' binary and flags), once with the CPU slowed 4 times
 * through CDP (`Emulation.setCPUThrottlingRate`, a mid-range phone) and once at full
 * speed, side by side:
 *
 *   load  from navigation until every element has rendered (its updates done, fonts
 *         ready, two frames drawn): the long tasks (PerformanceObserver 'longtask',
 *         every task over 50 ms) and the longest;
 *   play  every element's `play()` at once, then 5 s of requestAnimationFrame counting:
 *         frames per second, the longest gap between frames, the long tasks. A run that
 *         ends is played again, so all five play the whole time;
 *   drag  the lr slider's range input set 40 times across its track (an `input` event
 *         each, one after the frame of the last): from the event to the end of the next
 *         frame (a message posted from that frame's requestAnimationFrame runs after its
 *         style, layout and paint).
 *
 *   article  a long article with two dozen figures (the five kinds in turn, between paragraphs) in a
 *         700 px column, viewport 800 x 1000: from navigation until the figures in view
 *         have rendered (and how many of the 24 had by then), the long tasks until then
 *         and over the next second, then while the reader scrolls to the end a screen at
 *         a time (figures render as they come near).
 *
 * Per element, the time of one play frame: the element's animation callback (a
 * requestAnimationFrame callback after which that element, and only it, has an update
 * pending) plus the Lit update that follows (`performUpdate`: configure, render, draw
 * the canvases and the chart). Both are wrapped from the page for the play phases only,
 * through Lit's public lifecycle, with no change to the elements. Then each element
 * plays alone for 2 s: its frame rate, and the main thread's CPU time (CDP's
 * `ThreadTime`) per frame in which it updated.
 *
 * Wall-clock figures grow with whatever else the machine runs; CPU times much less
 * (the throttled ones include the throttling), so the report prints both, and the load
 * average.
 *
 * Goals (design.md, "Frame budget", at 4x throttling): no task over 50 ms while the page
 * loads or plays; 30 frames a second or more while playing; and, for the drag, the
 * next frame within the same 50 ms. The unthrottled figures are printed beside them
 * for scale, without a goal. A missed goal is a report line, never a failure; the
 * browser, the server and the temporary folder are closed and removed in every case.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startStaticServer, type StaticServer } from '../test/hugo/static-server.js';
import { formatTable, median, verdict } from './measure.js';
import type { Section, SectionContext, SectionResult } from './section.js';

const THROTTLE = 4;
const TASK_BUDGET_MS = 50;
const FPS_GOAL = 30;
const PLAY_MS = 5000;
/** Each element also plays alone this long, for its own frame rate and CPU time per frame. */
const ALONE_MS = 2000;
const DRAG_INPUTS = 40;
/** Five figures in a grid of two columns, all on screen: an element off screen pauses its animation. */
const VIEWPORT = { width: 1600, height: 4200 };
const TAGS = ['gd-explorer', 'gd-lr-slider', 'gd-momentum-race', 'gd-batch-trainer', 'gd-network'] as const;

const root = fileURLToPath(new URL('../', import.meta.url));

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gd-widgets frame bench</title>
<link rel="stylesheet" href="page.css">
<script type="module" src="gd-widgets/gd-widgets.js"></script>
</head>
<body>
<main>
${TAGS.map((tag) => `<${tag}></${tag}>`).join('\n')}
</main>
</body>
</html>
`;

const ARTICLE_FIGURES = 24;
const ARTICLE_VIEWPORT = { width: 800, height: 1000 };
const ARTICLE_PARAGRAPH = '<p>Gradient descent moves against the gradient, scaled by the learning rate; the figure below shows it on a surface, step by step, with the update written out.</p>';

const ARTICLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gd-widgets frame bench: an article</title>
<link rel="stylesheet" href="page.css">
<script type="module" src="gd-widgets/gd-widgets.js"></script>
</head>
<body>
<article>
${Array.from({ length: ARTICLE_FIGURES }, (_, i) => `${ARTICLE_PARAGRAPH}\n${ARTICLE_PARAGRAPH}\n<${TAGS[i % TAGS.length]}></${TAGS[i % TAGS.length]}>`).join('\n')}
</article>
</body>
</html>
`;

const PAGE_CSS = `body { margin: 0; font-family: system-ui, sans-serif; }
article { width: 700px; margin: 0 auto; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px; align-items: start; }
`;

/** Long tasks seen in one phase. */
interface Tasks {
  count: number;
  /** Longest task over 50 ms; 0 when there was none. */
  longest: number;
}

interface LoadFigures extends Tasks {
  /** From navigation start until every element had rendered, ms. */
  renderedMs: number;
  /** CPU time of the page's main thread until then, ms (what other processes on the machine do not inflate). */
  cpuMs: number;
  /** Elements that had not rendered (no canvas drawn), by tag. */
  blank: string[];
  /** Elements not entirely inside the viewport (their animation would pause), by tag. */
  offScreen: string[];
}

interface ElementFrames {
  tag: string;
  /** gd-step events during the play phase. */
  steps: number;
  /** Runs played again after they ended. */
  replays: number;
  /** Play frames attributed: an animation callback and the update after it. */
  frames: number;
  medianMs: number;
  maxMs: number;
  /** Playing alone: frames per second, and main-thread CPU time per frame in which it updated, ms. */
  aloneFps: number;
  aloneCpuPerFrameMs: number;
}

interface PlayFigures extends Tasks {
  fps: number;
  longestGapMs: number;
  /** Main-thread CPU time per frame shown, ms. */
  cpuPerFrameMs: number;
  elements: ElementFrames[];
}

interface DragFigures extends Tasks {
  medianMs: number;
  maxMs: number;
}

interface ArticleFigures {
  /** From navigation until every figure in view had rendered, ms. */
  inViewMs: number;
  /** Figures in view, and figures rendered (of ARTICLE_FIGURES) when those in view were. */
  inView: number;
  renderedThen: number;
  /** Long tasks from navigation until a second after the figures in view rendered. */
  load: Tasks;
  /** Long tasks while scrolling to the end a screen at a time; figures rendered at the end. */
  scroll: Tasks;
  renderedAtEnd: number;
}

interface RunFigures {
  rate: number;
  load: LoadFigures;
  play: PlayFigures;
  drag: DragFigures;
  pageErrors: string[];
}

/** What the page keeps for the bench, installed before any of its scripts. */
interface BenchState {
  longTasks: { start: number; duration: number }[];
  flush(): void;
  raf(callback: FrameRequestCallback): number;
}

type BenchWindow = Window & { __bench: BenchState };

/** Runs in the page before its scripts: the long-task observer and an unwrapped requestAnimationFrame. */
function installProbe(): void {
  const w = window as unknown as BenchWindow;
  const longTasks: BenchState['longTasks'] = [];
  const keep = (list: PerformanceEntryList) => {
    for (const e of list) longTasks.push({ start: e.startTime, duration: e.duration });
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  w.__bench = {
    longTasks,
    flush: () => keep(observer.takeRecords()),
    raf: window.requestAnimationFrame.bind(window),
  };
}

/** Waits until every element has rendered and nothing is pending; returns when (ms from navigation) and what is missing. */
async function waitRendered(tags: readonly string[]) {
  const b = (window as unknown as BenchWindow).__bench;
  const twoFrames = () => new Promise<void>((resolve) => b.raf(() => b.raf(() => resolve())));
  await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
  const elements = tags.map((tag) => document.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean>; isUpdatePending: boolean });
  // A first render can ask for another (a resize observed after layout): wait until all settle.
  for (let round = 0; round < 10; round++) {
    await Promise.all(elements.map((el) => el.updateComplete));
    await document.fonts.ready;
    await twoFrames();
    if (elements.every((el) => !el.isUpdatePending)) break;
  }
  const renderedAt = performance.now();
  const blank = tags.filter((_, i) => {
    const canvases = [...(elements[i].shadowRoot?.querySelectorAll('canvas') ?? [])];
    return canvases.length === 0 || canvases.some((c) => c.width === 0 || c.height === 0);
  });
  const offScreen = tags.filter((_, i) => {
    const r = elements[i].getBoundingClientRect();
    return r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth;
  });
  return { renderedAt, blank, offScreen };
}

/** Long tasks that started in [from, to), after the observer has caught up. */
async function tasksBetween(page: Page, from: number, to: number): Promise<Tasks> {
  return page.evaluate(
    async (from, to) => {
      const b = (window as unknown as BenchWindow).__bench;
      await new Promise((resolve) => setTimeout(resolve, 300));
      b.flush();
      const inside = b.longTasks.filter((t) => t.start >= from && t.start < to);
      return { count: inside.length, longest: Math.max(0, ...inside.map((t) => t.duration)) };
    },
    from,
    to,
  );
}

/** Plays every element for `playMs`, counting frames and timing each element's part of them. */
async function playAll(tags: readonly string[], playMs: number) {
  type Figure = HTMLElement & { play(): void; pause(): void; isUpdatePending: boolean; performUpdate(): void };
  const b = (window as unknown as BenchWindow).__bench;
  const elements = tags.map((tag) => document.querySelector(tag) as Figure);

  // Attribution: an animation callback belongs to the element it left with an update pending.
  const stats = elements.map(() => ({ steps: 0, replays: 0, frames: [] as number[], pendingTick: -1 }));
  const original = window.requestAnimationFrame;
  window.requestAnimationFrame = (callback) =>
    b.raf((time) => {
      const before = elements.map((el) => el.isUpdatePending);
      const t0 = performance.now();
      try {
        callback(time);
      } finally {
        const spent = performance.now() - t0;
        const owners = elements.flatMap((el, i) => (!before[i] && el.isUpdatePending ? [i] : []));
        if (owners.length === 1) stats[owners[0]].pendingTick = spent;
      }
    });
  elements.forEach((el, i) => {
    const update = el.performUpdate;
    el.performUpdate = function (this: Figure) {
      const t0 = performance.now();
      try {
        update.call(this);
      } finally {
        const s = stats[i];
        if (s.pendingTick >= 0) s.frames.push(s.pendingTick + performance.now() - t0);
        s.pendingTick = -1;
      }
    };
  });
  let playing = true;
  const listeners = elements.map((el, i) => {
    const onStep = () => stats[i].steps++;
    // Played again after the rAF callback that ended it has returned.
    const onStop = () => {
      stats[i].replays++;
      setTimeout(() => playing && el.play(), 0);
    };
    el.addEventListener('gd-step', onStep);
    el.addEventListener('gd-stop', onStop);
    return () => {
      el.removeEventListener('gd-step', onStep);
      el.removeEventListener('gd-stop', onStop);
    };
  });

  const start = performance.now();
  const stamps: number[] = [];
  try {
    for (const el of elements) el.play();
    await new Promise<void>((resolve) => {
      const frame = (time: number) => {
        stamps.push(time);
        if (performance.now() - start >= playMs) resolve();
        else b.raf(frame);
      };
      b.raf(frame);
    });
  } finally {
    playing = false;
    for (const el of elements) el.pause();
    window.requestAnimationFrame = original;
    for (const el of elements) delete (el as Partial<Figure>).performUpdate;
    for (const remove of listeners) remove();
  }
  const end = performance.now();
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  const span = stamps[stamps.length - 1] - stamps[0];
  return {
    start,
    end,
    fps: span > 0 ? ((stamps.length - 1) * 1000) / span : 0,
    frames: stamps.length,
    longestGapMs: Math.max(0, ...gaps),
    elements: stats.map((s, i) => ({ tag: tags[i], steps: s.steps, replays: s.replays, frames: s.frames })),
  };
}

/** Sets the lr slider's range input `count` times across its track; ms from each input event to the end of the next frame. */
async function dragLr(count: number) {
  const b = (window as unknown as BenchWindow).__bench;
  const slider = document.querySelector('gd-lr-slider');
  const input = slider?.shadowRoot?.querySelector<HTMLInputElement>('input#lr[type="range"]');
  if (!input) throw new Error('gd-lr-slider has no range input #lr');
  const lo = Number(input.min);
  const hi = Number(input.max);
  const afterNextFrame = () =>
    new Promise<number>((resolve) =>
      b.raf(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  await afterNextFrame();
  const start = performance.now();
  const delays: number[] = [];
  for (let k = 0; k < count; k++) {
    // Across 30% .. 90% of the track and back: slow rates to diverging ones.
    const phase = k / (count - 1);
    const f = 0.3 + 0.6 * (phase <= 0.5 ? 2 * phase : 2 - 2 * phase);
    input.value = String(Math.round(lo + f * (hi - lo)));
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    delays.push((await afterNextFrame()) - t0);
  }
  return { start, end: performance.now(), delays };
}

/** In the article page: waits until the figures in view have rendered; when, and how many had. */
async function waitInView() {
  type Figure = HTMLElement & { hasUpdated: boolean; updateComplete: Promise<boolean> };
  const b = (window as unknown as BenchWindow).__bench;
  const all = () => [...document.querySelectorAll('article > *')].filter((el) => el.localName.startsWith('gd-')) as Figure[];
  const inView = () =>
    all().filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
  await customElements.whenDefined('gd-explorer');
  for (let k = 0; k < 2000 && !inView().every((el) => el.hasUpdated); k++) await new Promise((resolve) => b.raf(resolve));
  await Promise.all(inView().map((el) => el.updateComplete));
  return { at: performance.now(), inView: inView().length, rendered: all().filter((el) => el.hasUpdated).length };
}

/** Scrolls the article to its end a screen at a time, a frame and a pause after each; returns when it started and ended, and figures rendered. */
async function scrollArticle() {
  type Figure = HTMLElement & { hasUpdated: boolean };
  const b = (window as unknown as BenchWindow).__bench;
  const start = performance.now();
  while (scrollY + innerHeight < document.documentElement.scrollHeight - 1) {
    scrollBy(0, innerHeight);
    await new Promise((resolve) => b.raf(resolve));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const figures = [...document.querySelectorAll('article > *')].filter((el) => el.localName.startsWith('gd-')) as Figure[];
  return { start, end: performance.now(), rendered: figures.filter((el) => el.hasUpdated).length };
}

/** The article with two dozen figures at CPU slowdown `rate`. */
async function measureArticle(browser: Browser, url: string, rate: number): Promise<ArticleFigures> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ ...ARTICLE_VIEWPORT, deviceScaleFactor: 1 });
    await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.evaluateOnNewDocument(installProbe);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const shown = await page.evaluate(waitInView);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const load = await tasksBetween(page, 0, shown.at + 1000);
    const scrolled = await page.evaluate(scrollArticle);
    const scroll = await tasksBetween(page, scrolled.start, scrolled.end);
    await cdp.detach();
    return { inViewMs: shown.at, inView: shown.inView, renderedThen: shown.rendered, load, scroll, renderedAtEnd: scrolled.rendered };
  } finally {
    await context.close();
  }
}

/** One page load, play and drag at CPU slowdown `rate`. */
async function measureRun(browser: Browser, url: string, rate: number): Promise<RunFigures> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.setViewport({ ...VIEWPORT, deviceScaleFactor: 1 });
    // tsx compiles with esbuild's keepNames, which wraps named functions in __name().
    await page.evaluateOnNewDocument('globalThis.__name = globalThis.__name || ((fn) => fn);');
    await page.evaluateOnNewDocument(installProbe);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Performance.enable');
    /** CPU time of the renderer's main thread so far, ms (CDP's ThreadTime metric). */
    const threadMs = async () => 1000 * ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN);

    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const rendered = await page.evaluate(waitRendered, [...TAGS]);
    const load: LoadFigures = {
      renderedMs: rendered.renderedAt,
      cpuMs: await threadMs(),
      blank: rendered.blank,
      offScreen: rendered.offScreen,
      ...(await tasksBetween(page, 0, rendered.renderedAt)),
    };

    await new Promise((resolve) => setTimeout(resolve, 500));
    const cpuBefore = await threadMs();
    const played = await page.evaluate(playAll, [...TAGS], PLAY_MS);
    const cpuPlayed = (await threadMs()) - cpuBefore;
    const playTasks = await tasksBetween(page, played.start, played.end);
    const alone: { fps: number; cpuPerFrameMs: number }[] = [];
    for (const tag of TAGS) {
      const cpu0 = await threadMs();
      const one = await page.evaluate(playAll, [tag], ALONE_MS);
      // Per frame in which it updated: the lr slider steps 10 times a second, not every frame.
      alone.push({ fps: one.fps, cpuPerFrameMs: ((await threadMs()) - cpu0) / Math.max(1, one.elements[0].frames.length) });
    }
    const play: PlayFigures = {
      fps: played.fps,
      longestGapMs: played.longestGapMs,
      cpuPerFrameMs: cpuPlayed / Math.max(1, played.frames),
      elements: played.elements.map((e, i) => ({
        tag: e.tag,
        steps: e.steps,
        replays: e.replays,
        frames: e.frames.length,
        medianMs: e.frames.length > 0 ? median(e.frames) : 0,
        maxMs: Math.max(0, ...e.frames),
        aloneFps: alone[i].fps,
        aloneCpuPerFrameMs: alone[i].cpuPerFrameMs,
      })),
      ...playTasks,
    };

    const dragged = await page.evaluate(dragLr, DRAG_INPUTS);
    const drag: DragFigures = {
      medianMs: median(dragged.delays),
      maxMs: Math.max(...dragged.delays),
      ...(await tasksBetween(page, dragged.start, dragged.end)),
    };
    await cdp.detach();
    return { rate, load, play, drag, pageErrors };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const ms1 = (value: number) => `${value.toFixed(1)} ms`;
const longest = (t: Tasks) => (t.count === 0 ? 'none > 50 ms' : ms(t.longest));
const taskVerdict = (t: Tasks) => verdict(t.count === 0);
const taskText = (t: Tasks) => (t.count === 0 ? 'no task over 50 ms' : `${t.count} tasks over 50 ms, longest ${ms(t.longest)}`);

function report(log: SectionContext['log'], slow: RunFigures, fast: RunFigures, article: [ArticleFigures, ArticleFigures]): string[] {
  const x = `${THROTTLE}x CPU`;
  const rows: string[][] = [
    ['load: every element rendered at', '', ms(slow.load.renderedMs), ms(fast.load.renderedMs)],
    ['load: longest task', `<= ${TASK_BUDGET_MS} ms`, longest(slow.load), longest(fast.load)],
    ['load: tasks over 50 ms', '0', String(slow.load.count), String(fast.load.count)],
    ['load: main-thread CPU time', '', ms(slow.load.cpuMs), ms(fast.load.cpuMs)],
    [`play: frames per second (${PLAY_MS / 1000} s)`, `>= ${FPS_GOAL}`, slow.play.fps.toFixed(1), fast.play.fps.toFixed(1)],
    ['play: longest gap between frames', '', ms(slow.play.longestGapMs), ms(fast.play.longestGapMs)],
    ['play: longest task', `<= ${TASK_BUDGET_MS} ms`, longest(slow.play), longest(fast.play)],
    ['play: tasks over 50 ms', '0', String(slow.play.count), String(fast.play.count)],
    ['play: main-thread CPU per frame', '', ms1(slow.play.cpuPerFrameMs), ms1(fast.play.cpuPerFrameMs)],
    [`drag: input to next frame, median of ${DRAG_INPUTS}`, '', ms1(slow.drag.medianMs), ms1(fast.drag.medianMs)],
    ['drag: input to next frame, slowest', `<= ${TASK_BUDGET_MS} ms`, ms1(slow.drag.maxMs), ms1(fast.drag.maxMs)],
    ['drag: tasks over 50 ms', '0', String(slow.drag.count), String(fast.drag.count)],
    [`article (${ARTICLE_FIGURES} figures): figures in view rendered at`, '', ms(article[0].inViewMs), ms(article[1].inViewMs)],
    ['article: figures in view / rendered by then', '', `${article[0].inView} / ${article[0].renderedThen}`, `${article[1].inView} / ${article[1].renderedThen}`],
    ['article: load, longest task', `<= ${TASK_BUDGET_MS} ms`, longest(article[0].load), longest(article[1].load)],
    ['article: load, tasks over 50 ms', '0', String(article[0].load.count), String(article[1].load.count)],
    ['article: scrolling to the end, longest task', `<= ${TASK_BUDGET_MS} ms`, longest(article[0].scroll), longest(article[1].scroll)],
    ['article: scrolling, tasks over 50 ms', '0', String(article[0].scroll.count), String(article[1].scroll.count)],
    ['article: figures rendered at the end', String(ARTICLE_FIGURES), String(article[0].renderedAtEnd), String(article[1].renderedAtEnd)],
  ];
  for (const line of formatTable(['figure', 'budget', x, 'unthrottled'], rows)) log(line);

  log('');
  log('Per element. "frame": its animation callback and the update after it while all five play (median / slowest);');
  log(`"alone": the element playing alone for ${ALONE_MS / 1000} s, frames per second and main-thread CPU per frame it updated.`);
  const frame = (el: ElementFrames) => (el.frames === 0 ? 'no frame' : `${ms1(el.medianMs)} / ${ms1(el.maxMs)}`);
  const elementRows = slow.play.elements.map((e, i) => {
    const f = fast.play.elements[i];
    return [e.tag, frame(e), e.aloneFps.toFixed(1), ms1(e.aloneCpuPerFrameMs), frame(f), f.aloneFps.toFixed(1), ms1(f.aloneCpuPerFrameMs)];
  });
  const header = ['element', `${x}: frame`, 'alone: fps', 'CPU/frame', 'unthrottled: frame', 'alone: fps', 'CPU/frame'];
  for (const line of formatTable(header, elementRows)) log(line);
  const shown = (el: ElementFrames) => `${el.frames} frames, ${el.steps} steps${el.replays ? `, played ${el.replays + 1} times` : ''}`;
  log('While all five played (' + x + ' | unthrottled):');
  slow.play.elements.forEach((e, i) => log(`  ${e.tag.padEnd(17)} ${shown(e)} | ${shown(fast.play.elements[i])}`));

  for (const run of [slow, fast]) {
    const label = run.rate === 1 ? 'unthrottled' : `${run.rate}x CPU`;
    if (run.load.blank.length > 0) log(`(${label}) not rendered: ${run.load.blank.join(', ')}`);
    if (run.load.offScreen.length > 0) log(`(${label}) not entirely on screen, their animation may pause: ${run.load.offScreen.join(', ')}`);
    for (const error of run.pageErrors) log(`(${label}) page error: ${error}`);
  }

  return [
    `frames: load at ${x}: ${taskText(slow.load)} (goal no task over ${TASK_BUDGET_MS} ms): ${taskVerdict(slow.load)}`,
    `frames: play at ${x}: ${taskText(slow.play)} (goal no task over ${TASK_BUDGET_MS} ms): ${taskVerdict(slow.play)}`,
    `frames: play at ${x}: ${slow.play.fps.toFixed(1)} frames per second (goal >= ${FPS_GOAL}): ${verdict(slow.play.fps >= FPS_GOAL)}`,
    `frames: drag at ${x}: slowest input to next frame ${ms(slow.drag.maxMs)} (goal <= ${TASK_BUDGET_MS} ms): ${verdict(slow.drag.maxMs <= TASK_BUDGET_MS)}`,
    `frames: article of ${ARTICLE_FIGURES} figures at ${x}: ${taskText(article[0].load)} while it loads (goal no task over ${TASK_BUDGET_MS} ms): ${taskVerdict(article[0].load)}`,
  ];
}

export const framesSection: Section = {
  id: 'frames',
  title: `Frames: one of each element in Chromium, ${THROTTLE}x CPU throttling and unthrottled (design.md "Frame budget")`,
  async run({ log }: SectionContext): Promise<SectionResult> {
    const folder = mkdtempSync(join(tmpdir(), 'gd-widgets-bench-frames-'));
    let server: StaticServer | undefined;
    let browser: Browser | undefined;
    try {
      writeFileSync(join(folder, 'index.html'), PAGE_HTML);
      writeFileSync(join(folder, 'page.css'), PAGE_CSS);
      writeFileSync(join(folder, 'article.html'), ARTICLE_HTML);
      writeFileSync(join(folder, 'favicon.ico'), ''); // else the browser's request for it is a 404 on the console
      cpSync(join(root, 'static', 'gd-widgets'), join(folder, 'gd-widgets'), { recursive: true });
      server = await startStaticServer({ root: folder });
      browser = await puppeteer.launch({
        executablePath: chromiumPath,
        headless: true,
        userDataDir: join(folder, 'profile'),
        args: chromiumArgs,
        protocolTimeout: 300_000,
      });
      log(`${(await browser.version()).replace('/', ' ')}, viewport ${VIEWPORT.width} x ${VIEWPORT.height}, page ${server.url}`);
      const slow = await measureRun(browser, server.url, THROTTLE);
      const fast = await measureRun(browser, server.url, 1);
      const articleUrl = new URL('article.html', server.url).href;
      const article: [ArticleFigures, ArticleFigures] = [await measureArticle(browser, articleUrl, THROTTLE), await measureArticle(browser, articleUrl, 1)];
      // Other processes slow every figure here: the load average says how busy the machine was.
      log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
      return { verdicts: report(log, slow, fast, article) };
    } finally {
      await browser?.close().catch(() => {});
      await server?.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};
