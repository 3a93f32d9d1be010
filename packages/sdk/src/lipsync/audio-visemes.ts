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

  constructor(private readonly model: AudioVisemeModel = AUDIO_MODEL) {}

  /** Adds audio and returns the frames it completed. `time`: see {@link MfccStream.push}. */
  push(samples: Float32Array, sampleRate: number, time?: number): AudioVisemeFrame[] {
    return this.features.push(samples, sampleRate, time).map((f) => this.classify(f));
  }

  private classify(frame: FeatureFrame): AudioVisemeFrame {
    this.peakDb = Math.max(frame.energyDb, this.peakDb - PEAK_DECAY_DB_PER_S * Math.max(0, frame.time - this.lastTime));
    this.lastTime = frame.time;
    let cls: VisemeClass = 'rest';
    if (frame.energyDb > ABSOLUTE_SILENCE_DB && frame.energyDb > this.peakDb - SILENCE_BELOW_PEAK_DB) {
      let best = -Infinity;
      for (const [name, { mean, variance }] of Object.entries(this.model.classes)) {
        let logLikelihood = 0;
        for (let i = 0; i < MFCC_COUNT; i++) {
          const d = frame.mfcc[i]! - mean[i]!;
          logLikelihood -= (d * d) / variance[i]! + Math.log(variance[i]!);
        }
        if (logLikelihood > best) {
          best = logLikelihood;
          cls = name as VisemeClass;
        }
      }
    }
    const viseme = CLASS_VISEME[cls];
    return { time: frame.time, cls, viseme, weights: VISEME_SHAPES[viseme] };
  }
}
