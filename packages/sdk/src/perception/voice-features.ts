import { Fft } from './audio-fft';
import { resample } from './audio-resample';

/**
 * Utterance-level acoustic features for voice emotion: one fixed-length vector per clip
 * of 16 kHz mono audio. This single module is the feature code path of the SDK (browser)
 * and of the trainer and `pnpm eval:voice` (Node), so the model sees the same numbers
 * everywhere.
 *
 * Every feature is invariant to the recording's gain. The training corpora differ in
 * loudness (EmoDB is peak-normalised, RAVDESS peaks around −20 dBFS), so absolute level
 * would let a model recognise the corpus instead of the emotion, and a microphone's gain is
 * arbitrary anyway. Levels are therefore only used relative to the clip's own loudest
 * frame, spectra only as shapes (MFCCs without c0, ratios, per-band deviations), and the
 * log floor scales with the clip's own energy.
 *
 * The set follows what the affective-computing literature found informative (eGeMAPS:
 * Eyben et al. 2016): spectral envelope (MFCC statistics), pitch level/range/contour,
 * voice quality (periodicity), loudness dynamics and a rhythm proxy.
 */

/** Sample rate the features are defined at. */
export const VOICE_SAMPLE_RATE = 16_000;

const FRAME = 400; // 25 ms analysis window
const HOP = 160; // 10 ms
const FFT_SIZE = 512;
// Pitch is tracked at 8 kHz (F0 and its first harmonics lie far below 4 kHz): a quarter of
// the FFT work of tracking it at 16 kHz, which was most of the extractor's time.
const PITCH_RATE = 8_000;
const PITCH_HOP = HOP / 2;
const PITCH_FRAME = 320; // 40 ms: more than two periods of the lowest F0
const PITCH_FFT = 512; // ≥ PITCH_FRAME + the longest lag, so the circular autocorrelation does not wrap
const MEL_BANDS = 40;
const MFCC = 19; // c1…c19; c0 (overall level) is left out on purpose
const QUANTILE_MFCC = 12; // c1…c12 also get their 10th/90th percentiles
const DESCRIPTORS = ['centroid', 'bandwidth', 'rolloff', 'flatness', 'slope', 'hf_ratio', 'zcr', 'flux', 'alpha_ratio', 'hammarberg'] as const;
const MIN_F0 = 60;
const MAX_F0 = 500;
const ACTIVE_RANGE_DB = 35; // frames within 35 dB of the loudest count as active
const VOICING_THRESHOLD = 0.45;
const OCTAVE_TOLERANCE = 0.9;

/** Names of the feature vector's entries, in order (for the model card and debugging). */
export const VOICE_FEATURE_NAMES: readonly string[] = buildNames();
/** Length of the feature vector. */
export const VOICE_FEATURE_COUNT = VOICE_FEATURE_NAMES.length;

function buildNames(): string[] {
  const names: string[] = [];
  for (let c = 1; c <= MFCC; c++) names.push(`mfcc${c}_mean`);
  for (let c = 1; c <= MFCC; c++) names.push(`mfcc${c}_std`);
  for (let c = 1; c <= MFCC; c++) names.push(`mfcc${c}_delta_std`);
  for (let c = 1; c <= MFCC; c++) names.push(`mfcc${c}_voiced_mean`);
  for (let c = 1; c <= MFCC; c++) names.push(`mfcc${c}_unvoiced_mean`);
  for (let c = 1; c <= QUANTILE_MFCC; c++) names.push(`mfcc${c}_p10`, `mfcc${c}_p90`);
  for (let b = 0; b < MEL_BANDS; b++) names.push(`mel${b}_std`);
  names.push('energy_std', 'energy_p10', 'energy_p50', 'energy_p90', 'energy_delta_std', 'energy_skew', 'active_fraction');
  for (const s of DESCRIPTORS) names.push(`${s}_mean`, `${s}_std`);
  names.push('f0_mean', 'f0_std', 'f0_p10', 'f0_p50', 'f0_p90', 'f0_range', 'f0_slope', 'f0_delta_abs', 'f0_skew', 'f0_rising', 'voiced_fraction');
  names.push('periodicity_mean', 'periodicity_std', 'voiced_segments_per_s', 'voiced_segment_mean_s');
  return names;
}

