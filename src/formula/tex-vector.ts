/**
 * Vectors as TeX column matrices, entry by entry.
 *
 * A vector longer than `maxRows` shows its first maxRows - 2 entries, a vertical ellipsis
 * and its last entry, so that a model with many parameters still fits on a screen:
 * (w1, w2, w3, ..., w10) with maxRows 5 is the column w1, w2, w3, \vdots, w10.
 */

/** Longest column shown in full when a caller does not say. */
export const DEFAULT_MAX_ROWS = 6;

/** The indices a column of length n shows, with -1 where the ellipsis goes. */
export function shownRows(n: number, maxRows = DEFAULT_MAX_ROWS): number[] {
  if (!Number.isInteger(maxRows) || maxRows < 3) throw new RangeError(`maxRows must be an integer >= 3, got ${maxRows}`);
  if (n <= maxRows) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: maxRows - 2 }, (_, i) => i), -1, n - 1];
}

/**
 * A column matrix whose i-th row is `entry(i)`:
 * `\begin{pmatrix}a\\b\end{pmatrix}`. `rowGap` (a TeX length such as '0.5em') adds
 * space between rows, for tall entries like fractions.
 */
export function texColumn(n: number, entry: (i: number) => string, maxRows = DEFAULT_MAX_ROWS, rowGap?: string): string {
  const rows = shownRows(n, maxRows).map((i) => (i < 0 ? '\\vdots' : entry(i)));
  return `\\begin{pmatrix}${rows.join(rowGap ? `\\\\[${rowGap}]` : '\\\\')}\\end{pmatrix}`;
}
