import { describe, expect, it } from 'vitest';
import { SpeechDetector, type SpeechDetectorEvents } from './vad';

const FRAME_MS = 32;

/** Runs a detector over a sequence of speech probabilities (one per 32 ms frame) and records its events. */
async function run(probabilities: number[], options = {}, between?: (detector: SpeechDetector, frame: number) => void) {
  const queue = [...probabilities];
  const detector = new SpeechDetector(async () => queue.shift()!, options);
  const events: Array<{ type: keyof SpeechDetectorEvents; detail: any }> = [];
  for (const type of ['speech-start', 'speech-end', 'misfire'] as const) detector.on(type, (detail) => events.push({ type, detail }));
  for (let i = 0; i < probabilities.length; i++) {
    between?.(detector, i);
    await detector.push(new Float32Array(512).fill(i), i * FRAME_MS);
  }
  await detector.flush();
  return events;
}

const repeat = (p: number, n: number) => Array.from({ length: n }, () => p);

describe('SpeechDetector', () => {
  it('ignores one- and two-frame blips: speech starts only after startFrames consecutive frames', async () => {
    expect(await run([...repeat(0, 5), 0.9, 0, 0.9, 0.9, 0, ...repeat(0, 40)])).toEqual([]);
  });

  it('starts at the first frame of the run and ends after the configured silence', async () => {
    const events = await run([...repeat(0.1, 10), ...repeat(0.9, 30), ...repeat(0.1, 40)], { endSilenceMs: 640 });
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'speech-end']);
    expect(events[0]!.detail).toEqual({ atMs: 10 * FRAME_MS, detectedAtMs: 13 * FRAME_MS });
    const end = events[1]!.detail;
    expect(end).toMatchObject({ startMs: 320, endMs: 40 * FRAME_MS, durationMs: 30 * FRAME_MS, reason: 'silence' });
    // The audio holds the pre-speech pad (200 ms → 7 frames before the run) and the speech.
    expect(end.audio[0]).toBe(10 - 7);
    expect(end.audio.length / 512).toBeGreaterThanOrEqual(30 + 7);
  });

  it('holds through short pauses and between the two thresholds (hysteresis)', async () => {
    const speech = [...repeat(0.9, 10), ...repeat(0.1, 10), ...repeat(0.4, 10), ...repeat(0.9, 10)];
    const events = await run([...repeat(0, 3), ...speech, ...repeat(0, 40)], { endSilenceMs: 700 });
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'speech-end']);
  });

  it('reports a too-short utterance as a misfire', async () => {
    const events = await run([...repeat(0, 3), ...repeat(0.9, 4), ...repeat(0, 40)], { minSpeechMs: 250 });
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'misfire']);
  });

  it('never counts frames while the avatar speaks, nor for gateReleaseMs after', async () => {
    const probabilities = [...repeat(0.9, 60), ...repeat(0, 40)];
    const events = await run(probabilities, { gateReleaseMs: 320 }, (detector, frame) => {
      if (frame === 0) detector.setAvatarSpeaking(true);
      if (frame === 40) detector.setAvatarSpeaking(false);
    });
    // Frames 40…49 fall in the 320 ms release; speech from frame 50 on is the person's.
    expect(events[0]).toMatchObject({ type: 'speech-start', detail: { atMs: 50 * FRAME_MS } });
  });

  it('ends an utterance in progress when the avatar starts speaking', async () => {
    const events = await run([...repeat(0.9, 30), ...repeat(0.9, 20)], {}, (detector, frame) => {
      if (frame === 30) detector.setAvatarSpeaking(true);
    });
    expect(events.map((e) => [e.type, e.detail.reason])).toEqual([
      ['speech-start', undefined],
      ['speech-end', 'gated'],
    ]);
  });

  it('bounds its backlog: frames pushed while maxQueuedFrames wait are dropped, and overrun says from when', async () => {
    // A scorer that only answers when released, as a device too slow for real time.
    const waiting: Array<() => void> = [];
    const detector = new SpeechDetector(() => new Promise((resolve) => waiting.push(() => resolve(0.9))), { maxQueuedFrames: 4, startFrames: 1 });
    const overruns: Array<{ atMs: number; droppedFrames: number }> = [];
    const scored: number[] = [];
    detector.on('overrun', (event) => overruns.push(event));
    detector.on('frame', ({ atMs }) => scored.push(atMs));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 10; i++) void detector.push(new Float32Array(512), i * FRAME_MS);
    // Frames 0–3 are queued; 4–9 arrive while four wait and are dropped: one overrun event.
    expect(detector.droppedFrames).toBe(6);
    expect(overruns).toEqual([{ atMs: 4 * FRAME_MS, droppedFrames: 1 }]);
    while (scored.length < 4) {
      await settle();
      waiting.shift()?.();
    }
    // Caught up: new frames are scored again, and a later stretch is a new overrun.
    void detector.push(new Float32Array(512), 10 * FRAME_MS);
    await settle();
    waiting.shift()?.();
    await settle();
    expect(scored).toEqual([0, 1, 2, 3, 10].map((i) => i * FRAME_MS));
    for (let i = 11; i < 16; i++) void detector.push(new Float32Array(512), i * FRAME_MS);
    expect(overruns.map((o) => o.atMs)).toEqual([4 * FRAME_MS, 15 * FRAME_MS]);
  });
});
