/**
 * `tsx bench/lipsync/fit-durations.ts [--cv]`: fits the SDK's phoneme duration model
 * (packages/sdk/src/lipsync/duration-model.ts, generated, committed) on espeak-ng
 * renderings of sentences/train-*.txt, which share no sentence with the benchmark (the
 * added customer-contact sentences were screened: none shares more than 30% of its words
 * with a benchmark sentence).
 *
 * Each training word is read by the SDK's own G2P; where its phones match espeak's
 * phonemes one to one (same viseme classes), the corrected espeak durations are samples,
 * with the contexts the SDK sees at run time (durations.ts: stress, neighbours, position
 * in word and phrase, syllable count). The model is log-linear: ridge regression of log
 * duration on those contexts, shrunk towards Klatt's inherent durations, so a rare
 * phoneme or context falls back to textbook values rather than to noise.
 *
 * `--cv` instead reports two-fold cross-validated frame agreement on the training
 * sentences (even/odd), the yardstick for changing the features without touching the
 * benchmark sentences.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadG2P, parseIpa, PHONEMES, VISEME_CLASS, type G2P, type Phone } from '../../../packages/sdk/src/lipsync';
import { durationFeatures, fitDurations, type DurationModel, type WordContext } from '../../../packages/sdk/src/lipsync/durations';
import { wordContexts, wordPhones } from '../../../packages/sdk/src/lipsync/timeline';
import { loadReference, type Lang, type RefSentence } from './reference';
import { toFrames, type ClassSegment } from './score';
import { readEnglishDictionary } from '../../../packages/sdk/lipsync-dictionary';

/** Ridge strength: how hard weights are pulled towards the inherent-duration prior. */
const LAMBDA = Number(process.env.LAMBDA ?? 2);

interface Sample {
  features: string[];
  prior: number;
  ms: number;
}

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;
const classes = (phones: Phone[]) => phones.flatMap((p) => PHONEMES[p.symbol]!.visemes.map((v) => VISEME_CLASS[v])).join(' ');

/** Words of a sentence with our phones, espeak's phones and the word context. */
function words(s: RefSentence, g2p: G2P) {
  const phones = wordPhones(s.words, g2p);
  const contexts = wordContexts(s.text, s.words, phones);
  return s.words.map((w, i) => {
    const ref = s.phonemes.filter((p) => p.start >= w.start - 0.01 && p.end <= w.end + 0.01);
    const theirs = ref.flatMap((p) => {
      const parts = parseIpa(p.phoneme);
      return parts.map((part) => ({ ...part, ms: (p.end - p.start) / parts.length }));
    });
    const ours = phones[i]!;
    return { ...w, ours, theirs, context: contexts[i]! };
  });
}

function collect(sentences: RefSentence[], g2p: G2P): { samples: Sample[]; used: number; total: number } {
  const samples: Sample[] = [];
  let used = 0;
  let total = 0;
  for (const s of sentences) {
    for (const w of words(s, g2p)) {
      total++;
      if (w.ours.length !== w.theirs.length || classes(w.ours) !== classes(w.theirs)) continue;
      used++;
      w.ours.forEach((_, i) => samples.push({ features: durationFeatures(w.ours, i, w.context), prior: Math.log(PHONEMES[w.ours[i]!.symbol]!.inherent), ms: w.theirs[i]!.ms }));
    }
  }
  return { samples, used, total };
}

