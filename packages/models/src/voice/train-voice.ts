/**
 * `pnpm train:voice [trainDir] [--out FILE]`: trains the voice-emotion model and writes
 * its ONNX file (default: packages/sdk/public/models/voice-emotion.onnx, which the SDK
 * ships). Fixed seeds and Float64 arithmetic: the same data gives the same bytes.
 *
 * Recipe (`recipe.ts`, chosen with `pnpm validate:voice`: speaker-grouped cross-validation
 * on the training speakers only):
 * gain-invariant utterance features (`voice-features.ts`) of every clip and of two
 * speed-perturbed copies (×0.9, ×1.1: pitch, formants and tempo shift together, as between
 * speakers, which is what the model must generalise over), standardised; an ensemble of
 * five one-hidden-layer MLPs (dropout, AdamW, cosine schedule, label smoothing, class
 * weights), merged into one network. Then the speaker-adaptation branch (`adaptation.ts`):
 * the same recipe on features minus a simulated running speaker mean (other clips of the
 * same speaker at the same speed), blended in by the number of utterances heard.
 * `--no-adapt` writes the cold model alone (one input, as before adaptation existed).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ADAPTATION, trainAdaptiveVoiceModel } from './adaptation';
import { readClipFolder } from './dataset';
import { exportVoiceEmotionOnnx } from './export-onnx';
import { extractFeaturesCached } from './feature-cache';
import { REPO_ROOT, VOICE_MODEL_PATH } from './paths';
import { ENSEMBLE_SIZE, SPEEDS, TRAIN_OPTIONS, trainVoiceModel } from './recipe';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, 'no-adapt': { type: 'boolean', default: false } } });
const trainDir = resolve(positionals[0] ?? resolve(REPO_ROOT, '../shared/eval/speech/train'));
const out = resolve(values.out ?? VOICE_MODEL_PATH);

const started = performance.now();
const clips = readClipFolder(trainDir, (why) => console.warn(`skipped: ${why}`));
const set = extractFeaturesCached(clips, SPEEDS, { log: console.log });
const { features, label } = set;
console.log(`${clips.length} clips from ${new Set(clips.map((c) => c.speaker)).size} speakers (${features.length} with speed copies), features in ${seconds(started)} s`);
const metadata = {
  training: `${clips.length} clips, ${trainDir.split('/').slice(-3).join('/')}`,
  recipe: JSON.stringify({ ...TRAIN_OPTIONS, ensemble: ENSEMBLE_SIZE, speeds: SPEEDS }),
};
let bytes: Uint8Array;
if (values['no-adapt']) {
  const model = trainVoiceModel(features, label, TRAIN_OPTIONS, ENSEMBLE_SIZE, (k) => console.log(`member ${k + 1}/${ENSEMBLE_SIZE} trained (${seconds(started)} s)`));
  bytes = exportVoiceEmotionOnnx(model.network, model.standardiser, metadata);
} else {
  const groups = set.clip.map((c, i) => `${clips[c]!.speaker}@${set.speed[i]}`);
  const model = trainAdaptiveVoiceModel(features, label, groups, TRAIN_OPTIONS, ENSEMBLE_SIZE, ADAPTATION, (branch, k) =>
    console.log(`${branch} member ${k + 1}/${ENSEMBLE_SIZE} trained (${seconds(started)} s)`),
  );
  bytes = exportVoiceEmotionOnnx(
    model.cold.network,
    model.cold.standardiser,
    { ...metadata, adaptation: JSON.stringify(ADAPTATION) },
    { network: model.adapted.network, standardiser: model.adapted.standardiser, shrinkage: ADAPTATION.shrinkage, blend: ADAPTATION.blend },
  );
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha256 = createHash('sha256').update(bytes).digest('hex');
console.log(`wrote ${out}: ${bytes.byteLength} bytes, sha256 ${sha256} (${seconds(started)} s in all)`);

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
