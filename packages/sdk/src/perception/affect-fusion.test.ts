import { describe, expect, it } from 'vitest';
import { AffectFusion, type AffectSourceEstimate } from './affect-fusion';

const happyFace: AffectSourceEstimate = { label: 'happy', valence: 0.8, arousal: 0.4, confidence: 0.9, probabilities: { happy: 0.9, neutral: 0.1 } };
const angryVoice: AffectSourceEstimate = { label: 'angry', valence: -0.6, arousal: 0.7, confidence: 0.8 };
const unsmoothed = { smoothingHalfLifeMs: 0 };

describe('AffectFusion', () => {
  it('uses the voice alone when there is no face', () => {
    const fusion = new AffectFusion(unsmoothed);
    fusion.updateFace(null, 0);
    const state = fusion.updateVoice(angryVoice, 100);
    expect(state).toMatchObject({ label: 'angry', valence: -0.6, arousal: 0.7, sources: { face: 0, voice: 1 } });
    expect(state.confidence).toBeGreaterThan(0.7);
  });

  it('uses the face alone once the last utterance has faded (silence)', () => {
    const fusion = new AffectFusion(unsmoothed);
    fusion.updateVoice(angryVoice, 0);
    // 6 s half-life × 5 → reliability 0.8/32 = 0.025, below minReliability 0.05.
    const state = fusion.updateFace(happyFace, 30_000);
    expect(state).toMatchObject({ label: 'happy', sources: { face: 1, voice: 0 } });
    expect(state.valence).toBeCloseTo(0.8);
  });

  it('weights each source by its confidence and freshness', () => {
    const fusion = new AffectFusion(unsmoothed);
    fusion.updateVoice({ ...angryVoice, confidence: 0.3 }, 1000);
    const state = fusion.updateFace(happyFace, 1000);
    expect(state.sources.face).toBeCloseTo(0.9 / 1.2);
    expect(state.sources.voice).toBeCloseTo(0.3 / 1.2);
    expect(state.valence).toBeCloseTo(0.75 * 0.8 + 0.25 * -0.6);
    expect(state.label).toBe('happy');
    // One voice half-life later the voice counts half as much.
    const later = fusion.updateFace(happyFace, 7000);
    expect(later.sources.voice).toBeCloseTo(0.15 / 1.05);
  });

  it('relaxes to neutral with zero confidence when no source is reliable', () => {
    const fusion = new AffectFusion(unsmoothed);
    const state = fusion.tick(0);
    expect(state).toMatchObject({ label: 'neutral', confidence: 0, valence: 0, arousal: 0, sources: { face: 0, voice: 0 } });
  });

  it('smooths: a sudden change moves half-way in one smoothing half-life', () => {
    const fusion = new AffectFusion({ smoothingHalfLifeMs: 500, faceHalfLifeMs: 1e9 });
    fusion.updateFace({ ...happyFace, valence: 0 }, 0);
    fusion.updateFace(happyFace, 0);
    const half = fusion.tick(500);
    expect(half.valence).toBeCloseTo(0.4, 5);
    expect(fusion.tick(5000).valence).toBeCloseTo(0.8, 2);
  });

  it('publishes every state as an affect event', () => {
    const fusion = new AffectFusion();
    const seen: string[] = [];
    fusion.on('affect', (state) => seen.push(state.label));
    fusion.updateVoice(angryVoice, 0);
    fusion.tick(100);
    expect(seen).toEqual(['angry', 'angry']);
  });
});