const BINS = FFT_SIZE / 2 + 1;
const MIN_LAG = Math.floor(PITCH_RATE / MAX_F0);
const MAX_LAG = Math.ceil(PITCH_RATE / MIN_F0);

/** Reusable DSP state (FFTs, windows, filterbank, scratch buffers); create once, extract many times. */
export class VoiceFeatureExtractor {
  private readonly fft = new Fft(FFT_SIZE);
  private readonly pitchFft = new Fft(PITCH_FFT);
  private readonly window = hann(FRAME);
  private readonly pitchWindow = hann(PITCH_FRAME);
  /** Autocorrelation of the pitch window, to undo its taper (Boersma 1993). */
  private readonly windowAutocorr: Float64Array;
  private readonly mel = melFilterbank(MEL_BANDS, FFT_SIZE, VOICE_SAMPLE_RATE, 60, 7600);
  private readonly dct = dctMatrix(MEL_BANDS, MFCC);
  private readonly bins = new SpectrumBins();
  /** Per-clip buffers, grown to the longest clip seen so far: extraction allocates little. */
  private readonly buffers = new Buffers();

  constructor() {
    this.windowAutocorr = new Float64Array(PITCH_FRAME);
    const r = this.windowAutocorr;
    this.autocorrelations(this.pitchWindow, null, r, new Float64Array(PITCH_FRAME));
    const r0 = r[0]!;
    for (let lag = 0; lag < PITCH_FRAME; lag++) r[lag] = r[lag]! / r0;
  }

