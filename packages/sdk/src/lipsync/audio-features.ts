/**
 * Streaming MFCC front end for audio-driven lip-sync. Input at any sample rate is first
 * resampled to 16 kHz, and frames are defined in seconds (25 ms windows every 10 ms), so
 * a 44.1 kHz and a 48 kHz stream give the same features at the same times: sample-rate
 * differences change neither speed nor shape.
 */
import { Fft } from '../perception/audio-fft';

const RATE = 16000;
const WINDOW = 400; // 25 ms
const HOP = 160; // 10 ms
const FFT = 512;
const MELS = 26;
/** Cepstral coefficients kept (c1…c12; c0, the level, is returned separately). */
export const MFCC_COUNT = 12;
/** Seconds between frames. */
export const FRAME_S = HOP / RATE;

/** One analysis frame: its centre time (s, stream time), log energy (dB) and MFCCs. */
export interface FeatureFrame {
  time: number;
  energyDb: number;
  mfcc: Float32Array;
}

const hann = Float32Array.from({ length: WINDOW }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW - 1)));
const melFilters = buildMelFilters();
const dct = Array.from({ length: MFCC_COUNT }, (_, k) => Float32Array.from({ length: MELS }, (_, m) => Math.cos((Math.PI * (k + 1) * (m + 0.5)) / MELS)));

function buildMelFilters(): Array<{ start: number; weights: Float32Array }> {
  const mel = (f: number) => 2595 * Math.log10(1 + f / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const points = Array.from({ length: MELS + 2 }, (_, i) => hz(mel(60) + ((mel(7600) - mel(60)) * i) / (MELS + 1)));
  const bin = (f: number) => (f * FFT) / RATE;
  return Array.from({ length: MELS }, (_, m) => {
    const [lo, mid, hi] = [bin(points[m]!), bin(points[m + 1]!), bin(points[m + 2]!)];
    const start = Math.floor(lo);
    const weights = Float32Array.from({ length: Math.ceil(hi) - start + 1 }, (_, j) => {
      const k = start + j;
      return k <= lo || k >= hi ? 0 : k <= mid ? (k - lo) / (mid - lo) : (hi - k) / (hi - mid);
    });
    return { start, weights };
  });
}

/** Turns audio blocks into {@link FeatureFrame}s as they arrive. */
export class MfccStream {
  /** 16 kHz samples not yet consumed by a full window. */
  private buffer = new Float32Array(0);
  /** Stream time (s) of buffer[0]. */
  private bufferTime = 0;
  /** Resampler state: position in input samples of the next output sample. */
  private phase = 0;
  private readonly fft = new Fft(FFT);
  private readonly re = new Float64Array(FFT);
  private readonly im = new Float64Array(FFT);

  /**
   * Adds `samples` at `sampleRate` and returns the frames completed. `time` (s) is the
   * stream time of the block's first sample, when known (the audio clock); otherwise
   * blocks are taken as contiguous.
   */
  push(samples: Float32Array, sampleRate: number, time?: number): FeatureFrame[] {
    if (time !== undefined && this.buffer.length === 0) this.bufferTime = time;
    const resampled = this.resample(samples, sampleRate);
    const merged = new Float32Array(this.buffer.length + resampled.length);
    merged.set(this.buffer);
    merged.set(resampled, this.buffer.length);
    const frames: FeatureFrame[] = [];
    let offset = 0;
    while (offset + WINDOW <= merged.length) {
      frames.push(this.analyse(merged.subarray(offset, offset + WINDOW), this.bufferTime + (offset + WINDOW / 2) / RATE));
      offset += HOP;
    }
    this.buffer = merged.slice(offset);
    this.bufferTime += offset / RATE;
    return frames;
  }

  /** Linear-interpolation resampling to 16 kHz, continuous across blocks. */
  private resample(samples: Float32Array, rate: number): Float32Array {
    const step = rate / RATE;
    const out: number[] = [];
    let pos = this.phase;
    while (pos < samples.length) {
      const i = Math.floor(pos);
      const frac = pos - i;
      const a = samples[i]!;
      const b = samples[i + 1] ?? a;
      out.push(a + (b - a) * frac);
      pos += step;
    }
    this.phase = pos - samples.length;
    return Float32Array.from(out);
  }

  private analyse(window: Float32Array, time: number): FeatureFrame {
    const { re, im } = this;
    re.fill(0);
    im.fill(0);
    let energy = 0;
    for (let i = 0; i < WINDOW; i++) {
      energy += window[i]! * window[i]!;
      re[i] = window[i]! * hann[i]!;
    }
    this.fft.transform(re, im);
    const logMel = new Float32Array(MELS);
    melFilters.forEach(({ start, weights }, m) => {
      let sum = 0;
      weights.forEach((w, j) => {
        const k = start + j;
        sum += w * (re[k]! * re[k]! + im[k]! * im[k]!);
      });
      logMel[m] = Math.log(sum + 1e-10);
    });
    const mfcc = Float32Array.from(dct, (row) => row.reduce((s, c, m) => s + c * logMel[m]!, 0));
    return { time, energyDb: 10 * Math.log10(energy / WINDOW + 1e-12), mfcc };
  }
}
