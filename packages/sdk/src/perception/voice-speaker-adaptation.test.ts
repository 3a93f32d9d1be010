import { describe, expect, it } from 'vitest';
import { VOICE_FEATURE_COUNT } from './voice-features';
import { adaptationWeight, SpeakerFeatureStats, speakerReference } from './voice-speaker-adaptation';

const vector = (f: (i: number) => number) => Float32Array.from({ length: VOICE_FEATURE_COUNT }, (_, i) => f(i));

describe('SpeakerFeatureStats', () => {
  it('keeps the running mean of the utterances added', () => {
    const stats = new SpeakerFeatureStats();
    expect(stats.count).toBe(0);
    expect(Array.from(stats.mean()).every((v) => v === 0)).toBe(true);
    stats.add(vector((i) => i));
    stats.add(vector((i) => 3 * i));
    stats.add(vector(() => -1));
    expect(stats.count).toBe(3);
    const mean = stats.mean();
    for (const i of [0, 1, 100, VOICE_FEATURE_COUNT - 1]) expect(mean[i]).toBeCloseTo((4 * i - 1) / 3, 4);
  });

  it('forgets everything on reset', () => {
    const stats = new SpeakerFeatureStats();
    stats.add(vector(() => 7));
    stats.reset();
    expect(stats.count).toBe(0);
    stats.add(vector(() => 1));
    expect(stats.mean()[5]).toBe(1);
  });

  it('ignores a vector with a non-finite value and rejects a wrong length', () => {
    const stats = new SpeakerFeatureStats();
    stats.add(vector((i) => (i === 3 ? Number.NaN : 1)));
    expect(stats.count).toBe(0);
    expect(() => stats.add(new Float32Array(3))).toThrow(RangeError);
  });
});

describe('speakerReference and adaptationWeight', () => {
  const population = [1, 2, 3];
  it('cold start: no utterance → the population mean, weight 0', () => {
    expect(Array.from(speakerReference([0, 0, 0], 0, population, 2))).toEqual(population);
    expect(adaptationWeight(0, 1)).toBe(0);
  });
  it('shrinks the speaker mean toward the population by k pseudo-utterances', () => {
    expect(Array.from(speakerReference([5, 5, 5], 2, population, 2))).toEqual([3, 3.5, 4]);
    expect(speakerReference([5, 5, 5], 1000, population, 2)[0]).toBeCloseTo(5, 1);
    expect(adaptationWeight(3, 1)).toBe(0.75);
  });
});
