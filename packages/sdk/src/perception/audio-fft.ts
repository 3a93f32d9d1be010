/**
 * In-place iterative radix-2 FFT on separate real/imaginary arrays. Small and
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
    for (let half = 1; half < n; half *= 2) {
      const step = n / (2 * half);
      for (let start = 0; start < n; start += 2 * half) {
        for (let k = 0; k < half; k++) {
          const wr = this.cos[k * step]!;
          const wi = this.sin[k * step]!;
          const a = start + k;
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
    for (let i = 0; i < n; i++) {
      re[i] = i < a.length ? a[i]! : 0;
      im[i] = b && i < b.length ? b[i]! : 0;
    }
    this.transform(re, im);
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
