export interface Trend {
  verdict: 'flat' | 'growing' | 'too short';
  /** Least-squares slope of the line, in units per minute. */
  slopePerMinute: number;
  first: number;
  last: number;
  /** Samples the line was fitted to (the warm-up left out). */
  points: number;
}

/** Samples at the start, while caches, pools and JIT fill, that the fit leaves out. */
const WARM_UP_SHARE = 0.2;
/** Growth over the fitted span, as a share of the level, above which the line is growing. */
const GROWING_SHARE = 0.05;
const MIN_POINTS = 3;

/**
 * Flat or growing: a least-squares line through (minute, value) after the warm-up; growing when
 * the fitted rise over that span exceeds 5% of the first fitted value.
 */
export function lineTrend(samples: ReadonlyArray<readonly [number, number]>): Trend {
  const fitted = samples.slice(Math.floor(samples.length * WARM_UP_SHARE));
  const first = fitted[0]?.[1] ?? NaN;
  const last = fitted.at(-1)?.[1] ?? NaN;
  if (fitted.length < MIN_POINTS) return { verdict: 'too short', slopePerMinute: NaN, first, last, points: fitted.length };
  const n = fitted.length;
  const meanX = fitted.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = fitted.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = fitted.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = fitted.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const slopePerMinute = covariance / variance;
  const span = fitted[n - 1][0] - fitted[0][0];
  const start = meanY - slopePerMinute * (meanX - fitted[0][0]);
  const verdict = slopePerMinute * span > GROWING_SHARE * start ? 'growing' : 'flat';
  return { verdict, slopePerMinute, first, last, points: n };
}
