/**
 * `pnpm validate:voice [trainDir] [--folds K] [--ensemble N] [--speeds 1,0.9,1.1]
 *   [--no-adapt] [--shrinkage K] [--draws R] [--blends 0.01,1,3] [--orders M]`:
 * speaker-grouped K-fold cross-validation of the training recipe (`recipe.ts`,
 * `adaptation.ts`) on the training speakers alone. Recipe choices are made on this
 * figure, never on `dev`, which is scored once per final candidate by `pnpm eval:voice`.
 *
 * Speakers are dealt to folds round-robin within each corpus, so every fold holds out
 * speakers of both corpora. Each fold trains on the other folds' clips (with their speed
 * copies) and is scored on its own original clips. Default: 5 folds, one network per fold
 * (the ensemble adds about a point and costs five times as long).
 *
 * Cold figures: every held-out clip on its own. Session figures (unless --no-adapt): each
 * held-out speaker's clips are replayed as one session in a seeded random order
 * (`sessions.ts`; M orders with seeds 1…M, figures averaged over them); a clip is
 * classified with the speaker reference built from the clips heard BEFORE it only (never
 * itself), then added to it. Each blend constant in --blends is scored on the same
 * predictions (it changes no weight).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adaptationWeight, speakerReference } from '../../../sdk/src/perception/voice-speaker-adaptation';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { ADAPTATION, trainAdaptiveVoiceModel } from './adaptation';
import { corpusOf, readClipFolder } from './dataset';
import { extractFeaturesCached } from './feature-cache';
import { scoreVoice } from './metrics';
import { predictMlp } from './mlp';
import { REPO_ROOT } from './paths';
import { SPEEDS, TRAIN_OPTIONS, trainVoiceModel } from './recipe';
import { POSITION_BUCKETS, positionBucket, replaySessions } from './sessions';
import { standardise } from './standardise';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '5' },
    ensemble: { type: 'string', default: '1' },
    speeds: { type: 'string' },
    'no-adapt': { type: 'boolean', default: false },
    shrinkage: { type: 'string', default: String(ADAPTATION.shrinkage) },
    draws: { type: 'string', default: String(ADAPTATION.draws) },
    blends: { type: 'string', default: `0.01,${ADAPTATION.blend},3` },
    orders: { type: 'string', default: '3' },
  },
});
const trainDir = resolve(positionals[0] ?? resolve(REPO_ROOT, '../shared/eval/speech/train'));
const folds = Number(values.folds);
const ensemble = Number(values.ensemble);
const speeds = values.speeds ? values.speeds.split(',').map(Number) : SPEEDS;
const adapt = !values['no-adapt'];
const adaptation = { ...ADAPTATION, shrinkage: Number(values.shrinkage), draws: Number(values.draws) };
const blends = values.blends.split(',').map(Number);
const orders = Number(values.orders);

const started = performance.now();
const clips = readClipFolder(trainDir, (why) => console.warn(`skipped: ${why}`));
const set = extractFeaturesCached(clips, speeds, { log: console.log });
console.log(`${clips.length} clips, speeds ${speeds.join('/')}, ${set.features[0]!.length} features, ready in ${seconds(started)} s`);
if (adapt) console.log(`adaptation ${JSON.stringify(adaptation)}, blends ${blends.join('/')}, ${orders} replay orders`);

const foldOfSpeaker = new Map<string, number>();
for (const corpus of [...new Set(clips.map((c) => corpusOf(c.speaker)))].sort()) {
  const speakers = [...new Set(clips.filter((c) => corpusOf(c.speaker) === corpus).map((c) => c.speaker))].sort();
  speakers.forEach((speaker, i) => foldOfSpeaker.set(speaker, (foldOfSpeaker.size + i) % folds));
}
/** Row of each clip's original (speed 1) features. */
const originalRow = new Array<number>(clips.length);
set.clip.forEach((clip, i) => {
  if (set.speed[i] === 1) originalRow[clip] = i;
});

