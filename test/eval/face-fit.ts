/**
 * `pnpm --filter @digimens/test exec tsx eval/face-fit.ts <dumps-dir>`: fits the facial-emotion
 * ensemble's few weights honestly. The eval set has no training split and its source forbids
 * training on it, so only a handful of scalars are fitted, on half the performers (a fixed
 * split by performer ID, so the same person is never on both sides), and the other half is
 * reported as the held-out figure, beside the full set.
 *
 * `<dumps-dir>` holds four `pnpm eval:face … --no-peers --dump FILE` outputs of the same
 * images: `face-expression-plain.json` (`--models face-expression --flip-below 0`),
 * `face-expression-flip.json` (`--flip-below 1`), and the same two for `mini-xception`.
 * The mirror image's probabilities are recovered exactly from the two runs (the flip run
 * averages plain and mirror). The weights search maximises the tuning half's mean
 * log-likelihood (calibration), never its macro-F1 or anything of the held-out half.
 *
 * `… eval/face-fit.ts --crops <dir>` compares crop geometries instead: `<dir>` holds
 * `crop-<side>,<below>.json` dumps (`--crop side,below --flip-below 0`); each is scored by
 * the classifier alone on the tuning half (the held-out half is printed only for reference).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { blendshapeCues, EMOTIONS, type Emotion } from '../../packages/sdk/src/perception/face-affect';
import { classificationMetrics, itaGroup, round, type Outcome } from './face-metrics';

/** One image of a `--dump` file. */
export interface DumpRecord {
  file: string;
  label: string;
  detected: boolean;
  classifier?: Record<Emotion, number>;
  blendshapes?: Record<string, number>;
  ita?: number | null;
}

const cropsMode = process.argv[2] === '--crops';
const dir = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[cropsMode ? 3 : 2] ?? '.');
const performerOf = (file: string) => file.split('/')[1]!.slice(0, 2);
/** The split: performer IDs in ascending order, alternately to tuning and held-out. */
const tuningSet = (files: string[]) => new Set([...new Set(files.map(performerOf))].sort().filter((_, i) => i % 2 === 0));

if (cropsMode) {
  for (const name of readdirSync(dir).filter((f) => /^crop-.*\.json$/.test(f)).sort()) {
    const records: DumpRecord[] = JSON.parse(readFileSync(join(dir, name), 'utf8')).images;
    const tune = tuningSet(records.map((r) => r.file));
    const score = (set: DumpRecord[]) => {
      const metrics = classificationMetrics(set.map((r) => ({ truth: r.label, predicted: r.detected && r.classifier ? EMOTIONS.reduce((a, b) => (r.classifier![b] > r.classifier![a] ? b : a)) : null })));
      const ll = set.reduce((sum, r) => sum + Math.log(Math.max(1e-6, r.classifier?.[r.label as Emotion] ?? 0)), 0) / set.length;
      return `F1 ${(metrics.macroF1 * 100).toFixed(1)} % LL ${ll.toFixed(3)}`;
    };
    console.log(`${name.padEnd(22)} tuning ${score(records.filter((r) => tune.has(performerOf(r.file))))} | held-out ${score(records.filter((r) => !tune.has(performerOf(r.file))))}`);
  }
  process.exit(0);
}
const load = (name: string): DumpRecord[] => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')).images;
const fePlain = load('face-expression-plain');
const feFlip = load('face-expression-flip');
const mxPlain = load('mini-xception-plain');
const mxFlip = load('mini-xception-flip');

/** Everything a candidate fusion may use for one image, as log-probabilities. */
interface Sample {
  file: string;
  truth: string;
  performer: string;
  ita: number | null;
  /** Null when no face was found (always wrong). */
  features: { fe: number[]; feMirror: number[]; mx: number[]; mxMirror: number[]; cues: number[] } | null;
}

const vector = (p: Record<Emotion, number>) => EMOTIONS.map((e) => p[e]);
const logOf = (p: number[]) => p.map((v) => Math.log(Math.max(v, 1e-6)));
/** The mirror image's probabilities from a plain run and a flip-averaged run. */
const mirrorOf = (plain: number[], averaged: number[]) => averaged.map((a, i) => Math.max(1e-6, 2 * a - (plain[i] ?? 0)));

const samples: Sample[] = fePlain.map((record, i) => {
  const performer = performerOf(record.file);
  const base = { file: record.file, truth: record.label, performer, ita: record.ita ?? null };
  const others = [feFlip[i], mxPlain[i], mxFlip[i]];
  if (others.some((o) => o?.file !== record.file)) throw new Error(`dumps disagree on image ${i}: run all four on the same folder`);
  if (!record.detected || !record.classifier || !record.blendshapes) return { ...base, features: null };
  const fe = vector(record.classifier);
  const mx = vector(mxPlain[i]!.classifier!);
  const cues = blendshapeCues(record.blendshapes);
  return {
    ...base,
    features: {
      fe: logOf(fe),
      feMirror: logOf(mirrorOf(fe, vector(feFlip[i]!.classifier!))),
      mx: logOf(mx),
      mxMirror: logOf(mirrorOf(mx, vector(mxFlip[i]!.classifier!))),
      cues: EMOTIONS.map((e) => (e === 'neutral' ? 0 : cues[e])),
    },
  };
});