  /**
   * Feature vector of one utterance (16 kHz mono, any gain). Clips shorter than one frame
   * or entirely silent give a vector of zeros (the model then says "neutral"-ish with low
   * confidence; callers should only classify detected speech).
   */
  extract(samples: Float32Array): Float32Array {
    const out = new Float32Array(VOICE_FEATURE_COUNT);
    const frameCount = samples.length < FRAME ? 0 : 1 + Math.floor((samples.length - FRAME) / HOP);
    if (frameCount === 0) return out;

    let mean = 0;
    for (let i = 0; i < samples.length; i++) mean += samples[i]!;
    mean /= samples.length;

    const spectra = this.buffers.get('spectra', frameCount * BINS);
    const energy = this.buffers.get('energy', frameCount);
    const zcr = this.buffers.get('zcr', frameCount);
    this.powerSpectra(samples, mean, frameCount, spectra, energy, zcr);

    // Active frames: within ACTIVE_RANGE_DB of the loudest, and not digital silence.
    let maxEnergy = 0;
    for (let t = 0; t < frameCount; t++) maxEnergy = Math.max(maxEnergy, energy[t]!);
    if (maxEnergy <= 0) return out;
    const threshold = maxEnergy * 10 ** (-ACTIVE_RANGE_DB / 10);
    const activeFrames = this.buffers.get('active', frameCount);
    let activeCount = 0;
    for (let t = 0; t < frameCount; t++) if (energy[t]! >= threshold) activeFrames[activeCount++] = t;
    const active = activeFrames.subarray(0, activeCount);
    let meanActiveEnergy = 0;
    for (const t of active) meanActiveEnergy += energy[t]!;
    meanActiveEnergy /= activeCount;
    // A log floor relative to the clip's own level keeps log spectra gain-invariant.
    const floor = meanActiveEnergy * 1e-7;

    // Per active frame (rows): MFCC (c1…), mean-removed log-mel, spectral shape descriptors.
    const mfcc = this.buffers.get('mfcc', activeCount * MFCC);
    const logMel = this.buffers.get('logMel', activeCount * MEL_BANDS);
    const descriptors = this.buffers.get('descriptors', activeCount * DESCRIPTORS.length);
    this.frameFeatures(spectra, energy, zcr, active, floor, mfcc, logMel, descriptors);
    const pitch = this.pitchTrack(resample(samples, VOICE_SAMPLE_RATE, PITCH_RATE), mean, active);

    let i = 0;
    const put = (value: number) => (out[i++] = Number.isFinite(value) ? value : 0);
    const column = this.buffers.get('column', activeCount);
    const columnOf = (matrix: Float64Array, width: number, c: number, keep?: (row: number) => boolean) => {
      let n = 0;
      for (let row = 0; row < activeCount; row++) if (!keep || keep(row)) column[n++] = matrix[row * width + c]!;
      return column.subarray(0, n);
    };

    for (let c = 0; c < MFCC; c++) put(meanOf(columnOf(mfcc, MFCC, c)));
    for (let c = 0; c < MFCC; c++) put(stdOf(columnOf(mfcc, MFCC, c)));
    for (let c = 0; c < MFCC; c++) put(stdOf(deltas(columnOf(mfcc, MFCC, c))));
    // Vowels (voiced) and consonants/breath (unvoiced) have different spectra; their
    // separate means say more about articulation effort than the overall mean.
    for (let c = 0; c < MFCC; c++) put(meanOf(columnOf(mfcc, MFCC, c, (row) => pitch.f0[row]! > 0)));
    for (let c = 0; c < MFCC; c++) put(meanOf(columnOf(mfcc, MFCC, c, (row) => pitch.f0[row] === 0)));
    for (let c = 0; c < QUANTILE_MFCC; c++) {
      const sorted = sortedCopy(columnOf(mfcc, MFCC, c));
      put(percentileOfSorted(sorted, 0.1));
      put(percentileOfSorted(sorted, 0.9));
    }
    for (let b = 0; b < MEL_BANDS; b++) put(stdOf(columnOf(logMel, MEL_BANDS, b)));

    const activeDb = Float64Array.from(active, (t) => 10 * Math.log10(energy[t]! / maxEnergy));
    const sortedDb = sortedCopy(activeDb);
    put(stdOf(activeDb));
    put(percentileOfSorted(sortedDb, 0.1));
    put(percentileOfSorted(sortedDb, 0.5));
    put(percentileOfSorted(sortedDb, 0.9));
    put(stdOf(deltas(activeDb)));
    put(skewOf(activeDb));
    put(activeCount / frameCount);
    for (let d = 0; d < DESCRIPTORS.length; d++) {
      const values = columnOf(descriptors, DESCRIPTORS.length, d);
      put(meanOf(values));
      put(stdOf(values));
    }

    const semitones: number[] = [];
    const voicedSeconds: number[] = [];
    for (let a = 0; a < activeCount; a++) {
      if (pitch.f0[a]! <= 0) continue;
      semitones.push(12 * Math.log2(pitch.f0[a]! / 100));
      voicedSeconds.push((active[a]! * HOP) / VOICE_SAMPLE_RATE);
    }
    const sortedSemitones = sortedCopy(semitones);
    put(meanOf(semitones));
    put(stdOf(semitones));
    put(percentileOfSorted(sortedSemitones, 0.1));
    put(percentileOfSorted(sortedSemitones, 0.5));
    put(percentileOfSorted(sortedSemitones, 0.9));
    put(percentileOfSorted(sortedSemitones, 0.9) - percentileOfSorted(sortedSemitones, 0.1));
    put(slopeOf(voicedSeconds, semitones));
    const f0Deltas = deltas(semitones);
    put(meanOf(f0Deltas.map(Math.abs)));
    put(skewOf(semitones));
    put(f0Deltas.length ? f0Deltas.filter((d) => d > 0).length / f0Deltas.length : 0);
    put(activeCount ? semitones.length / activeCount : 0);
    put(meanOf(pitch.periodicity));
    put(stdOf(pitch.periodicity));
    const segments = voicedSegments(active, pitch.f0);
    const activeSeconds = (activeCount * HOP) / VOICE_SAMPLE_RATE;
    put(activeSeconds > 0 ? segments.length / activeSeconds : 0);
    put(meanOf(segments.map((length) => (length * HOP) / VOICE_SAMPLE_RATE)));
    return out;
  }

