import type { VisemeWeights } from '../avatar/expression-mixer';
import { MfccStream, MFCC_COUNT, type FeatureFrame } from './audio-features';
import { AUDIO_MODEL } from './audio-model';
import { VISEME_SHAPES, type LipViseme, type VisemeClass } from './visemes';

/** A Gaussian per viseme class over MFCCs (diagonal covariance). */
export interface AudioVisemeModel {
  classes: Readonly<Record<string, { mean: number[]; variance: number[] }>>;
}

/** The viseme shown for each class the audio classifier can tell. */
const CLASS_VISEME: Readonly<Record<VisemeClass, LipViseme>> = {
  rest: 'sil', aa: 'aa', ih: 'I', ee: 'E', oh: 'O', ou: 'U', closed: 'PP', fv: 'FF', other: 'DD',
};

/** Frames this far (dB) below the recent peak level are silence. */
const SILENCE_BELOW_PEAK_DB = 35;
/** Below this level (dB re full scale) a frame is silence whatever came before. */
const ABSOLUTE_SILENCE_DB = -65;
/** How fast the peak level forgets (dB per second), so a louder past does not mute speech. */
const PEAK_DECAY_DB_PER_S = 6;

/** Temporal smoothing of the frame classifier (fitted on the training sentences; see bench). */
export interface AudioVisemeSmoothing {
  /** Weight of the past in the running mean of each class's log-likelihood (0: none). */
  memory: number;
  /** How far (log-likelihood) a class must lead the current one to take over. */
  hysteresis: number;

  /**
   * Frames of look-ahead of a centred majority filter (window 2·lookahead + 1): each
   * frame keeps its own time but is emitted this many frames (10 ms each) later.
   */
  lookahead: number;
}

/** Defaults chosen on the training sentences (test/bench/lipsync/tune-audio.ts). */
export const AUDIO_SMOOTHING: AudioVisemeSmoothing = { memory: 0.3, hysteresis: 2, lookahead: 2 };

/** One classified frame. */
export interface AudioVisemeFrame {
  time: number;
  cls: VisemeClass;
  viseme: LipViseme;
  weights: VisemeWeights;
}

/**
 * Visemes from the sound alone, for TTS providers that give audio without timing (in the
 * spirit of uLipSync: MFCC templates per mouth shape). Each 10 ms frame is gated by level
 * (rest in silence) and otherwise assigned the class whose Gaussian explains its MFCCs
 * best. The default model is fitted on speech of one synthetic voice (see
 * audio-model.ts); other voices work less well without a model of their own.
 */
export class AudioVisemeAnalyzer {
  private readonly features = new MfccStream();
  private peakDb = -120;
  private lastTime = 0;
  /** Running mean of each class's log-likelihood, and the class shown while speaking. */
  private readonly scores = new Map<string, number>();
  private current: VisemeClass | null = null;

  constructor(
    private readonly model: AudioVisemeModel = AUDIO_MODEL,
    private readonly smoothing: AudioVisemeSmoothing = AUDIO_SMOOTHING,
  ) {}

  /** Raw frames awaiting the majority filter's look-ahead (and the ones before them). */
  private readonly window: AudioVisemeFrame[] = [];

  /**
   * Adds audio and returns the frames it completed (`smoothing.lookahead` frames behind
   * the audio, each with its own time). `time`: see {@link MfccStream.push}.
   */
  push(samples: Float32Array, sampleRate: number, time?: number): AudioVisemeFrame[] {
    const out: AudioVisemeFrame[] = [];
    const { lookahead } = this.smoothing;
    for (const raw of this.features.push(samples, sampleRate, time).map((f) => this.classify(f))) {
      this.window.push(raw);
      if (this.window.length > 2 * lookahead + 1) this.window.shift();
      const centre = this.window.length - 1 - lookahead;
      if (centre >= 0) out.push(this.majority(centre));
    }
    return out;
  }

  /** The window's most frequent speaking class for the frame at `centre` (rest stays rest). */
  private majority(centre: number): AudioVisemeFrame {
    const frame = this.window[centre]!;
    if (frame.cls === 'rest') return frame;
    const counts = new Map<VisemeClass, number>();
    for (const f of this.window) if (f.cls !== 'rest') counts.set(f.cls, (counts.get(f.cls) ?? 0) + 1);
    let cls: VisemeClass = frame.cls;
    for (const [c, n] of counts) if (n > counts.get(cls)!) cls = c;
    const viseme = CLASS_VISEME[cls];
    return { time: frame.time, cls, viseme, weights: VISEME_SHAPES[viseme] };
  }

  private classify(frame: FeatureFrame): AudioVisemeFrame {
    this.peakDb = Math.max(frame.energyDb, this.peakDb - PEAK_DECAY_DB_PER_S * Math.max(0, frame.time - this.lastTime));
    this.lastTime = frame.time;
    let cls: VisemeClass = 'rest';
    if (frame.energyDb > ABSOLUTE_SILENCE_DB && frame.energyDb > this.peakDb - SILENCE_BELOW_PEAK_DB) {
      // Smoothing: each class's log-likelihood is averaged over recent frames, and the
      // shown class changes only when another leads it by the hysteresis margin, so
      // one odd frame does not flick the mouth. Silence resets both (rest is immediate).
      const { memory, hysteresis } = this.smoothing;
      const fresh = this.current === null;
      let best = -Infinity;
      for (const [name, { mean, variance }] of Object.entries(this.model.classes)) {
        let logLikelihood = 0;
        for (let i = 0; i < MFCC_COUNT; i++) {
          const d = frame.mfcc[i]! - mean[i]!;
          logLikelihood -= (d * d) / variance[i]! + Math.log(variance[i]!);
        }
        const score = fresh ? logLikelihood : memory * this.scores.get(name)! + (1 - memory) * logLikelihood;
        this.scores.set(name, score);
        if (score > best) {
          best = score;
          cls = name as VisemeClass;
        }
      }
      if (this.current !== null && best - this.scores.get(this.current)! < hysteresis) cls = this.current;
      this.current = cls;
    } else {
      this.current = null;
    }
    const viseme = CLASS_VISEME[cls];
    return { time: frame.time, cls, viseme, weights: VISEME_SHAPES[viseme] };
  }
}
