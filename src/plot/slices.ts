/**
 * Long work in slices, one task each: the frame budget (no task over 50 ms on a phone)
 * for work that takes longer than that, such as a surface plot's background. The work
 * is a generator that yields wherever it may stop (after a bounded amount of work: a
 * few thousand evaluations of f, counted, never timed); `runInSlices` runs it one slice
 * per task, so the browser paints and answers input in between, and `runAtOnce` runs it
 * to the end in the caller's task (the same steps, so the same result).
 */

/** A piece of work that yields where it may stop and returns its result at the end. */
export type SlicedWork<T> = Generator<void, T, void>;

let slicesRun = 0;

/** How many slices `runInSlices` has run so far, on the whole page: tells a test which slice a step ran in. */
export function slicesRunSoFar(): number {
  return slicesRun;
}

/** Runs the work to the end now. */
export function runAtOnce<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the work one slice per task (each slice: from one yield to the next). Resolves
 * with the result, or with undefined as soon as `cancelled()` is true before a slice
 * (the work is then dropped: nothing of it runs again).
 */
export async function runInSlices<T>(work: SlicedWork<T>, cancelled: () => boolean): Promise<T | undefined> {
  for (;;) {
    await nextTask();
    if (cancelled()) {
      work.return(undefined as never);
      return undefined;
    }
    slicesRun++;
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Resolves in a later task. A MessageChannel message rather than setTimeout(0), which
 * browsers clamp to 4 ms after a few nested calls (a slice of work every 4 ms would
 * leave the page idle most of the time).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