  /**
   * Power spectrum (bins 0…FFT_SIZE/2, rows of `spectra`), energy without DC and zero-crossing
   * rate of every 25 ms frame. Frames go through the FFT in pairs (one complex transform for
   * two real frames).
   */
  private powerSpectra(samples: Float32Array, mean: number, frameCount: number, spectra: Float64Array, energy: Float64Array, zcr: Float64Array): void {
    const { re, im, frameA, frameB } = this.buffers.fixed;
    for (let t = 0; t < frameCount; t += 2) {
      const pair = Math.min(2, frameCount - t);
      for (let j = 0; j < pair; j++) {
        const start = (t + j) * HOP;
        const frame = j === 0 ? frameA : frameB;
        let crossings = 0;
        for (let i = 0; i < FRAME; i++) {
          const x = samples[start + i]! - mean;
          frame[i] = x * this.window[i]!;
          if (i > 0 && (x >= 0) !== (samples[start + i - 1]! - mean >= 0)) crossings++;
        }
        zcr[t + j] = crossings / FRAME;
      }
      const outA = spectra.subarray(t * BINS, (t + 1) * BINS);
      const outB = pair === 2 ? spectra.subarray((t + 1) * BINS, (t + 2) * BINS) : outA;
      this.fft.powerSpectra(frameA, pair === 2 ? frameB : null, re, im, outA, outB);
      for (let j = 0; j < pair; j++) {
        const offset = (t + j) * BINS;
        let sum = 0;
        for (let k = 1; k < BINS; k++) sum += spectra[offset + k]!;
        energy[t + j] = sum;
      }
    }
  }

  /** Fills the per-active-frame rows of `mfcc`, `logMel` and `descriptors`. */
  private frameFeatures(
    spectra: Float64Array,
    energy: Float64Array,
    zcr: Float64Array,
    active: Float64Array,
    floor: number,
    mfcc: Float64Array,
    logMel: Float64Array,
    descriptors: Float64Array,
  ): void {
    const { bands, magnitude, previousMagnitude } = this.buffers.fixed;
    const { hz, khz, sumKhz, sumKhzSquared, low, mid, high, peakLow, peakHigh } = this.bins;
    const binFloor = floor / BINS;
    const m = BINS - 1;
    let magnitudeNow = magnitude;
    let magnitudeBefore = previousMagnitude;
    for (let a = 0; a < active.length; a++) {
      const t = active[a]!;
      const offset = t * BINS;
      const power = spectra.subarray(offset, offset + BINS);
      for (let b = 0; b < MEL_BANDS; b++) {
        const filter = this.mel[b]!;
        let sum = 0;
        for (let k = filter.start; k < filter.start + filter.weights.length; k++) sum += power[k]! * filter.weights[k - filter.start]!;
        bands[b] = Math.log(sum + floor);
      }
      let bandMean = 0;
      for (let b = 0; b < MEL_BANDS; b++) bandMean += bands[b]!;
      bandMean /= MEL_BANDS;
      for (let b = 0; b < MEL_BANDS; b++) logMel[a * MEL_BANDS + b] = bands[b]! - bandMean;
      for (let c = 0; c < MFCC; c++) {
        const row = this.dct[c]!;
        let sum = 0;
        for (let b = 0; b < MEL_BANDS; b++) sum += row[b]! * bands[b]!;
        mfcc[a * MFCC + c] = sum;
      }

      const total = energy[t]! + floor;
      // One pass for the sums over all bins: centroid, roll-off, log spectrum (flatness and
      // the least-squares tilt over kHz; Σx and Σx² are constants of the bins) and the
      // unit-energy magnitude spectrum (for flux).
      let centroid = 0;
      let cumulative = 0;
      let rolloff = hz[BINS - 1]!;
      let rolled = false;
      let logSum = 0;
      let sxy = 0;
      for (let k = 1; k < BINS; k++) {
        const p = power[k]!;
        centroid += hz[k]! * p;
        cumulative += p;
        if (!rolled && cumulative >= 0.85 * total) {
          rolloff = hz[k]!;
          rolled = true;
        }
        const y = Math.log(p + binFloor);
        logSum += y;
        sxy += khz[k]! * y;
        magnitudeNow[k] = Math.sqrt(p / total);
      }
      centroid /= total;
      let spread = 0;
      for (let k = 1; k < BINS; k++) spread += (hz[k]! - centroid) ** 2 * power[k]!;
      spread = Math.sqrt(spread / total);
      // eGeMAPS voice-quality ratios: alpha (50 Hz–1 kHz vs 1–5 kHz energy) and Hammarberg
      // (strongest peak below 2 kHz vs strongest in 2–5 kHz); both in dB, both level-free.
      const highEnergy = sumOver(power, high);
      const lowBand = sumOver(power, low);
      const midBand = sumOver(power, mid);
      const peakBelow = maxOver(power, peakLow);
      const peakAbove = maxOver(power, peakHigh);
      const flatness = Math.exp(logSum / m) / (total / m);
      const slope = (m * sxy - sumKhz * logSum) / (m * sumKhzSquared - sumKhz * sumKhz);
      let flux = 0;
      if (a > 0) for (let k = 1; k < BINS; k++) flux += (magnitudeNow[k]! - magnitudeBefore[k]!) ** 2;
      [magnitudeNow, magnitudeBefore] = [magnitudeBefore, magnitudeNow];
      const db = (x: number, y: number) => 10 * Math.log10((x + floor) / (y + floor));
      const row = a * DESCRIPTORS.length;
      descriptors[row] = centroid / 1000;
      descriptors[row + 1] = spread / 1000;
      descriptors[row + 2] = rolloff / 1000;
      descriptors[row + 3] = Math.log(flatness + 1e-12);
      descriptors[row + 4] = slope;
      descriptors[row + 5] = highEnergy / total;
      descriptors[row + 6] = zcr[t]!;
      descriptors[row + 7] = Math.sqrt(flux);
      descriptors[row + 8] = db(lowBand, midBand);
      descriptors[row + 9] = db(peakBelow, peakAbove);
    }
  }

