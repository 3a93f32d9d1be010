/**
 * Calls `tick` `hz` times a second on a drift-free schedule: each deadline is the start time
 * plus a whole number of periods, so a late tick does not push the later ones back and the
 * average rate stays `hz` on a busy main thread. Ticks missed entirely (a long task) are
 * skipped, never bunched. Returns a function that stops the clock.
 */
export function startSteadyClock(hz: number, tick: (nowMs: number) => void): () => void {
  const period = 1000 / hz;
  const start = performance.now();
  let n = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    const now = performance.now();
    n = Math.max(n + 1, Math.ceil((now - start) / period));
    timer = setTimeout(run, Math.max(0, start + n * period - now));
  };
  const run = () => {
    tick(performance.now());
    schedule();
  };
  schedule();
  return () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
}