const performers = [...new Set(samples.map((s) => s.performer))].sort();
const tuningPerformers = tuningSet(samples.map((s) => s.file));
const tuning = samples.filter((s) => tuningPerformers.has(s.performer));
const heldOut = samples.filter((s) => !tuningPerformers.has(s.performer));

/**
 * Exactly what the SDK computes (EmotionRunner + fuseWithCues): per view, log-linear pooling
 * of the classifiers (p ∝ p_fe^w_fe · p_mx^w_mx, so a lone model's weight is its inverse
 * temperature); with flip, the plain and mirrored views averaged; then p ∝ p · exp(w_cue · cue).
 */
interface Weights {
  fe: number;
  mx: number;
  cue: number;
  flip: boolean;
}

function fuse(f: NonNullable<Sample['features']>, w: Weights): number[] {
  const pool = (fe: number[], mx: number[]) => softmax(fe.map((v, i) => w.fe * v + w.mx * (mx[i] ?? 0)));
  const plain = pool(f.fe, f.mx);
  const mirror = w.flip ? pool(f.feMirror, f.mxMirror) : null;
  const views = mirror ? plain.map((v, i) => (v + (mirror[i] ?? 0)) / 2) : plain;
  return softmax(views.map((v, i) => Math.log(v + 1e-6) + w.cue * (f.cues[i] ?? 0)));
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

const meanLogLikelihood = (set: Sample[], w: Weights) => {
  const detected = set.filter((s) => s.features);
  return detected.reduce((sum, s) => sum + Math.log(Math.max(1e-9, fuse(s.features!, w)[EMOTIONS.indexOf(s.truth as Emotion)] ?? 0)), 0) / detected.length;
};

function outcomes(set: Sample[], w: Weights): Outcome[] {
  return set.map((s) => {
    if (!s.features) return { truth: s.truth, predicted: null };
    const p = fuse(s.features, w);
    return { truth: s.truth, predicted: EMOTIONS[p.indexOf(Math.max(...p))]! };
  });
}

/** Grid search on the tuning half's log-likelihood, within a family (some weights fixed). */
function fit(family: { mx: boolean; flip: boolean }): Weights {
  let best: Weights = { fe: 1, mx: 0, cue: 0, flip: family.flip };
  let bestScore = -Infinity;
  const grid = Array.from({ length: 21 }, (_, i) => i * 0.1);
  for (const fe of grid.filter((g) => g > 0)) {
    for (const mx of family.mx ? grid : [0]) {
      for (const cue of Array.from({ length: 17 }, (_, i) => i * 0.5)) {
        const w = { fe, mx, cue, flip: family.flip };
        const score = meanLogLikelihood(tuning, w);
        if (score > bestScore) [best, bestScore] = [w, score];
      }
    }
  }
  return best;
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const report = (name: string, w: Weights) => {
  const tune = classificationMetrics(outcomes(tuning, w));
  const held = classificationMetrics(outcomes(heldOut, w));
  const all = classificationMetrics(outcomes(samples, w));
  console.log(
    `${name.padEnd(44)} fe ${w.fe.toFixed(1)} mx ${w.mx.toFixed(1)} cue ${w.cue.toFixed(1)} flip ${w.flip ? 'yes' : 'no '} | ` +
      `tuning F1 ${pct(tune.macroF1)} | held-out F1 ${pct(held.macroF1)} acc ${pct(held.accuracy)} | all F1 ${pct(all.macroF1)} acc ${pct(all.accuracy)}`,
  );
  return { weights: w, tuning: tune, heldOut: held, all };
};

console.log(`${samples.length} images, ${performers.length} performers; tuning on ${tuningPerformers.size} (${tuning.length} images), held out ${performers.length - tuningPerformers.size} (${heldOut.length} images)`);
report('current default (fe, cue 2, no flip)', { fe: 1, mx: 0, cue: 2, flip: false });
const candidates = [
  report('fitted: fe + cue, no flip', fit({ mx: false, flip: false })),
  report('fitted: fe + cue, flip always', fit({ mx: false, flip: true })),
  report('fitted: fe + mx + cue, no flip', fit({ mx: true, flip: false })),
  report('fitted: fe + mx + cue, flip always', fit({ mx: true, flip: true })),
];
// Chosen by the tuning half's log-likelihood only.
const chosen = candidates.reduce((a, b) => (meanLogLikelihood(tuning, b.weights) > meanLogLikelihood(tuning, a.weights) ? b : a));
console.log(`\nchosen by tuning log-likelihood: ${JSON.stringify(chosen.weights)}`);
for (const [name, set] of [['held-out', chosen.heldOut], ['all', chosen.all]] as const) {
  console.log(`${name}: per-class recall ${JSON.stringify(set.perClass)}`);
}
const groups = new Map<string, Outcome[]>();
outcomes(samples, chosen.weights).forEach((o, i) => {
  const group = itaGroup(samples[i]!.ita);
  groups.set(group, [...(groups.get(group) ?? []), o]);
});
console.log(`all, per skin-tone group: ${JSON.stringify(Object.fromEntries([...groups].map(([g, o]) => [g, { n: o.length, accuracy: round(classificationMetrics(o).accuracy) }])))}`);