  /**
   * F0 (0 when unvoiced) and periodicity (normalised autocorrelation peak) of every active
   * frame (by index into `active`), from the 8 kHz signal.
   */
  private pitchTrack(samples: Float32Array, mean: number, active: Float64Array): { f0: Float64Array; periodicity: Float64Array } {
    const f0 = new Float64Array(active.length);
    const periodicity = new Float64Array(active.length);
    const { frameA, frameB, autocorrA, autocorrB } = this.buffers.fixed;
    const fill = (frame: Float64Array, t: number) => {
      // Centre the 40 ms pitch window on the 25 ms analysis frame (8 kHz sample indices).
      const start = t * PITCH_HOP + FRAME / 4 - PITCH_FRAME / 2;
      for (let i = 0; i < PITCH_FRAME; i++) {
        const s = start + i;
        frame[i] = (s >= 0 && s < samples.length ? samples[s]! - mean : 0) * this.pitchWindow[i]!;
      }
      return frame.subarray(0, PITCH_FRAME);
    };
    for (let a = 0; a < active.length; a += 2) {
      const paired = a + 1 < active.length;
      this.autocorrelations(fill(frameA, active[a]!), paired ? fill(frameB, active[a + 1]!) : null, autocorrA, autocorrB);
      this.pitchOf(autocorrA, f0, periodicity, a);
      if (paired) this.pitchOf(autocorrB, f0, periodicity, a + 1);
    }
    return { f0, periodicity };
  }

  /**
   * Picks the period from one autocorrelation: local maxima of the window-corrected
   * normalised autocorrelation (the slope near lag 0 is not a period). Multiples of the
   * period score about as high as the period itself, so the shortest lag within
   * OCTAVE_TOLERANCE of the best wins: otherwise the tracker drops an octave on many frames.
   */
  private pitchOf(r: Float64Array, f0: Float64Array, periodicity: Float64Array, index: number): void {
    const { peakLags, peakValues } = this.buffers.fixed;
    let peaks = 0;
    let best = 0;
    if (r[0]! > 0) {
      for (let lag = MIN_LAG; lag <= MAX_LAG && lag < PITCH_FRAME - 1; lag++) {
        if (r[lag]! < r[lag - 1]! || r[lag]! < r[lag + 1]!) continue;
        const value = r[lag]! / r[0]! / this.windowAutocorr[lag]!;
        peakLags[peaks] = lag;
        peakValues[peaks++] = value;
        best = Math.max(best, value);
      }
    }
    let bestLag = 0;
    for (let p = 0; p < peaks; p++) {
      if (peakValues[p]! >= OCTAVE_TOLERANCE * best) {
        bestLag = peakLags[p]!;
        break;
      }
    }
    const clamped = Math.min(1, Math.max(0, best));
    periodicity[index] = clamped;
    f0[index] = clamped >= VOICING_THRESHOLD && bestLag > 0 ? PITCH_RATE / bestLag : 0;
  }

