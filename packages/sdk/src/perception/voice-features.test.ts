import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random';
import { VOICE_FEATURE_COUNT, VOICE_FEATURE_NAMES, VoiceFeatureExtractor } from './voice-features';

/** A synthetic voiced sound: a 150 Hz pulse-like harmonic series with a gentle vibrato, in noise. */
function vowel(seconds: number, f0 = 150): Float32Array {
  const random = seededRandom(7);
  let phase = 0;
  return Float32Array.from({ length: seconds * 16_000 }, (_, i) => {
    const f = f0 * (1 + 0.02 * Math.sin((2 * Math.PI * 5 * i) / 16_000));
    phase += (2 * Math.PI * f) / 16_000;
    let x = 0;
    for (let h = 1; h <= 10; h++) x += Math.sin(h * phase) / h;
    return 0.3 * x + 0.003 * (random() - 0.5);
  });
}

const feature = (vector: Float32Array, name: string) => vector[VOICE_FEATURE_NAMES.indexOf(name)]!;

describe('VoiceFeatureExtractor', () => {
  const extractor = new VoiceFeatureExtractor();

  it('is invariant to gain: the same clip 26 dB quieter gives the same vector', () => {
    const loud = vowel(1);
    const a = extractor.extract(loud);
    const b = extractor.extract(loud.map((x) => x * 0.05));
    expect(a.length).toBe(VOICE_FEATURE_COUNT);
    for (let i = 0; i < a.length; i++) expect(b[i], VOICE_FEATURE_NAMES[i]).toBeCloseTo(a[i]!, 3);
  });

  it('tracks pitch: 150 Hz is voiced at 12·log2(1.5) semitones above 100 Hz', () => {
    const v = extractor.extract(vowel(1));
    expect(feature(v, 'voiced_fraction')).toBeGreaterThan(0.9);
    expect(feature(v, 'f0_p50')).toBeCloseTo(12 * Math.log2(1.5), 0);
    expect(feature(extractor.extract(vowel(1, 220)), 'f0_p50')).toBeCloseTo(12 * Math.log2(2.2), 0);
  });

  it('ignores digital silence (padding) in the statistics', () => {
    const speech = vowel(1);
    const padded = new Float32Array(32_000);
    padded.set(speech);
    const a = extractor.extract(speech);
    const b = extractor.extract(padded);
    expect(feature(b, 'f0_mean')).toBeCloseTo(feature(a, 'f0_mean'), 1);
    // Only the few frames straddling the speech/padding edge differ.
    expect(feature(b, 'mfcc1_mean')).toBeCloseTo(feature(a, 'mfcc1_mean'), 0);
    expect(feature(b, 'active_fraction')).toBeCloseTo(feature(a, 'active_fraction') / 2, 1);
  });

  it('gives zeros, not NaN, for silence and for clips shorter than a frame', () => {
    expect([...extractor.extract(new Float32Array(16_000))].every((x) => x === 0)).toBe(true);
    expect([...extractor.extract(new Float32Array(100))].every((x) => x === 0)).toBe(true);
  });
});
