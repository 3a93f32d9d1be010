import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestFrameLoop } from './face-frame-loop';
import { startSteadyClock } from './steady-clock';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => vi.useRealTimers());

/** A stand-in video that presents a frame every `frameMs` (its frame callbacks, as Chromium calls them). */
function fakeVideo(frameMs: number): HTMLVideoElement {
  let callback: (() => void) | null = null;
  setInterval(() => {
    const run = callback;
    callback = null;
    run?.();
  }, frameMs);
  return {
    requestVideoFrameCallback: (cb: () => void) => ((callback = cb), 1),
    cancelVideoFrameCallback: () => (callback = null),
  } as unknown as HTMLVideoElement;
}

/** An analysis that takes `ms` and records when it ran. */
function slowAnalysis(ms: number, runs: Array<[number, number]>, hurry = false) {
  let active = 0;
  return async (now: number) => {
    expect(++active).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, ms));
    runs.push([now, performance.now()]);
    active--;
    return hurry;
  };
}

describe('LatestFrameLoop', () => {
  it('analyses back to back without queueing frames (busyShare 1)', async () => {
    const runs: Array<[number, number]> = [];
    const loop = new LatestFrameLoop(fakeVideo(33), slowAnalysis(100, runs), { maxFps: 30, busyShare: 1 });
    loop.start();
    await vi.advanceTimersByTimeAsync(2000);
    loop.stop();
    // 30 fps camera, 100 ms analyses: about 10 a second, never overlapping (checked inside).
    expect(runs.length).toBeGreaterThanOrEqual(15);
    expect(runs.length).toBeLessThanOrEqual(20);
  });

  it('rests in proportion to the work when busyShare < 1, unless the analysis asks to hurry', async () => {
    const rested: Array<[number, number]> = [];
    const loop = new LatestFrameLoop(fakeVideo(33), slowAnalysis(100, rested), { maxFps: 30, busyShare: 0.5 });
    loop.start();
    await vi.advanceTimersByTimeAsync(2000);
    loop.stop();
    expect(rested.length).toBeGreaterThanOrEqual(8);
    expect(rested.length).toBeLessThanOrEqual(10);
    const hurried: Array<[number, number]> = [];
    const fast = new LatestFrameLoop(fakeVideo(33), slowAnalysis(100, hurried, true), { maxFps: 30, busyShare: 0.5 });
    fast.start();
    await vi.advanceTimersByTimeAsync(2000);
    fast.stop();
    expect(hurried.length).toBeGreaterThanOrEqual(15);
  });

  it('never exceeds maxFps', async () => {
    const runs: Array<[number, number]> = [];
    const loop = new LatestFrameLoop(fakeVideo(10), slowAnalysis(1, runs), { maxFps: 10, busyShare: 1 });
    loop.start();
    await vi.advanceTimersByTimeAsync(1000);
    loop.stop();
    expect(runs.length).toBeLessThanOrEqual(11);
  });
});

describe('startSteadyClock', () => {
  it('ticks at the rate asked and stops', () => {
    const ticks: number[] = [];
    const stop = startSteadyClock(20, (now) => ticks.push(now));
    vi.advanceTimersByTime(1000);
    stop();
    vi.advanceTimersByTime(1000);
    expect(ticks.length).toBe(20);
    expect(ticks.at(-1)).toBeCloseTo(1000, 0);
  });
});
