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

/** Reusable DSP state (FFTs, windows, filterbank); create once, extract many times. */
export class VoiceFeatureExtractor {
  private readonly fft = new Fft(FFT_SIZE);
  private readonly pitchFft = new Fft(PITCH_FFT);
  private readonly window = hann(FRAME);
  private readonly pitchWindow = hann(PITCH_FRAME);
  /** Autocorrelation of the pitch window, to undo its taper (Boersma 1993). */
  private readonly windowAutocorr: Float64Array;
  private readonly mel = melFilterbank(MEL_BANDS, FFT_SIZE, VOICE_SAMPLE_RATE, 60, 7600);
  private readonly dct = dctMatrix(MEL_BANDS, MFCC);

  constructor() {
    const [r] = this.autocorrelations(this.pitchWindow, null);
    this.windowAutocorr = r.map((v) => v / r[0]!);
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

    const bins = FFT_SIZE / 2 + 1;
    const re = new Float64Array(FFT_SIZE);
    const im = new Float64Array(FFT_SIZE);
    const frames = [new Float64Array(FRAME), new Float64Array(FRAME)] as const;
    const spectra: Float64Array[] = [];
    const energy = new Float64Array(frameCount);
    const zcr = new Float64Array(frameCount);
    // Frames go through the FFT in pairs (one complex transform for two real frames).
    for (let t = 0; t < frameCount; t += 2) {
      const pair = Math.min(2, frameCount - t);
      for (let j = 0; j < pair; j++) {
        const start = (t + j) * HOP;
        const frame = frames[j]!;
        let crossings = 0;
        for (let i = 0; i < FRAME; i++) {
          const x = samples[start + i]! - mean;
          frame[i] = x * this.window[i]!;
          if (i > 0 && (x >= 0) !== (samples[start + i - 1]! - mean >= 0)) crossings++;
        }
        zcr[t + j] = crossings / FRAME;
        spectra.push(new Float64Array(bins));
      }
      this.fft.powerSpectra(frames[0], pair === 2 ? frames[1] : null, re, im, spectra[t]!, spectra[t + 1] ?? spectra[t]!);
      for (let j = 0; j < pair; j++) {
        const power = spectra[t + j]!;
        let sum = 0;
        for (let k = 1; k < bins; k++) sum += power[k]!;
        energy[t + j] = sum;
      }
    }

    // Active frames: within ACTIVE_RANGE_DB of the loudest, and not digital silence.
    let maxEnergy = 0;
    for (const e of energy) maxEnergy = Math.max(maxEnergy, e);
    if (maxEnergy <= 0) return out;
    const threshold = maxEnergy * 10 ** (-ACTIVE_RANGE_DB / 10);
    const active: number[] = [];
    for (let t = 0; t < frameCount; t++) if (energy[t]! >= threshold) active.push(t);
    let meanActiveEnergy = 0;
    for (const t of active) meanActiveEnergy += energy[t]!;
    meanActiveEnergy /= active.length;
    // A log floor relative to the clip's own level keeps log spectra gain-invariant.
    const floor = meanActiveEnergy * 1e-7;

    // Log-mel, MFCC (c1…), spectral shape descriptors per active frame.
    const mfcc: number[][] = [];
    const logMel: number[][] = [];
    const descriptors: number[][] = []; // centroid, bandwidth, rolloff, flatness, slope, hf_ratio, zcr, flux
    // Magnitude spectrum normalised to unit energy, of the previous active frame (for flux).
    let previousMagnitude: Float64Array | null = null;
    const hz = (k: number) => (k * VOICE_SAMPLE_RATE) / FFT_SIZE;
    for (const t of active) {
      const power = spectra[t]!;
      const bands = new Float64Array(MEL_BANDS);
      for (let b = 0; b < MEL_BANDS; b++) {
        const filter = this.mel[b]!;
        let sum = 0;
        for (let k = filter.start; k < filter.start + filter.weights.length; k++) sum += power[k]! * filter.weights[k - filter.start]!;
        bands[b] = Math.log(sum + floor);
      }
      let bandMean = 0;
      for (let b = 0; b < MEL_BANDS; b++) bandMean += bands[b]!;
      bandMean /= MEL_BANDS;
      logMel.push(Array.from(bands, (v) => v - bandMean));
      const coefficients: number[] = [];
      for (let c = 0; c < MFCC; c++) {
        const row = this.dct[c]!;
        let sum = 0;
        for (let b = 0; b < MEL_BANDS; b++) sum += row[b]! * bands[b]!;
        coefficients.push(sum);
      }
      mfcc.push(coefficients);

      const total = energy[t]! + floor;
      let centroid = 0;
      for (let k = 1; k < bins; k++) centroid += hz(k) * power[k]!;
      centroid /= total;
      let spread = 0;
      for (let k = 1; k < bins; k++) spread += (hz(k) - centroid) ** 2 * power[k]!;
      spread = Math.sqrt(spread / total);
      let cumulative = 0;
      let rolloff = hz(bins - 1);
      for (let k = 1; k < bins; k++) {
        cumulative += power[k]!;
        if (cumulative >= 0.85 * total) {
          rolloff = hz(k);
          break;
        }
      }
      let logSum = 0;
      let high = 0;
      // eGeMAPS voice-quality ratios: alpha (50 Hz–1 kHz vs 1–5 kHz energy) and Hammarberg
      // (strongest peak below 2 kHz vs strongest in 2–5 kHz); both in dB, both level-free.
      let lowBand = 0;
      let midBand = 0;
      let peakLow = 0;
      let peakHigh = 0;
      // Least-squares slope of log power over frequency (kHz): the spectral tilt.
      let sx = 0;
      let sy = 0;
      let sxx = 0;
      let sxy = 0;
      const magnitude = new Float64Array(bins);
      for (let k = 1; k < bins; k++) {
        const p = power[k]! + floor / bins;
        const y = Math.log(p);
        const x = hz(k) / 1000;
        logSum += y;
        const f = hz(k);
        if (f >= 1000) high += power[k]!;
        if (f >= 50 && f < 1000) lowBand += power[k]!;
        else if (f >= 1000 && f < 5000) midBand += power[k]!;
        if (f < 2000) peakLow = Math.max(peakLow, power[k]!);
        else if (f < 5000) peakHigh = Math.max(peakHigh, power[k]!);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        magnitude[k] = Math.sqrt(power[k]! / total);
      }
      const m = bins - 1;
      const flatness = Math.exp(logSum / m) / (total / m);
      const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
      let flux = 0;
      if (previousMagnitude) for (let k = 1; k < bins; k++) flux += (magnitude[k]! - previousMagnitude[k]!) ** 2;
      previousMagnitude = magnitude;
      const db = (a: number, b: number) => 10 * Math.log10((a + floor) / (b + floor));
      descriptors.push([centroid / 1000, spread / 1000, rolloff / 1000, Math.log(flatness + 1e-12), slope, high / total, zcr[t]!, Math.sqrt(flux), db(lowBand, midBand), db(peakLow, peakHigh)]);
    }

    let i = 0;
    const put = (value: number) => (out[i++] = Number.isFinite(value) ? value : 0);
    const columns = (rows: number[][], c: number) => rows.map((row) => row[c]!);

    for (let c = 0; c < MFCC; c++) put(meanOf(columns(mfcc, c)));
    for (let c = 0; c < MFCC; c++) put(stdOf(columns(mfcc, c)));
    for (let c = 0; c < MFCC; c++) put(stdOf(deltas(columns(mfcc, c))));
    // Vowels (voiced) and consonants/breath (unvoiced) have different spectra; their
    // separate means say more about articulation effort than the overall mean.
    const pitch = this.pitchTrack(resample(samples, VOICE_SAMPLE_RATE, PITCH_RATE), mean, active);
    const voicedRows = mfcc.filter((_, k) => pitch[k]!.f0 > 0);
    const unvoicedRows = mfcc.filter((_, k) => pitch[k]!.f0 === 0);
    for (let c = 0; c < MFCC; c++) put(meanOf(columns(voicedRows, c)));
    for (let c = 0; c < MFCC; c++) put(meanOf(columns(unvoicedRows, c)));
    for (let c = 0; c < QUANTILE_MFCC; c++) {
      const column = columns(mfcc, c);
      put(percentile(column, 0.1));
      put(percentile(column, 0.9));
    }
    for (let b = 0; b < MEL_BANDS; b++) put(stdOf(columns(logMel, b)));

    const activeDb = active.map((t) => 10 * Math.log10(energy[t]! / maxEnergy));
    put(stdOf(activeDb));
    put(percentile(activeDb, 0.1));
    put(percentile(activeDb, 0.5));
    put(percentile(activeDb, 0.9));
    put(stdOf(deltas(activeDb)));
    put(skewOf(activeDb));
    put(active.length / frameCount);
    for (let d = 0; d < DESCRIPTORS.length; d++) {
      const column = columns(descriptors, d);
      put(meanOf(column));
      put(stdOf(column));
    }

    const voiced = pitch.filter((p) => p.f0 > 0);
    const semitones = voiced.map((p) => 12 * Math.log2(p.f0 / 100));
    put(meanOf(semitones));
    put(stdOf(semitones));
    put(percentile(semitones, 0.1));
    put(percentile(semitones, 0.5));
    put(percentile(semitones, 0.9));
    put(percentile(semitones, 0.9) - percentile(semitones, 0.1));
    put(slopeOf(voiced.map((p) => (p.frame * HOP) / VOICE_SAMPLE_RATE), semitones));
    const f0Deltas = deltas(semitones);
    put(meanOf(f0Deltas.map(Math.abs)));
    put(skewOf(semitones));
    put(f0Deltas.length ? f0Deltas.filter((d) => d > 0).length / f0Deltas.length : 0);
    put(active.length ? voiced.length / active.length : 0);
    const periodicity = pitch.map((p) => p.periodicity);
    put(meanOf(periodicity));
    put(stdOf(periodicity));
    const segments = voicedSegments(pitch);
    const activeSeconds = (active.length * HOP) / VOICE_SAMPLE_RATE;
    put(activeSeconds > 0 ? segments.length / activeSeconds : 0);
    put(meanOf(segments.map((length) => (length * HOP) / VOICE_SAMPLE_RATE)));
    return out;
  }

