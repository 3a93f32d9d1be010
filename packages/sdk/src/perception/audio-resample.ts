/**
 * Resampling to the 16 kHz that Silero VAD and the voice-emotion features expect.
 * Microphones deliver 44.1 or 48 kHz; eval clips come at any rate.
 *
 * Downsampling low-passes first (a windowed-sinc FIR at 0.9 × the target Nyquist), then
 * interpolates linearly between the filtered samples. That is cheap enough to run per
 * 128-sample render quantum in an AudioWorklet and keeps aliasing of 8–24 kHz energy out
 * of the spectral features.
 *
 * The class is self-contained (no module-level helpers) on purpose: the microphone's
 * AudioWorklet is built from its source text (`microphone-worklet.ts`), so the worklet
 * and the eval CLI resample with the very same code.
 */
export class StreamResampler {
  private readonly ratio: number;
  private readonly taps: Float64Array;
  /** Last `taps.length - 1` input samples, so filtering is continuous across chunks. */
  private readonly history: Float64Array;
  /** Position of the next output sample, in input samples relative to the current chunk. */
  private position = 0;
  /** Filtered value of the last input sample of the previous chunk (for interpolation). */
  private previous = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    if (!(inputRate > 0 && outputRate > 0)) throw new RangeError('sample rates must be positive');
    this.ratio = inputRate / outputRate;
    this.taps = this.ratio > 1 ? StreamResampler.lowPassTaps(0.9 / this.ratio / 2, 31) : Float64Array.of(1);
    this.history = new Float64Array(this.taps.length - 1);
  }

  /** Resamples one chunk; the output length varies by at most one sample from chunk to chunk. */
  process(input: ArrayLike<number>): Float32Array {
    const n = input.length;
    const filteredAt = this.lazyFilter(input);
    const out = new Float32Array(Math.max(0, Math.ceil((n - this.position) / this.ratio) + 1));
    let count = 0;
    // position is in [−1, 0) for a sample between the previous chunk's last and this chunk's first.
    while (this.position < n - 1 + 1e-9) {
      const i = Math.floor(this.position);
      const frac = this.position - i;
      const a = i < 0 ? this.previous : filteredAt(i);
      // On an output that falls exactly on an input sample (every one at ratio 2) the
      // neighbour is not needed: a + (b − a) · 0 is a.
      out[count++] = frac === 0 ? a : a + (filteredAt(Math.min(i + 1, n - 1)) - a) * frac;
      this.position += this.ratio;
    }
    this.position -= n;
    if (n > 0) this.previous = filteredAt(n - 1);
    return out.subarray(0, count);
  }

  /** Hann-windowed sinc low-pass with cutoff `fc` (fraction of the input rate), unit DC gain. */
  static lowPassTaps(fc: number, length: number): Float64Array {
    const taps = new Float64Array(length);
    const mid = (length - 1) / 2;
    let sum = 0;
    for (let i = 0; i < length; i++) {
      const x = i - mid;
      const sinc = x === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * x) / (Math.PI * x);
      const window = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (length - 1));
      taps[i] = sinc * window;
      sum += taps[i]!;
    }
    for (let i = 0; i < length; i++) taps[i] = taps[i]! / sum;
    return taps;
  }

  /**
   * The low-passed input, computed on demand: only the samples that outputs interpolate
   * between are filtered, about 2 of every 3 inputs at 48 → 16 kHz and 1 of 2 at
   * 16 → 8 kHz, each with the same sum as filtering them all. Consumes the chunk: the
   * filter history moves on to its last samples.
   */
  private lazyFilter(input: ArrayLike<number>): (i: number) => number {
    const taps = this.taps;
    const order = taps.length - 1;
    const n = input.length;
    const extended = new Float64Array(order + n);
    extended.set(this.history);
    for (let i = 0; i < n; i++) extended[order + i] = input[i]!;
    this.history.set(extended.subarray(n, n + order));
    // Consecutive outputs often share a neighbour (ratios below 2): remember the last one.
    let lastIndex = -1;
    let lastValue = 0;
    return (i) => {
      if (i === lastIndex) return lastValue;
      let sum = 0;
      for (let t = 0; t <= order; t++) sum += taps[t]! * extended[i + t]!;
      lastIndex = i;
      lastValue = sum;
      return sum;
    };
  }
}

/** One-shot resampling of a whole clip (eval CLI, tests). Identical to streaming it. */
export function resample(samples: ArrayLike<number>, inputRate: number, outputRate: number): Float32Array {
  if (inputRate === outputRate) return Float32Array.from(samples as ArrayLike<number>);
  return new StreamResampler(inputRate, outputRate).process(samples);
}
