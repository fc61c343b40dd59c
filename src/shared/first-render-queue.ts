/**
 * One queue for the whole page: the figures' first renders, one per task. A first render
 * (the template, the formula, the chart's construction, the heatmap and contours) is the
 * most expensive thing a figure does; twenty-four of them in one task froze an article
 * for seconds. Each figure near the viewport asks for a turn; a turn is one task of its
 * own (a macrotask, so the browser paints and answers input in between), given to the
 * waiting figure nearest the viewport, so the figures in view show first.
 */

interface Waiting {
  /** How far the figure is from the viewport now, CSS px (read when its turn may come). */
  distance(): number;
  start(): void;
}

const waiting: Waiting[] = [];
let posted = false;
let turnsGiven = 0;

/** How many turns the queue has given so far: tells a test which task a step of a first render ran in. */
export function firstRenderTurnsGiven(): number {
  return turnsGiven;
}

/** Resolves in a task of its own, after the figures nearer the viewport have had theirs. */
export function firstRenderTurn(distance: () => number): Promise<void> {
  return new Promise((start) => {
    waiting.push({ distance, start });
    post();
  });
}

function post(): void {
  if (posted || waiting.length === 0) return;
  posted = true;
  setTimeout(runOne, 0);
}

function runOne(): void {
  posted = false;
  let best = 0;
  for (let i = 1; i < waiting.length; i++) if (waiting[i].distance() < waiting[best].distance()) best = i;
  const [next] = waiting.splice(best, 1);
  turnsGiven++;
  // The next turn is posted first, so it is a later task: whatever `start` resumes
  // (the figure's update, in this task's microtasks) has this task to itself.
  post();
  next?.start();
}
