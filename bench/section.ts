/**
 * A bench section: one self-contained measurement that `bench/index.ts` runs in order.
 * A section prints its own report through `log` as it goes and returns its verdict
 * lines ("... (goal >= X): ok" / "MISSED"), which index.ts prints together at the end.
 */
export interface SectionContext {
  /** Prints one line of the section's report. */
  log(line: string): void;
}

export interface SectionResult {
  /** One line per goal, ending in "ok" or "MISSED". */
  verdicts: string[];
}

export interface Section {
  /** Short id, used to pick sections on the command line (`npm run bench -- optimizers`). */
  readonly id: string;
  /** Heading printed above the section's report. */
  readonly title: string;
  run(context: SectionContext): Promise<SectionResult>;
}
