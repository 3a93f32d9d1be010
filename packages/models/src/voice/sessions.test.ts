import { describe, expect, it } from 'vitest';
import { positionBucket, replaySessions } from './sessions';

const speakers = ['b', 'a', 'b', 'c', 'a', 'b', 'a', 'c', 'b', 'a', 'b', 'b'];

describe('replaySessions', () => {
  it('is deterministic: the same clips and seed give the same order', () => {
    expect(replaySessions(speakers, 1)).toEqual(replaySessions(speakers, 1));
    expect(replaySessions(speakers, 1)).toMatchInlineSnapshot(`
      [
        {
          "order": [
            4,
            6,
            1,
            9,
          ],
          "speaker": "a",
        },
        {
          "order": [
            8,
            11,
            10,
            0,
            5,
            2,
          ],
          "speaker": "b",
        },
        {
          "order": [
            3,
            7,
          ],
          "speaker": "c",
        },
      ]
    `);
  });

  it('replays every clip once, speakers sorted, each session one speaker', () => {
    const sessions = replaySessions(speakers, 7);
    expect(sessions.map((s) => s.speaker)).toEqual(['a', 'b', 'c']);
    expect(sessions.flatMap((s) => s.order).sort((x, y) => x - y)).toEqual(speakers.map((_, i) => i));
    for (const { speaker, order } of sessions) expect(order.every((i) => speakers[i] === speaker)).toBe(true);
  });

  it('another seed gives another order; a speaker’s order does not depend on the other speakers', () => {
    const long = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'x' : 'y'));
    expect(replaySessions(long, 1)[0]!.order).not.toEqual(replaySessions(long, 2)[0]!.order);
    const onlyX = long.map((s, i) => (s === 'x' ? i : -1)).filter((i) => i >= 0);
    const alone = replaySessions(onlyX.map(() => 'x'), 1)[0]!.order.map((k) => onlyX[k]);
    expect(alone).toEqual(replaySessions(long, 1).find((s) => s.speaker === 'x')!.order);
  });

  it('buckets positions as 1st, 2–5, 6+', () => {
    expect([0, 1, 4, 5, 59].map(positionBucket)).toEqual(['1st', '2-5', '2-5', '6+', '6+']);
  });
});
