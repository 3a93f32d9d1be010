/**
 * `pnpm validate:voice [trainDir] [--folds K] [--ensemble N] [--speeds 1,0.9,1.1]`:
 * speaker-grouped K-fold cross-validation of the training recipe (`recipe.ts`) on the
 * training speakers alone. Recipe choices are made on this figure, never on `dev`, which
 * is scored once per final candidate by `pnpm eval:voice`.
 *
 * Speakers are dealt to folds round-robin within each corpus, so every fold holds out
 * speakers of both corpora. Each fold trains on the other folds' clips (with their speed
 * copies) and is scored on its own original clips. Default: 5 folds, one network per fold
 * (the ensemble adds about a point and costs five times as long).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { corpusOf, readClipFolder } from './dataset';
import { scoreVoice } from './metrics';
import { predictMlp } from './mlp';
import { REPO_ROOT } from './paths';
import { extractFeatures, SPEEDS, TRAIN_OPTIONS, trainVoiceModel } from './recipe';
import { standardise } from './standardise';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { folds: { type: 'string', default: '5' }, ensemble: { type: 'string', default: '1' }, speeds: { type: 'string' } },
});
const trainDir = resolve(positionals[0] ?? resolve(REPO_ROOT, '../shared/eval/speech/train'));
const folds = Number(values.folds);
const ensemble = Number(values.ensemble);
const speeds = values.speeds ? values.speeds.split(',').map(Number) : SPEEDS;

const started = performance.now();
const clips = readClipFolder(trainDir, (why) => console.warn(`skipped: ${why}`));
const set = extractFeatures(clips, speeds);
console.log(`${clips.length} clips, speeds ${speeds.join('/')}, ${set.features[0]!.length} features, extracted in ${seconds(started)} s`);

const foldOfSpeaker = new Map<string, number>();
for (const corpus of [...new Set(clips.map((c) => corpusOf(c.speaker)))].sort()) {
  const speakers = [...new Set(clips.filter((c) => corpusOf(c.speaker) === corpus).map((c) => c.speaker))].sort();
  speakers.forEach((speaker, i) => foldOfSpeaker.set(speaker, (foldOfSpeaker.size + i) % folds));
}

const probabilities: Float64Array[] = new Array(clips.length);
for (let fold = 0; fold < folds; fold++) {
  const train = set.features.flatMap((_, i) => (foldOfSpeaker.get(clips[set.clip[i]!]!.speaker) === fold ? [] : [i]));
  const model = trainVoiceModel(
    train.map((i) => set.features[i]!),
    train.map((i) => set.label[i]!),
    TRAIN_OPTIONS,
    ensemble,
  );
  set.features.forEach((row, i) => {
    const clip = set.clip[i]!;
    if (set.speed[i] === 1 && foldOfSpeaker.get(clips[clip]!.speaker) === fold) probabilities[clip] = predictMlp(model.network, standardise(model.standardiser, row));
  });
  console.log(`fold ${fold + 1}/${folds} done (${seconds(started)} s)`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const report = (name: string, indices: number[]) => {
  const r = scoreVoice(
    indices.map((i) => clips[i]!.label),
    indices.map((i) => probabilities[i]!),
  );
  const recall = VOICE_EMOTION_LABELS.filter((l) => r.perClass[l]).map((l) => `${l} ${pct(r.perClass[l]!.recall)}`);
  console.log(`${name.padEnd(8)} n=${r.n} accuracy ${pct(r.accuracy)} macro-F1 ${pct(r.macroF1)} 6-class ${pct(r.accuracy6)} | ${recall.join(', ')}`);
};
report('all', clips.map((_, i) => i));
for (const corpus of [...new Set(clips.map((c) => corpusOf(c.speaker)))].sort()) report(corpus, clips.flatMap((c, i) => (corpusOf(c.speaker) === corpus ? [i] : [])));

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
