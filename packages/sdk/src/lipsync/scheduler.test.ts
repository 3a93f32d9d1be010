import { describe, expect, it } from 'vitest';
import type { VisemeWeights } from '../avatar/expression-mixer';
import { LipSyncScheduler } from './scheduler';
import type { LipTimeline } from './timeline';

const timeline: LipTimeline = {
  duration: 400,
  segments: [{ start: 0, end: 400, viseme: 'aa', phoneme: 'aː' }],
};

function setup() {
  let now = 10;
  const sent: VisemeWeights[] = [];
  const lips = new LipSyncScheduler({ target: { setVisemes: (w) => sent.push(w) }, clock: () => now });
  return { lips, sent, advance: (s: number) => (now += s), at: () => now };
}

describe('LipSyncScheduler', () => {
  it('follows the audio clock and rests after the utterance', async () => {
    const { lips, sent, advance } = setup();
    const done = lips.enqueue(timeline, 10.5);
    lips.update();
    expect(sent).toEqual([]); // before the audio starts, the mouth stays at rest
    advance(0.7);
    lips.update();
    expect(sent.at(-1)!.aa).toBeGreaterThan(0.8);
    advance(1);
    lips.update();
    expect(sent.at(-1)).toEqual({});
    await done;
    expect(lips.busy).toBe(false);
  });

  it('queues sentences back to back (streaming)', () => {
    const { lips, sent, advance } = setup();
    void lips.enqueue(timeline);
    void lips.enqueue({ ...timeline, segments: [{ start: 0, end: 400, viseme: 'U', phoneme: 'u' }] });
    advance(0.6);
    lips.update();
    expect(sent.at(-1)!.ou).toBeGreaterThan(0.8);
  });

  it('stop() sends the mouth to rest at once and resolves what was queued', async () => {
    const { lips, sent, advance } = setup();
    const done = lips.enqueue(timeline);
    advance(0.1);
    lips.update();
    lips.stop();
    expect(sent.at(-1)).toEqual({});
    await done;
    advance(0.1);
    lips.update();
    expect(sent.at(-1)).toEqual({});
  });
});
