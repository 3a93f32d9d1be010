/** A source of uniform random numbers in [0, 1). Injected so behaviour is testable. */
export type RandomSource = () => number;

/**
 * Mulberry32: a tiny, fast, seedable PRNG. Used where tests need a repeatable sequence
 * (idle behaviour scheduling); statistical quality is ample for animation timing.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform number in [min, max). */
export function uniform(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random();
}

/**
 * Log-normal sample with the given median and spread (sigma of the underlying normal).
 * Human inter-blink intervals are right-skewed like this: mostly a few seconds, sometimes long.
 */
export function logNormal(random: RandomSource, median: number, sigma: number): number {
  // Box–Muller; 1 - random() keeps the log argument away from zero.
  const u1 = 1 - random();
  const u2 = random();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * normal);
}
