import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../util/random';
import { VOICE_FEATURE_COUNT, VOICE_FEATURE_NAMES, VoiceFeatureExtractor } from './voice-features';
import reference from './voice-features.reference.json';

/** A synthetic voiced sound: a 150 Hz pulse-like harmonic series with a gentle vibrato, in noise. */
function vowel(seconds: number, f0 = 150): Float32Array {
  const random = seededRandom(7);
  let phase = 0;
  return Float32Array.from({ length: Math.round(seconds * 16_000) }, (_, i) => {
    const f = f0 * (1 + 0.02 * Math.sin((2 * Math.PI * 5 * i) / 16_000));
    phase += (2 * Math.PI * f) / 16_000;
    let x = 0;
    for (let h = 1; h <= 10; h++) x += Math.sin(h * phase) / h;
    return 0.3 * x + 0.003 * (random() - 0.5);
  });
}

/**
 * A made-up "phrase": digital silence, a rising vowel, a noise burst (a fricative), a quiet
 * pause, a falling vowel, then silence again; 2.37 s so the frame count is odd.
 */
function phrase(): Float32Array {
  const random = seededRandom(11);
  const rate = 16_000;
  const out = new Float32Array(Math.round(2.37 * rate));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    let x = 0.0005 * (random() - 0.5);
    if (t >= 0.2 && t < 0.9) {
      const f0 = 120 + 80 * ((t - 0.2) / 0.7);
      phase += (2 * Math.PI * f0) / rate;
      for (let h = 1; h <= 12; h++) x += (0.4 * Math.sin(h * phase)) / h ** 1.3;
    } else if (t >= 0.9 && t < 1.1) {
      x += 0.1 * (random() - 0.5);
    } else if (t >= 1.3 && t < 2.0) {
      const f0 = 240 - 90 * ((t - 1.3) / 0.7);
      phase += (2 * Math.PI * f0) / rate;
      for (let h = 1; h <= 8; h++) x += (0.25 * Math.sin(h * phase + h)) / h;
    } else if (t >= 2.2) {
      x = 0;
    }
    out[i] = x;
  }
  return out;
}
/** Signals whose vectors `voice-features.reference.json` pins: every code path of the extractor. */
const referenceSignals = (): Record<string, Float32Array> => ({ vowel: vowel(1.2), phrase: phrase() });

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

  it('gives the same numbers as the reference extractor (the model was trained on them)', () => {
    // voice-features.reference.json holds the vectors of the implementation the shipped
    // model was trained with; a speed-up must not move them. After a deliberate change of the
    // features (and a retrained model), rewrite it with UPDATE_VOICE_REFERENCE=1.
    if (process.env['UPDATE_VOICE_REFERENCE']) {
      const vectors = Object.fromEntries(Object.entries(referenceSignals()).map(([name, signal]) => [name, Array.from(extractor.extract(signal))]));
      writeFileSync(new URL('./voice-features.reference.json', import.meta.url), `${JSON.stringify(vectors)}\n`);
    }
    for (const [name, signal] of Object.entries(referenceSignals())) {
      const expected = (reference as Record<string, number[]>)[name]!;
      const actual = extractor.extract(signal);
      for (let i = 0; i < VOICE_FEATURE_COUNT; i++) expect(actual[i], `${name}: ${VOICE_FEATURE_NAMES[i]}`).toBe(expected[i]);
    }
  });
});
