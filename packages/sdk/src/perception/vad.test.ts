import { describe, expect, it } from 'vitest';
import { SpeechDetector, type SpeechDetectorEvents } from './vad';

const FRAME_MS = 32;

/** Runs a detector over a sequence of speech probabilities (one per 32 ms frame) and records its events. */
async function run(
  probabilities: number[],
  options = {},
  between?: (detector: SpeechDetector, frame: number) => void,
  types: ReadonlyArray<keyof SpeechDetectorEvents> = ['speech-start', 'speech-end', 'misfire'],
) {
  const queue = [...probabilities];
  const detector = new SpeechDetector(async () => queue.shift()!, options);
  const events: Array<{ type: keyof SpeechDetectorEvents; detail: any }> = [];
  for (const type of types) detector.on(type, (detail) => events.push({ type, detail }));
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
    expect(events[0]!.detail).toEqual({ atMs: 10 * FRAME_MS, detectedAtMs: 13 * FRAME_MS, bargeIn: false });
    const end = events[1]!.detail;
    expect(end).toMatchObject({ startMs: 320, endMs: 40 * FRAME_MS, durationMs: 30 * FRAME_MS, reason: 'silence' });
    // The audio holds the pre-speech pad (200 ms → 7 frames before the run) and the speech.
    expect(end.audio[0]).toBe(10 - 7);
    // …and of the 640 ms of silence that ended it, only the first ~100 ms (4 frames).
    expect(end.audio.length / 512).toBe(7 + 30 + 4);
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

  it('reports a pause after pauseMs of silence with the audio speech-end will carry, and a resume if speech returns', async () => {
    const events = await run([...repeat(0, 5), ...repeat(0.9, 20), ...repeat(0.1, 10), ...repeat(0.9, 20), ...repeat(0.1, 40)], { pauseMs: 256, endSilenceMs: 704 }, undefined, [
      'speech-start',
      'pause',
      'resume',
      'speech-end',
    ]);
    expect(events.map((e) => e.type)).toEqual(['speech-start', 'pause', 'resume', 'pause', 'speech-end']);
    const [lastPause, end] = [events[3]!.detail, events[4]!.detail];
    expect(lastPause).toMatchObject({ startMs: end.startMs, endMs: end.endMs });
    expect(lastPause.audio).toEqual(end.audio);
    expect(events[2]!.detail).toEqual({ atMs: 35 * FRAME_MS });
  });

  it('no pause for what would be a misfire', async () => {
    const events = await run([...repeat(0, 3), ...repeat(0.9, 4), ...repeat(0, 40)], { minSpeechMs: 250 }, undefined, ['pause', 'misfire']);
    expect(events.map((e) => e.type)).toEqual(['misfire']);
  });

  describe('while the avatar speaks (barge-in mode)', () => {
    const avatarSpeaksFrom = (first: number, last = Infinity) => (detector: SpeechDetector, frame: number) => {
      if (frame === first) detector.setAvatarSpeaking(true);
      if (frame === last) detector.setAvatarSpeaking(false);
    };

    it('a person talking over the avatar starts a barge-in after bargeInFrames confident frames', async () => {
      const events = await run([...repeat(0.1, 20), ...repeat(0.97, 30), ...repeat(0.05, 40)], {}, avatarSpeaksFrom(0));
      expect(events.map((e) => e.type)).toEqual(['speech-start', 'speech-end']);
      // Default 8 frames: confirmed at the end of the eighth, timed from the first.
      expect(events[0]!.detail).toEqual({ atMs: 20 * FRAME_MS, detectedAtMs: 28 * FRAME_MS, bargeIn: true });
    });

    it("the avatar's residual echo (mid probabilities, however long) never counts", async () => {
      const echo = Array.from({ length: 200 }, (_, i) => 0.45 + 0.3 * Math.abs(Math.sin(i / 3))); // 0.45…0.75
      expect(await run(echo, {}, avatarSpeaksFrom(0))).toEqual([]);
    });

    it('short confident blips (a cough, "mm") do not interrupt, though they would start a turn otherwise', async () => {
      const blips = [...repeat(0.1, 10), ...repeat(0.95, 6), ...repeat(0.1, 10), ...repeat(0.95, 7), ...repeat(0.2, 30)];
      expect(await run(blips, {}, avatarSpeaksFrom(0))).toEqual([]);
      expect((await run(blips)).map((e) => e.type)).toContain('speech-start');
    });

    it('one frame below the threshold restarts the count', async () => {
      const broken = [...repeat(0.95, 7), 0.7, ...repeat(0.95, 7), ...repeat(0.1, 30)];
      expect(await run(broken, {}, avatarSpeaksFrom(0))).toEqual([]);
    });

    it('threshold and frame count are configurable', async () => {
      const speech = [...repeat(0.7, 4), ...repeat(0.1, 30)];
      expect(await run(speech, {}, avatarSpeaksFrom(0))).toEqual([]);
      const events = await run(speech, { bargeInThreshold: 0.6, bargeInFrames: 3, minSpeechMs: 64 }, avatarSpeaksFrom(0));
      expect(events[0]).toMatchObject({ type: 'speech-start', detail: { atMs: 0, bargeIn: true } });
    });

    it('stays strict for gateReleaseMs after the avatar stops, then the normal onset returns', async () => {
      // Frames 40…49 fall in the 320 ms release: a 5-frame run there is ignored, the same run after it counts.
      const probabilities = [...repeat(0.1, 42), ...repeat(0.9, 5), ...repeat(0.1, 13), ...repeat(0.9, 12), ...repeat(0, 40)];
      const events = await run(probabilities, { gateReleaseMs: 320 }, avatarSpeaksFrom(0, 40));
      expect(events[0]).toMatchObject({ type: 'speech-start', detail: { atMs: 60 * FRAME_MS, detectedAtMs: 63 * FRAME_MS, bargeIn: false } });
    });
  });

  it('ends an utterance in progress when the avatar starts speaking; talking on over it is a barge-in', async () => {
    const events = await run([...repeat(0.9, 30), ...repeat(0.9, 20)], {}, (detector, frame) => {
      if (frame === 30) detector.setAvatarSpeaking(true);
    });
    expect(events.map((e) => [e.type, e.detail.reason ?? e.detail.bargeIn])).toEqual([
      ['speech-start', false],
      ['speech-end', 'gated'],
      ['speech-start', true],
      ['speech-end', 'silence'],
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
