import { describe, expect, it } from 'vitest';
import { AudioVisemeAnalyzer } from './audio-visemes';

/** A vowel-like buzz (120 Hz harmonics shaped by two formants) with silence around it. */
function speechLike(rate: number): Float32Array {
  const out = new Float32Array(Math.round(rate * 0.6));
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    if (t < 0.2 || t > 0.4) continue;
    let s = 0;
    for (let h = 1; h * 120 < 4000; h++) {
      const f = h * 120;
      s += (Math.exp(-(((f - 700) / 150) ** 2)) + 0.5 * Math.exp(-(((f - 1200) / 200) ** 2))) * Math.sin(2 * Math.PI * f * t);
    }
    out[i] = 0.3 * s;
  }
  return out;
}

function analyse(rate: number) {
  const samples = speechLike(rate);
  const analyzer = new AudioVisemeAnalyzer();
  const frames = [];
  for (let i = 0; i < samples.length; i += 128) frames.push(...analyzer.push(samples.subarray(i, i + 128), rate, i === 0 ? 0 : undefined));
  return frames;
}

describe('AudioVisemeAnalyzer', () => {
  it('rests in silence and opens the mouth on a vowel', () => {
    const frames = analyse(48000);
    const at = (s: number) => frames.find((f) => Math.abs(f.time - s) < 0.006)!;
    expect(at(0.1).cls).toBe('rest');
    expect(at(0.3).cls).not.toBe('rest');
    expect(at(0.5).cls).toBe('rest');
  });

  it('gives the same frames at the same times whatever the sample rate', () => {
    const a = analyse(22050);
    const b = analyse(48000);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(1);
    a.slice(0, 50).forEach((f, i) => expect(b[i]!.time).toBeCloseTo(f.time, 3));
    const same = a.filter((f, i) => b[i]?.cls === f.cls).length;
    expect(same / a.length).toBeGreaterThan(0.9);
  });
});