  /** F0 (0 when unvoiced) and periodicity (normalised autocorrelation peak) per active frame. */
  private pitchTrack(samples: Float32Array, mean: number, active: readonly number[]) {
    const result: Array<{ frame: number; f0: number; periodicity: number }> = [];
    const minLag = Math.floor(PITCH_RATE / MAX_F0);
    const maxLag = Math.ceil(PITCH_RATE / MIN_F0);
    const pitchFrame = (t: number) => {
      // Centre the 40 ms pitch window on the 25 ms analysis frame (8 kHz sample indices).
      const start = t * PITCH_HOP + FRAME / 4 - PITCH_FRAME / 2;
      const frame = new Float64Array(PITCH_FRAME);
      for (let i = 0; i < PITCH_FRAME; i++) {
        const s = start + i;
        frame[i] = (s >= 0 && s < samples.length ? samples[s]! - mean : 0) * this.pitchWindow[i]!;
      }
      return frame;
    };
    for (let a = 0; a < active.length; a += 2) {
      const second = a + 1 < active.length ? pitchFrame(active[a + 1]!) : null;
      const [r0, r1] = this.autocorrelations(pitchFrame(active[a]!), second);
      for (const [t, r] of [[active[a]!, r0], ...(second ? [[active[a + 1]!, r1] as const] : [])] as const) {
        // Local maxima of the window-corrected normalised autocorrelation (the slope near
        // lag 0 is not a period). Multiples of the period score about as high as the period
        // itself, so the shortest lag within OCTAVE_TOLERANCE of the best wins: otherwise
        // the tracker drops an octave on many frames.
        const peaks: Array<[lag: number, value: number]> = [];
        let best = 0;
        if (r[0]! > 0) {
          for (let lag = minLag; lag <= maxLag && lag < PITCH_FRAME - 1; lag++) {
            if (r[lag]! < r[lag - 1]! || r[lag]! < r[lag + 1]!) continue;
            const value = r[lag]! / r[0]! / this.windowAutocorr[lag]!;
            peaks.push([lag, value]);
            best = Math.max(best, value);
          }
        }
        const bestLag = peaks.find(([, value]) => value >= OCTAVE_TOLERANCE * best)?.[0] ?? 0;
        const periodicity = Math.min(1, Math.max(0, best));
        result.push({ frame: t, f0: periodicity >= VOICING_THRESHOLD && bestLag > 0 ? PITCH_RATE / bestLag : 0, periodicity });
      }
    }
    return result;
  }