  /**
   * Autocorrelations (lags 0 … PITCH_FRAME − 1) of two frames via their power spectra
   * (Wiener–Khinchin), two frames per transform each way: the power spectra are real and
   * even, so packing them as real and imaginary parts gives both inverses at once, and the
   * inverse of a real, even spectrum is its forward transform divided by N.
   */
  private autocorrelations(a: Float64Array, b: Float64Array | null, outA: Float64Array, outB: Float64Array): void {
    const n = PITCH_FFT;
    const { pitchRe: re, pitchIm: im, pitchPowerA: pa, pitchPowerB: pb } = this.buffers.fixed;
    // With one frame the imaginary part must be exactly zero, not the last call's spectrum.
    if (!b) pb.fill(0);
    this.pitchFft.powerSpectra(a, b, re, im, pa, pb);
    for (let k = 0; k < n; k++) {
      const bin = k <= n / 2 ? k : n - k;
      re[k] = pa[bin]!;
      im[k] = pb[bin]!;
    }
    this.pitchFft.transform(re, im);
    for (let lag = 0; lag < PITCH_FRAME; lag++) {
      outA[lag] = re[lag]! / n;
      outB[lag] = im[lag]! / n;
    }
  }
}

/**
 * Frequencies of the FFT bins and the bin ranges of the band measures, computed once (the
 * same expressions and summation order as per frame, so the results are unchanged).
 */
class SpectrumBins {
  readonly hz = Float64Array.from({ length: BINS }, (_, k) => (k * VOICE_SAMPLE_RATE) / FFT_SIZE);
  readonly khz = this.hz.map((f) => f / 1000);
  readonly sumKhz: number;
  readonly sumKhzSquared: number;
  /** [first, end) bin ranges. */
  readonly low = this.range(50, 1000);
  readonly mid = this.range(1000, 5000);
  readonly high = this.range(1000, Infinity);
  readonly peakLow = this.range(0, 2000);
  readonly peakHigh = this.range(2000, 5000);

  constructor() {
    let sx = 0;
    let sxx = 0;
    for (let k = 1; k < BINS; k++) {
      sx += this.khz[k]!;
      sxx += this.khz[k]! * this.khz[k]!;
    }
    this.sumKhz = sx;
    this.sumKhzSquared = sxx;
  }

  /** Bins k ≥ 1 with from ≤ hz(k) < to. */
  private range(from: number, to: number): [number, number] {
    let first = 1;
    while (first < BINS && this.hz[first]! < from) first++;
    let end = first;
    while (end < BINS && this.hz[end]! < to) end++;
    return [first, end];
  }
}

function sumOver(values: Float64Array, [first, end]: [number, number]): number {
  let sum = 0;
  for (let k = first; k < end; k++) sum += values[k]!;
  return sum;
}

function maxOver(values: Float64Array, [first, end]: [number, number]): number {
  let max = 0;
  for (let k = first; k < end; k++) max = Math.max(max, values[k]!);
  return max;
}

/** Scratch arrays: fixed-size ones, and per-clip ones that grow to the longest clip seen. */
class Buffers {
  readonly fixed = {
    re: new Float64Array(FFT_SIZE),
    im: new Float64Array(FFT_SIZE),
    frameA: new Float64Array(Math.max(FRAME, PITCH_FRAME)),
    frameB: new Float64Array(Math.max(FRAME, PITCH_FRAME)),
    bands: new Float64Array(MEL_BANDS),
    magnitude: new Float64Array(BINS),
    previousMagnitude: new Float64Array(BINS),
    pitchRe: new Float64Array(PITCH_FFT),
    pitchIm: new Float64Array(PITCH_FFT),
    pitchPowerA: new Float64Array(PITCH_FFT / 2 + 1),
    pitchPowerB: new Float64Array(PITCH_FFT / 2 + 1),
    autocorrA: new Float64Array(PITCH_FRAME),
    autocorrB: new Float64Array(PITCH_FRAME),
    peakLags: new Float64Array(PITCH_FRAME),
    peakValues: new Float64Array(PITCH_FRAME),
  };
  private readonly growing = new Map<string, Float64Array>();

