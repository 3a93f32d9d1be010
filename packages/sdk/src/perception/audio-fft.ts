/**
 * In-place iterative radix-2 FFT on separate real/imaginary arrays, with a real-input
 * path ({@link Fft.powerSpectra}: two real frames per complex transform). Small and
 * allocation-free so the voice feature extractor can run it per 10 ms frame on the main
 * thread, in a worker or in Node (the eval CLI) with identical results.
 */
export class Fft {
  readonly size: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly reversed: Uint32Array;

  /** @param size a power of two. */
  constructor(size: number) {
    if (size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size must be a power of two, got ${size}`);
    this.size = size;
    this.cos = new Float64Array(size / 2);
    this.sin = new Float64Array(size / 2);
    for (let i = 0; i < size / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / size);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / size);
    }
    this.reversed = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
  }

  /** Forward transform of (re, im), in place. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const j = this.reversed[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    this.butterflies(re, im);
  }

  /**
   * The radix-2 stages on bit-reversed input. The twiddle factor is the outer loop, so it
   * is read once per stage and index rather than once per butterfly; every butterfly does
   * the same arithmetic in the same order as the textbook loop, so results are bit-identical.
   */
  private butterflies(re: Float64Array, im: Float64Array): void {
    const n = this.size;
    // First stage: the twiddle is exactly 1, so the butterfly is a plain sum and difference.
    for (let a = 0; a < n; a += 2) {
      const xr = re[a + 1]!;
      const xi = im[a + 1]!;
      re[a + 1] = re[a]! - xr;
      im[a + 1] = im[a]! - xi;
      re[a] = re[a]! + xr;
      im[a] = im[a]! + xi;
    }
    for (let half = 2; half < n; half *= 2) {
      const step = n / (2 * half);
      const span = 2 * half;
      for (let k = 0; k < half; k++) {
        const wr = this.cos[k * step]!;
        const wi = this.sin[k * step]!;
        for (let a = k; a < n; a += span) {
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }

  /**
   * Power spectra |X(k)|², k = 0 … size/2, of two real frames (zero-padded to `size`) with
   * one complex transform: frame `a` goes in the real part, `b` in the imaginary part, and
   * the spectra are separated by conjugate symmetry. Half the work of two transforms.
   * `b` may be null (then `outB` is left alone). `re`/`im` are scratch arrays of length `size`.
   */
  powerSpectra(a: ArrayLike<number>, b: ArrayLike<number> | null, re: Float64Array, im: Float64Array, outA: Float64Array, outB: Float64Array): void {
    const n = this.size;
    // Loading straight into bit-reversed positions saves the transform's reordering pass.
    for (let i = 0; i < n; i++) {
      const j = this.reversed[i]!;
      re[j] = i < a.length ? a[i]! : 0;
      im[j] = b && i < b.length ? b[i]! : 0;
    }
    this.butterflies(re, im);
    for (let k = 0; k <= n / 2; k++) {
      const m = (n - k) % n;
      const sr = re[k]! + re[m]!;
      const di = im[k]! - im[m]!;
      const si = im[k]! + im[m]!;
      const dr = re[k]! - re[m]!;
      outA[k] = (sr * sr + di * di) / 4;
      if (b) outB[k] = (si * si + dr * dr) / 4;
    }
  }
}
