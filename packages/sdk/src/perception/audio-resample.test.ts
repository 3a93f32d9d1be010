import { describe, expect, it } from 'vitest';
import { resample, StreamResampler } from './audio-resample';

const tone = (hz: number, rate: number, seconds: number) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

/** Amplitude of frequency `hz` in `x` (single-bin DFT). */
function amplitude(x: Float32Array, hz: number, rate: number): number {
  let re = 0;
  let im = 0;
  for (let i = 0; i < x.length; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * hz * i) / rate);
    im -= x[i]! * Math.sin((2 * Math.PI * hz * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / x.length;
}

describe('StreamResampler', () => {
  it('keeps the length ratio and a speech-band tone, 48 kHz → 16 kHz', () => {
    const out = resample(tone(440, 48_000, 1), 48_000, 16_000);
    expect(Math.abs(out.length - 16_000)).toBeLessThanOrEqual(1);
    expect(amplitude(out.subarray(100), 440, 16_000)).toBeCloseTo(1, 1);
  });

  it('low-passes before decimating: a 12 kHz tone does not alias into the band', () => {
    const out = resample(tone(12_000, 48_000, 1), 48_000, 16_000);
    // Without the filter it would fold to 4 kHz at full amplitude.
    expect(amplitude(out.subarray(100), 4_000, 16_000)).toBeLessThan(0.05);
  });

  it('gives the same samples streamed in 128-sample render quanta as in one go', () => {
    const input = tone(300, 44_100, 0.5);
    const whole = resample(input, 44_100, 16_000);
    const streamer = new StreamResampler(44_100, 16_000);
    const parts: number[] = [];
    for (let i = 0; i < input.length; i += 128) parts.push(...streamer.process(input.subarray(i, i + 128)));
    expect(parts.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(parts[i]).toBeCloseTo(whole[i]!, 5);
  });

  it('filters only the input samples it needs, with the same result as filtering them all', () => {
    // The textbook order: low-pass every input sample, then interpolate linearly.
    const eager = (input: Float32Array, from: number, to: number) => {
      const taps = from > to ? StreamResampler.lowPassTaps(0.9 / (from / to) / 2, 31) : Float64Array.of(1);
      const padded = new Float64Array(taps.length - 1 + input.length);
      padded.set(input, taps.length - 1);
      const filtered = Float64Array.from(input, (_, i) => taps.reduce((sum, tap, t) => sum + tap * padded[i + t]!, 0));
      const out: number[] = [];
      for (let position = 0; position < input.length - 1 + 1e-9; position += from / to) {
        const i = Math.floor(position);
        const a = filtered[i]!;
        out.push(a + (filtered[Math.min(i + 1, input.length - 1)]! - a) * (position - i));
      }
      return Float32Array.from(out);
    };
    for (const [from, to] of [[48_000, 16_000], [16_000, 8_000], [22_050, 16_000], [16_000, 44_100]] as const) {
      const input = tone(440, from, 0.2).map((x, i) => x + 0.1 * Math.sin(i * 1.7));
      expect(Array.from(resample(input, from, to)), `${from} → ${to}`).toEqual(Array.from(eager(input, from, to)));
    }
  });
});