  /** A buffer of at least `length` values (contents undefined), as a view of exactly `length`. */
  get(name: string, length: number): Float64Array {
    let buffer = this.growing.get(name);
    if (!buffer || buffer.length < length) {
      buffer = new Float64Array(Math.max(length, 2 * (buffer?.length ?? 0)));
      this.growing.set(name, buffer);
    }
    return buffer.subarray(0, length);
  }
}

function hann(length: number): Float64Array {
  return Float64Array.from({ length }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length));
}

interface MelFilter {
  start: number;
  weights: Float64Array;
}

function melFilterbank(bands: number, fftSize: number, rate: number, low: number, high: number): MelFilter[] {
  const toMel = (f: number) => 2595 * Math.log10(1 + f / 700);
  const toHz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const edges = Array.from({ length: bands + 2 }, (_, i) => toHz(toMel(low) + ((toMel(high) - toMel(low)) * i) / (bands + 1)));
  const binHz = rate / fftSize;
  const filters: MelFilter[] = [];
  for (let b = 0; b < bands; b++) {
    const [left, centre, right] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
    const start = Math.floor(left / binHz) + 1;
    const end = Math.ceil(right / binHz);
    const weights = new Float64Array(Math.max(1, end - start));
    for (let k = start; k < end; k++) {
      const f = k * binHz;
      weights[k - start] = Math.max(0, f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre));
    }
    filters.push({ start, weights });
  }
  return filters;
}

/** Orthonormal DCT-II rows 1…count (row 0, the level, is skipped). */
function dctMatrix(inputs: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, c) =>
    Float64Array.from({ length: inputs }, (_, b) => Math.sqrt(2 / inputs) * Math.cos((Math.PI * (c + 1) * (b + 0.5)) / inputs)),
  );
}

function meanOf(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

function stdOf(values: ArrayLike<number>): number {
  if (values.length < 2) return 0;
  const m = meanOf(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i]! - m) ** 2;
  return Math.sqrt(sum / values.length);
}

function skewOf(values: ArrayLike<number>): number {
  const sd = stdOf(values);
  if (sd === 0) return 0;
  const m = meanOf(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += ((values[i]! - m) / sd) ** 3;
  return sum / values.length;
}

function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Linear-interpolated percentile (q in 0…1) of ascending values. */
function percentileOfSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

/** Symmetric first difference (x[t+1] − x[t−1]) / 2, clamped at the ends. */
function deltas(values: ArrayLike<number>): number[] {
  const last = values.length - 1;
  return Array.from({ length: values.length }, (_, t) => (values[Math.min(last, t + 1)]! - values[Math.max(0, t - 1)]!) / 2);
}

function slopeOf(x: readonly number[], y: readonly number[]): number {
  if (x.length < 2) return 0;
  const mx = meanOf(x);
  const my = meanOf(y);
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    num += (x[i]! - mx) * (y[i]! - my);
    den += (x[i]! - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

/** Lengths (in frames) of runs of voiced frames that are also consecutive analysis frames. */
function voicedSegments(active: Float64Array, f0: Float64Array): number[] {
  const lengths: number[] = [];
  let run = 0;
  let last = -2;
  for (let a = 0; a < active.length; a++) {
    const frame = active[a]!;
    const voiced = f0[a]! > 0;
    if (voiced && frame === last + 1 && run > 0) run++;
    else if (voiced) {
      if (run > 0) lengths.push(run);
      run = 1;
    } else if (run > 0) {
      lengths.push(run);
      run = 0;
    }
    last = frame;
  }
  if (run > 0) lengths.push(run);
  return lengths;
}