const cold: Float64Array[] = new Array(clips.length);
/** session[o][b][clip]: probabilities of a clip in replay order o with blend b. */
const session: Float64Array[][][] = Array.from({ length: orders }, () => blends.map(() => new Array<Float64Array>(clips.length)));
/** position[o][clip]: 0-based position of the clip in its speaker's session, order o. */
const position: number[][] = Array.from({ length: orders }, () => new Array<number>(clips.length));
for (let fold = 0; fold < folds; fold++) {
  const train = set.features.flatMap((_, i) => (foldOfSpeaker.get(clips[set.clip[i]!]!.speaker) === fold ? [] : [i]));
  const trainFeatures = train.map((i) => set.features[i]!);
  const trainLabels = train.map((i) => set.label[i]!);
  const groups = train.map((i) => `${clips[set.clip[i]!]!.speaker}@${set.speed[i]}`);
  const model = adapt ? trainAdaptiveVoiceModel(trainFeatures, trainLabels, groups, TRAIN_OPTIONS, ensemble, adaptation) : { cold: trainVoiceModel(trainFeatures, trainLabels, TRAIN_OPTIONS, ensemble), adapted: null };
  const heldOut = clips.flatMap((c, i) => (foldOfSpeaker.get(c.speaker) === fold ? [i] : []));
  for (const clip of heldOut) cold[clip] = predictMlp(model.cold.network, standardise(model.cold.standardiser, set.features[originalRow[clip]!]!));
  if (model.adapted) {
    const population = model.cold.standardiser.mean;
    for (let o = 0; o < orders; o++) {
      for (const { order } of replaySessions(
        heldOut.map((i) => clips[i]!.speaker),
        o + 1,
      )) {
        const sum = new Float64Array(population.length);
        order.forEach((k, n) => {
          const clip = heldOut[k]!;
          const x = set.features[originalRow[clip]!]!;
          position[o]![clip] = n;
          const mean = sum.map((v) => (n ? v / n : 0));
          const reference = speakerReference(mean, n, population, adaptation.shrinkage);
          const adapted = predictMlp(model.adapted!.network, standardise(model.adapted!.standardiser, Float64Array.from(x, (v, f) => v - reference[f]!)));
          blends.forEach((blend, b) => {
            const w = adaptationWeight(n, blend);
            session[o]![b]![clip] = cold[clip]!.map((p, c) => p + w * (adapted[c]! - p));
          });
          x.forEach((v, f) => (sum[f] = sum[f]! + v));
        });
      }
    }
  }
  console.log(`fold ${fold + 1}/${folds} done (${seconds(started)} s)`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const groupsOf = (): [string, number[]][] => [
  ['all', clips.map((_, i) => i)],
  ...[...new Set(clips.map((c) => corpusOf(c.speaker)))].sort().map((corpus): [string, number[]] => [corpus, clips.flatMap((c, i) => (corpusOf(c.speaker) === corpus ? [i] : []))]),
];
const score = (indices: number[], probabilities: Float64Array[]) =>
  scoreVoice(
    indices.map((i) => clips[i]!.label),
    indices.map((i) => probabilities[i]!),
  );
console.log('cold (each clip on its own):');
for (const [name, indices] of groupsOf()) {
  const r = score(indices, cold);
  const recall = VOICE_EMOTION_LABELS.filter((l) => r.perClass[l]).map((l) => `${l} ${pct(r.perClass[l]!.recall)}`);
  console.log(`  ${name.padEnd(8)} n=${r.n} accuracy ${pct(r.accuracy)} macro-F1 ${pct(r.macroF1)} 6-class ${pct(r.accuracy6)} | ${recall.join(', ')}`);
}
if (adapt) {
  blends.forEach((blend, b) => {
    console.log(`sessions, blend ${blend} (mean of ${orders} orders):`);
    for (const [name, indices] of groupsOf()) {
      const per = (pick: (r: ReturnType<typeof score>) => number) => mean(session.map((s) => pick(score(indices, s[b]!))));
      const byPosition = POSITION_BUCKETS.map(({ name: bucket }) => {
        const acc = session.map((s, o) => {
          const inBucket = indices.filter((i) => positionBucket(position[o]![i]!) === bucket);
          return { acc: score(inBucket, s[b]!).accuracy, coldAcc: score(inBucket, cold).accuracy, n: inBucket.length };
        });
        return `${bucket} ${pct(mean(acc.map((a) => a.acc)))} (cold ${pct(mean(acc.map((a) => a.coldAcc)))}, n≈${Math.round(mean(acc.map((a) => a.n)))})`;
      });
      console.log(`  ${name.padEnd(8)} accuracy ${pct(per((r) => r.accuracy))} macro-F1 ${pct(per((r) => r.macroF1))} 6-class ${pct(per((r) => r.accuracy6))} | by position: ${byPosition.join(', ')}`);
    }
  });
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