  /**
   * Autocorrelations (lags 0 … PITCH_FRAME − 1) of two frames via their power spectra
   * (Wiener–Khinchin), two frames per transform each way: the power spectra are real and
   * even, so packing them as real and imaginary parts gives both inverses at once, and the
   * inverse of a real, even spectrum is its forward transform divided by N.
   */
  private autocorrelations(a: Float64Array, b: Float64Array | null): [Float64Array, Float64Array] {
    const n = PITCH_FFT;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    const pa = new Float64Array(n / 2 + 1);
    const pb = new Float64Array(n / 2 + 1);
    this.pitchFft.powerSpectra(a, b, re, im, pa, pb);
    for (let k = 0; k < n; k++) {
      const bin = k <= n / 2 ? k : n - k;
      re[k] = pa[bin]!;
      im[k] = pb[bin]!;
    }
    this.pitchFft.transform(re, im);
    const ra = new Float64Array(PITCH_FRAME);
    const rb = new Float64Array(PITCH_FRAME);
    for (let lag = 0; lag < PITCH_FRAME; lag++) {
      ra[lag] = re[lag]! / n;
      rb[lag] = im[lag]! / n;
    }
    return [ra, rb];
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

function meanOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function stdOf(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = meanOf(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / values.length);
}

function skewOf(values: readonly number[]): number {
  const sd = stdOf(values);
  if (sd === 0) return 0;
  const m = meanOf(values);
  let sum = 0;
  for (const v of values) sum += ((v - m) / sd) ** 3;
  return sum / values.length;
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

/** Symmetric first difference (x[t+1] − x[t−1]) / 2, clamped at the ends. */
function deltas(values: readonly number[]): number[] {
  return values.map((_, t) => (values[Math.min(values.length - 1, t + 1)]! - values[Math.max(0, t - 1)]!) / 2);
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

/** Lengths (in frames) of runs of consecutive voiced frames. */
function voicedSegments(pitch: ReadonlyArray<{ frame: number; f0: number }>): number[] {
  const lengths: number[] = [];
  let run = 0;
  let last = -2;
  for (const p of pitch) {
    if (p.f0 > 0 && p.frame === last + 1 && run > 0) run++;
    else if (p.f0 > 0) {
      if (run > 0) lengths.push(run);
      run = 1;
    } else if (run > 0) {
      lengths.push(run);
      run = 0;
    }
    last = p.frame;
  }
  if (run > 0) lengths.push(run);
  return lengths;
}
