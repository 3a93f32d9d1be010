import { resample } from '../../../sdk/src/perception/audio-resample';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_SAMPLE_RATE, VoiceFeatureExtractor } from '../../../sdk/src/perception/voice-features';
import type { Clip } from './dataset';
import { mergeEnsemble, trainMlp, type MlpTrainOptions, type MlpWeights } from './mlp';
import { fitStandardiser, standardise, type Standardiser } from './standardise';

/**
 * The training recipe of the voice-emotion model, shared by `pnpm train:voice` (all the
 * training speakers) and `pnpm validate:voice` (speaker-grouped folds of them), so what is
 * validated is what ships.
 */
export const TRAIN_OPTIONS: MlpTrainOptions = {
  hidden: 128,
  epochs: 150,
  batchSize: 32,
  learningRate: 2e-3,
  weightDecay: 1e-3,
  inputDropout: 0.1,
  hiddenDropout: 0.5,
  labelSmoothing: 0.1,
  inputNoise: 0.1,
  seed: 1,
};
export const ENSEMBLE_SIZE = 5;
/** Speed-perturbation factors of the augmented copies (1 = the clip itself). */
export const SPEEDS = [1, 0.9, 1.1];

/** Feature vectors of clips (in order), one per clip and speed factor. */
export interface FeatureSet {
  clip: number[];
  speed: number[];
  features: Float32Array[];
  label: number[];
}

/** Features of every clip at every speed in `speeds`. */
export function extractFeatures(clips: readonly Clip[], speeds: readonly number[] = SPEEDS): FeatureSet {
  const extractor = new VoiceFeatureExtractor();
  const set: FeatureSet = { clip: [], speed: [], features: [], label: [] };
  clips.forEach((clip, index) => {
    for (const speed of speeds) {
      // Read as if recorded at rate × speed, then resampled to rate: ×0.9 plays slower and lower.
      const samples = speed === 1 ? clip.samples : resample(clip.samples, VOICE_SAMPLE_RATE * speed, VOICE_SAMPLE_RATE);
      set.clip.push(index);
      set.speed.push(speed);
      set.features.push(extractor.extract(samples));
      set.label.push(VOICE_EMOTION_LABELS.indexOf(clip.label));
    }
  });
  return set;
}

/** A trained model: the standardiser and the merged ensemble (what the ONNX graph holds). */
export interface TrainedVoiceModel {
  standardiser: Standardiser;
  network: MlpWeights;
}

/**
 * Standardises, then trains `ensembleSize` MLPs (seeds seed…seed+K−1) with inverse-frequency
 * class weights and merges them into one network. `onMember` reports progress.
 */
export function trainVoiceModel(
  features: readonly ArrayLike<number>[],
  labels: readonly number[],
  options: MlpTrainOptions = TRAIN_OPTIONS,
  ensembleSize = ENSEMBLE_SIZE,
  onMember: (k: number) => void = () => {},
): TrainedVoiceModel {
  const standardiser = fitStandardiser(features);
  const rows = features.map((row) => standardise(standardiser, row));
  // Inverse-frequency class weights: neutral has half the clips of the other classes.
  const counts = VOICE_EMOTION_LABELS.map((_, c) => labels.filter((y) => y === c).length);
  const classWeights = counts.map((n) => (n ? labels.length / (counts.length * n) : 0));
  const members = Array.from({ length: ensembleSize }, (_, k) => {
    const member = trainMlp(rows, labels, classWeights, { ...options, seed: options.seed + k });
    onMember(k);
    return member;
  });
  return { standardiser, network: mergeEnsemble(members) };
}