/** Solves A x = b for a symmetric positive definite A (Cholesky). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = a.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

function fit(samples: Sample[]): DurationModel {
  // Log duration relative to the prior (inherent duration + one offset), so the ridge
  // shrinks towards textbook values.
  const offset = median(samples.map((s) => Math.log(s.ms) - s.prior));
  const names = [...new Set(samples.flatMap((s) => s.features))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const n = names.length;
  const ata = names.map(() => new Float64Array(n));
  const atb = new Float64Array(n);
  for (const s of samples) {
    const y = Math.log(Math.max(5, s.ms)) - s.prior - offset;
    const ix = s.features.map((f) => index.get(f)!);
    for (const i of ix) {
      atb[i]! += y;
      for (const j of ix) ata[i]![j]! += 1;
    }
  }
  for (let i = 0; i < n; i++) ata[i]![i]! += LAMBDA;
  const x = solve(ata, atb);
  const weights: Record<string, number> = {};
  names.forEach((name, i) => {
    let w = x[i]!;
    // A phone's own weight absorbs the prior, so prediction needs no table of priors.
    if (/^ph:[^.]+$/.test(name)) w += Math.log(PHONEMES[name.slice(3)]!.inherent) + offset;
    weights[name] = Math.round(w * 1000) / 1000;
  });
  return { weights, inherentOffset: Math.round(offset * 1000) / 1000 };
}

/** Frame agreement of the text-driven timeline with `model` on `sentences` (our G2P). */
function agreement(sentences: RefSentence[], g2p: G2P, lang: Lang, model: DurationModel): number {
  let frames = 0;
  let agree = 0;
  for (const s of sentences) {
    const segments: ClassSegment[] = [];
    for (const w of words(s, g2p)) {
      const d = fitDurations(w.ours, w.end - w.start, lang, w.context as WordContext, model);
      let t = w.start;
      w.ours.forEach((p, i) => {
        const visemes = PHONEMES[p.symbol]!.visemes;
        visemes.forEach((v, k) => segments.push({ start: t + (d[i]! * k) / visemes.length, end: t + (d[i]! * (k + 1)) / visemes.length, cls: VISEME_CLASS[v] }));
        t += d[i]!;
      });
    }
    const ref = toFrames(s.segments, s.durationMs);
    const hyp = toFrames(segments, s.durationMs);
    ref.forEach((c, i) => {
      if (c === 'rest') return;
      frames++;
      if (hyp[i] === c) agree++;
    });
  }
  return agree / Math.max(1, frames);
}

/**
 * Elasticities (durations.ts) by coordinate search on the fitting sentences' agreement.
 * Only differences between groups matter (a common shift cancels when the word is scaled
 * to its span), so consonants stay at 1.
 */
function fitElasticity(sentences: RefSentence[], g2p: G2P, lang: Lang, model: DurationModel): DurationModel {
  const grid = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];
  let best = { ...model, elasticity: { consonant: 1, vowel: 1, stressedVowel: 1 } };
  let bestScore = agreement(sentences, g2p, lang, best);
  for (let pass = 0; pass < 2; pass++) {
    for (const group of ['stressedVowel', 'vowel'] as const) {
      for (const value of grid) {
        const candidate = { ...best, elasticity: { ...best.elasticity, [group]: value } };
        const score = agreement(sentences, g2p, lang, candidate);
        if (score > bestScore) [best, bestScore] = [candidate, score];
      }
    }
  }
  return best;
}

const cv = process.argv.includes('--cv');
const model: Partial<Record<Lang, DurationModel>> = {};
for (const lang of ['en', 'nl'] as const) {
  const g2p = await loadG2P(lang, { fetchDictionary: readEnglishDictionary });
  const sentences = loadReference(lang, 'train').sentences;
  if (cv) {
    const folds = [0, 1].map((k) => sentences.filter((_, i) => i % 2 === k));
    const scores = folds.map((test, k) => {
      const train = folds[1 - k]!;
      return agreement(test, g2p, lang, fitElasticity(train, g2p, lang, fit(collect(train, g2p).samples)));
    });
    console.log(`${lang}: two-fold cross-validated agreement on training sentences ${(50 * (scores[0]! + scores[1]!)).toFixed(2)}%`);
    continue;
  }
  const { samples, used, total } = collect(sentences, g2p);
  model[lang] = fitElasticity(sentences, g2p, lang, fit(samples));
  console.log(`${lang}: ${used}/${total} training words aligned, ${samples.length} phones, ${Object.keys(model[lang]!.weights).length} weights, elasticity ${JSON.stringify(model[lang]!.elasticity)}; in-sample agreement ${(100 * agreement(sentences, g2p, lang, model[lang]!)).toFixed(2)}%`);
}
if (!cv) {
  const out = join(import.meta.dirname, '../../../packages/sdk/src/lipsync/duration-model.ts');
  writeFileSync(
    out,
    `// Generated by test/bench/lipsync/fit-durations.ts from espeak-ng renderings of
// test/bench/lipsync/sentences/train-*.txt (disjoint from the benchmark sentences).
// Do not edit by hand: change the training sentences or the fit and run it again.
import type { DurationModel } from './durations';

/** Fitted duration model per language: log-ms weight per context (see durations.ts). */
export const DURATION_MODELS: Readonly<Record<'en' | 'nl', DurationModel>> = ${JSON.stringify(model)};
`,
  );
  console.log(`Wrote ${out}`);
}
