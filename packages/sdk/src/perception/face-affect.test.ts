import { describe, expect, it } from 'vitest';
import { blendshapeCues, EMOTIONS, EmotionSmoother, fuseWithCues, type EmotionProbabilities } from './face-affect';

const only = (emotion: string, p = 0.9): EmotionProbabilities =>
  Object.fromEntries(EMOTIONS.map((e) => [e, e === emotion ? p : (1 - p) / (EMOTIONS.length - 1)])) as EmotionProbabilities;

describe('face affect', () => {
  it('reads a smile as happy and a sneer as disgust', () => {
    expect(blendshapeCues({ mouthSmileLeft: 0.9, mouthSmileRight: 0.8 }).happy).toBeCloseTo(0.85);
    expect(blendshapeCues({ noseSneerLeft: 1, noseSneerRight: 1 }).disgusted).toBeCloseTo(0.6);
  });

  it('fusion with weight 0 keeps the classifier; cues tip a close call', () => {
    const close = { ...only('neutral', 0.45), happy: 0.4 } as EmotionProbabilities;
    expect(fuseWithCues(close, { mouthSmileLeft: 1, mouthSmileRight: 1 }, 0).neutral).toBeCloseTo(close.neutral / Object.values(close).reduce((a, b) => a + b), 4);
    const fused = fuseWithCues(close, { mouthSmileLeft: 1, mouthSmileRight: 1 }, 2);
    expect(fused.happy).toBeGreaterThan(fused.neutral);
  });

  it('does not flicker: one odd frame does not change the label', () => {
    const smoother = new EmotionSmoother();
    for (let t = 0; t <= 1000; t += 66) smoother.update(only('happy'), t);
    expect(smoother.update(only('angry'), 1066).label).toBe('happy');
    let last = smoother.update(only('angry'), 1132);
    for (let t = 1198; t <= 2500; t += 66) last = smoother.update(only('angry'), t);
    expect(last.label).toBe('angry');
    expect(last.valence).toBeLessThan(0);
    expect(last.arousal).toBeGreaterThan(0);
  });

  it('says uncertain when no emotion stands out', () => {
    const flat = Object.fromEntries(EMOTIONS.map((e) => [e, 1 / EMOTIONS.length])) as EmotionProbabilities;
    const estimate = new EmotionSmoother().update(flat, 0);
    expect(estimate.label).toBe('uncertain');
    expect(estimate.confidence).toBeCloseTo(1 / 7);
  });
});

describe('EmotionSmoother.estimate (the output clock reads it between analyses)', () => {
  it('is null before any observation and fresh right after one', () => {
    const smoother = new EmotionSmoother();
    expect(smoother.estimate(0)).toBeNull();
    smoother.update(only('happy'), 0);
    expect(smoother.estimate(50)!.label).toBe('happy');
    expect(smoother.estimate(50)!.confidence).toBeGreaterThan(0.85);
  });

  it('fades to uncertain when analysis stalls, keeping the probabilities a distribution', () => {
    const smoother = new EmotionSmoother();
    smoother.update(only('happy'), 0);
    const later = smoother.estimate(2000)!;
    expect(later.label).toBe('happy');
    expect(later.confidence).toBeCloseTo(0.5 * 0.9 + 0.5 / 7, 5);
    const stale = smoother.estimate(5000)!;
    expect(stale.label).toBe('uncertain');
    expect(Object.values(stale.probabilities).reduce((a, b) => a + b)).toBeCloseTo(1, 6);
  });
});
