/**
 * The reader's changes to a figure's settings: a slider moved, an option chosen, a start
 * point clicked. They are kept apart from the author's attributes, so that Reset can
 * bring back the figure as written (and the caption beside it matches again), and so
 * that a script that sets an attribute (the author's word) replaces the reader's change
 * of that one setting.
 *
 * A setting is named by its property ('lr', 'start', 'batchSize'). A name recorded with
 * `undefined` means "the default", as an absent attribute does (choosing another surface
 * gives that surface's own start point and rate).
 */
export class ReaderChanges {
  private readonly values = new Map<string, unknown>();

  /** Records the reader's value of each setting given. */
  set(changes: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(changes)) this.values.set(name, value);
  }

  /** The value in use: the reader's when they changed it, else the author's. */
  valueOf<T>(name: string, authorValue: T): T {
    return this.values.has(name) ? (this.values.get(name) as T) : authorValue;
  }

  /** True when the reader changed this setting. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The author set this setting again: their value is the one in use. */
  forget(name: string): void {
    this.values.delete(name);
  }

  /** Forgets every change; true when there was one. */
  clear(): boolean {
    const any = this.values.size > 0;
    this.values.clear();
    return any;
  }

  /** True when the reader has changed any setting. */
  get any(): boolean {
    return this.values.size > 0;
  }
}
