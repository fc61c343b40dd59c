/**
 * The numbers of update k of a run, for the formula: an optimizer replays the run from
 * its start (the same steps as `descend`, so the same points) and records each update.
 * Moving forward costs one update per frame; moving back replays from the start.
 */
import type { Objective, Optimizer } from '../core/index.js';
import { recordUpdate, type UpdateRecord } from '../formula/index.js';

export class UpdateReplay {
  private optimizer: Optimizer;
  private x: Float64Array;
  private record: UpdateRecord | null = null;

  constructor(
    private readonly make: () => Optimizer,
    private readonly objective: Objective,
    private readonly start: ArrayLike<number>,
  ) {
    this.optimizer = make();
    this.x = Float64Array.from(start);
  }

  /** The numbers of the update that takes x_k to x_{k+1}. */
  at(k: number): UpdateRecord {
    if (this.record !== null && this.record.k > k) {
      this.optimizer = this.make();
      this.x = Float64Array.from(this.start);
      this.record = null;
    }
    while (this.record === null || this.record.k < k) this.record = recordUpdate(this.optimizer, this.x, this.objective);
    return this.record;
  }
}
