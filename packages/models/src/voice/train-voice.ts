/**
 * `pnpm train:voice [trainDir] [--out FILE]`: trains the voice-emotion model and writes
 * its ONNX file (default: packages/sdk/public/models/voice-emotion.onnx, which the SDK
 * ships). Fixed seeds and Float64 arithmetic: the same data gives the same bytes.
 *
 * Recipe (chosen by speaker-grouped 5-fold cross-validation on the training speakers):
 * gain-invariant utterance features (`voice-features.ts`) of every clip and of two
 * speed-perturbed copies (×0.9, ×1.1: pitch, formants and tempo shift together, as between
 * speakers, which is what the model must generalise over), standardised; an ensemble of
 * five one-hidden-layer MLPs (dropout, AdamW, cosine schedule, label smoothing, class
 * weights), merged into one network.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { resample } from '../../../sdk/src/perception/audio-resample';
import { VOICE_SAMPLE_RATE, VoiceFeatureExtractor } from '../../../sdk/src/perception/voice-features';
import { readClipFolder } from './dataset';
import { exportVoiceEmotionOnnx } from './export-onnx';
import { mergeEnsemble, trainMlp, type MlpTrainOptions } from './mlp';
import { REPO_ROOT, VOICE_MODEL_PATH } from './paths';
import { fitStandardiser, standardise } from './standardise';

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

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const trainDir = resolve(positionals[0] ?? resolve(REPO_ROOT, '../shared/eval/speech/train'));
const out = resolve(values.out ?? VOICE_MODEL_PATH);

const started = performance.now();
const clips = readClipFolder(trainDir, (why) => console.warn(`skipped: ${why}`));
const extractor = new VoiceFeatureExtractor();
const features: Float32Array[] = [];
const labels: number[] = [];
for (const clip of clips) {
  for (const speed of SPEEDS) {
    // Read as if recorded at rate × speed, then resampled to rate: ×0.9 plays slower and lower.
    const samples = speed === 1 ? clip.samples : resample(clip.samples, VOICE_SAMPLE_RATE * speed, VOICE_SAMPLE_RATE);
    features.push(extractor.extract(samples));
    labels.push(VOICE_EMOTION_LABELS.indexOf(clip.label));
  }
}
console.log(`${clips.length} clips from ${new Set(clips.map((c) => c.speaker)).size} speakers (${features.length} with speed copies), features in ${seconds(started)} s`);

const standardiser = fitStandardiser(features);
const rows = features.map((row) => standardise(standardiser, row));
// Inverse-frequency class weights: neutral has half the clips of the other classes.
const counts = VOICE_EMOTION_LABELS.map((_, c) => labels.filter((y) => y === c).length);
const classWeights = counts.map((n) => (n ? labels.length / (counts.length * n) : 0));
const members = Array.from({ length: ENSEMBLE_SIZE }, (_, k) => {
  const member = trainMlp(rows, labels, classWeights, { ...TRAIN_OPTIONS, seed: TRAIN_OPTIONS.seed + k });
  console.log(`member ${k + 1}/${ENSEMBLE_SIZE} trained (${seconds(started)} s)`);
  return member;
});
const bytes = exportVoiceEmotionOnnx(mergeEnsemble(members), standardiser, {
  training: `${clips.length} clips, ${trainDir.split('/').slice(-3).join('/')}`,
  recipe: JSON.stringify({ ...TRAIN_OPTIONS, ensemble: ENSEMBLE_SIZE, speeds: SPEEDS }),
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha256 = createHash('sha256').update(bytes).digest('hex');
console.log(`wrote ${out}: ${bytes.byteLength} bytes, sha256 ${sha256} (${seconds(started)} s in all)`);

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
