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
});
