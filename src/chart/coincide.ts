/**
 * Lines a chart draws on top of each other. Two runs can give the same loss curve: gd
 * on x^2 at η = 0.1 and at η = 0.9 has x_k = 2 (0.8)^k and 2 (-0.8)^k, so the same
 * f = x^2 at every k; two lanes of a race may follow the same path. The line drawn
 * last covers the other, and a legend entry would name a line nobody can see.
 *
 * Series s is hidden behind series t (s != t) when s has no more points than t and at
 * every index k of s, y_s[k] and y_t[k] are within one pixel of each other (both not
 * finite counts as equal: neither is drawn). All series share the x axis by index
 * (iteration, epoch). One pixel is the y range the chart shows divided by its height
 * in pixels, on the axis as drawn:
 *
 *   linear:       |y_s - y_t| <= (max - min) / pixels
 *   logarithmic:  |log10 y_s - log10 y_t| <= (log10 max - log10 min) / pixels
 *
 * with min and max over every finite (on a log axis, positive) value of every series:
 * the chart's range is at least that wide, so the tolerance is at most a pixel.
 * When two series hide each other (same length, same values), the later one is
 * reported as hidden behind the earlier one, and the earlier one is not hidden.
 */

export interface CoincidenceScale {
  /** True when the y axis is logarithmic. */
  readonly log: boolean;
  /** The height of the plotting area in CSS pixels. */
  readonly pixels: number;
}

/**
 * For each series, the index of a series whose line covers it entirely, or null. Pure:
 * reads only the numbers.
 */
export function hiddenBehind(series: ReadonlyArray<ArrayLike<number>>, scale: CoincidenceScale): (number | null)[] {
  const shown = (v: number) => Number.isFinite(v) && (!scale.log || v > 0);
  const at = (v: number) => (scale.log ? Math.log10(v) : v);
  let lo = Infinity;
  let hi = -Infinity;
  for (const ys of series) {
    for (let k = 0; k < ys.length; k++) {
      if (!shown(ys[k])) continue;
      const y = at(ys[k]);
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  const pixel = hi > lo ? (hi - lo) / Math.max(1, scale.pixels) : 0;
  const covers = (t: ArrayLike<number>, s: ArrayLike<number>): boolean => {
    if (s.length > t.length || s.length === 0) return false;
    for (let k = 0; k < s.length; k++) {
      const a = s[k];
      const b = t[k];
      if (!shown(a) || !shown(b)) {
        if (shown(a) !== shown(b)) return false;
        continue;
      }
      if (Math.abs(at(a) - at(b)) > pixel) return false;
    }
    return true;
  };
  return series.map((s, i) => {
    for (let j = 0; j < series.length; j++) {
      if (j === i || !covers(series[j], s)) continue;
      // Mutual cover: only the later one is hidden.
      if (j > i && covers(s, series[j])) continue;
      return j;
    }
    return null;
  });
}
