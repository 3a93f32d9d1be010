import { phonemeInfo, type Phone } from './phonemes';
import { DURATION_MODELS } from './duration-model';

/**
 * Phone durations in context. A log-linear model (after Klatt 1979 and van Santen 1994,
 * reduced to what a word-timing API lets us know): a phone's log duration is the sum of
 * weights of the contexts it stands in: its own identity, stress and vowel type, its
 * neighbours (a vowel is longer before a voiced consonant; consonants in clusters are
 * shorter; also which phone neighbours a vowel, and how each consonant takes its
 * neighbours), at a word's edges the neighbouring word's sound when no pause comes
 * between, its place in the word (last syllable, word-initial or -final consonant), the
 * word's length in syllables, and whether the word ends a phrase (lengthening before a
 * pause). The weights are fitted per language by test/bench/lipsync/fit-durations.ts.
 * Only relative durations within a word matter: the timeline stretches a word's phones
 * onto the span the TTS reports for it.
 */

/** Weights (natural log of ms) per feature, fitted; `ph:<symbol>` carries the phone's own length. */
export interface DurationModel {
  weights: Readonly<Record<string, number>>;
  /** Added to ln(inherent duration) for a phone the fit had no samples of. */
  inherentOffset: number;
  /**
   * How much each kind of phone takes up of a word's stretching or squeezing (see
   * {@link fitDurations}); a missing kind has 1, i.e. stretches with the word.
   */
  elasticity?: Readonly<Partial<Record<ElasticGroup, number>>>;
}

/** Phone groups that stretch alike when a word is spoken slower or faster than usual. */
export type ElasticGroup = 'stressedVowel' | 'vowel' | 'consonant';

/** The {@link ElasticGroup} of a phone. */
export function elasticGroup(p: Phone): ElasticGroup {
  if (phonemeInfo(p.symbol).kind !== 'vowel') return 'consonant';
  return p.stress > 0 ? 'stressedVowel' : 'vowel';
}

/** What is known about a word's place in its utterance. */
export interface WordContext {
  /** The word ends a phrase: punctuation or a pause follows, or the utterance ends. */
  phraseFinal: boolean;
  /** The word starts a phrase (after a pause, or the utterance's first word). */
  phraseInitial: boolean;
  /** The word carries the phrase's last stress (its nucleus, which speakers draw out). */
  nucleus?: boolean;
  /** The first phone of the next word, when no pause comes between (voices run words together). */
  nextPhone?: Phone;
  /** The last phone of the word before, when no pause comes between. */
  prevPhone?: Phone;
}

const NEUTRAL: WordContext = { phraseFinal: false, phraseInitial: false };

const VOICED = new Set(['b', 'd', 'ɡ', 'v', 'ð', 'z', 'ʒ', 'ɣ', 'dʒ']);

/** A coarse class of a neighbour, for contexts. */
function group(p: Phone | undefined, edge: string): string {
  if (!p) return edge;
  const info = phonemeInfo(p.symbol);
  switch (info.kind) {
    case 'vowel':
      return 'V';
    case 'stop':
    case 'affricate':
      return VOICED.has(p.symbol) ? 'stop+' : 'stop-';
    case 'fricative':
      return p.symbol === 'h' ? 'h' : VOICED.has(p.symbol) ? 'fric+' : 'fric-';
    case 'nasal':
      return 'nasal';
    case 'approximant':
      return p.symbol === 'l' || p.symbol === 'r' || p.symbol === 'ɹ' ? 'liquid' : 'glide';
  }
}

/** Vowel type: schwa, short, long or diphthong. */
function vowelType(symbol: string): string {
  if (symbol === 'ə' || symbol === 'ɐ' || symbol === 'ɚ') return 'schwa';
  const info = phonemeInfo(symbol);
  if (info.visemes.length === 2) return 'diph';
  return symbol.endsWith('ː') || info.inherent >= 180 ? 'long' : 'short';
}

/** The features phone `i` of a word stands in (the same function fits and predicts). */
export function durationFeatures(phones: readonly Phone[], i: number, context: WordContext = NEUTRAL): string[] {
  const phone = phones[i]!;
  const isVowel = (p: Phone | undefined) => p !== undefined && phonemeInfo(p.symbol).kind === 'vowel';
  const vowels = phones.filter((p) => isVowel(p)).length;
  const syllables = `syl${Math.min(4, vowels)}`;
  const lastVowel = phones.findLastIndex((p) => isVowel(p));
  const firstVowel = phones.findIndex((p) => isVowel(p));
  const end = context.phraseFinal ? 'pause' : 'end';
  const start = context.phraseInitial ? 'pause' : 'start';
  const next = group(phones[i + 1], end);
  const prev = group(phones[i - 1], start);
  const f = [`ph:${phone.symbol}`];
  if (isVowel(phone)) {
    const type = vowelType(phone.symbol);
    const stressed = phone.stress > 0 ? 's' : 'u';
    f.push(`v.${type}.${stressed}`, `v.stress${phone.stress}`, `v.next:${next}`, `v.prev:${prev}`, `v.${syllables}.${stressed}`);
    f.push(`ph:${phone.symbol}.${stressed}`, `v.${type}.next:${next}`, `v.${type}.prev:${prev}`);
    if (next !== 'V' && i + 2 <= phones.length) f.push(`v.next2:${group(phones[i + 2], end)}`);
    if (i === lastVowel) f.push('v.last', `v.last.${stressed}`, `v.last.${type}`);
    if (i === lastVowel && context.phraseFinal) f.push('v.last.phraseFinal', `v.last.phraseFinal.${type}`);
    if (context.phraseFinal) f.push('v.phraseFinal');
    if (vowels === 1 && phone.stress === 0) f.push('v.weak');
    const after = phones.slice(i + 1).filter((p) => isVowel(p)).length;
    f.push(`v.after${Math.min(2, after)}`);
    // The neighbours themselves, not only their class: a vowel's length depends on which
    // consonant follows (Dutch r and l lengthen more than other sonorants).
    f.push(`v.next.ph:${phones[i + 1]?.symbol ?? end}`, `v.prev.ph:${phones[i - 1]?.symbol ?? start}`);
    // A word-edge vowel runs on into the neighbouring word's sound when no pause comes
    // between (a vowel before a vowel is shortened as before a vowel inside the word).
    if (i === phones.length - 1 && context.nextPhone) f.push(`v.nextw:${group(context.nextPhone, end)}`);
    if (i === 0 && context.prevPhone) f.push(`v.prevw:${group(context.prevPhone, start)}`);
    if (context.nucleus && phone.stress === 1) f.push(`v.nucleus`, `v.nucleus.${type}`, `v.nucleus.after${Math.min(2, after)}`);
  } else {
    const kind = group(phone, '');
    const pos = i < firstVowel || firstVowel < 0 ? 'onset' : i > lastVowel ? 'coda' : 'medial';
    f.push(`c.${kind}.${pos}`, `c.next:${next}`, `c.prev:${prev}`, `c.${syllables}`);
    f.push(`ph:${phone.symbol}.${pos}`, `c.${kind}.next:${next}`, `c.${kind}.prev:${prev}`);
    if (i === 0) f.push(`c.initial${context.phraseInitial ? '.phraseInitial' : ''}`);
    if (i === phones.length - 1) f.push(`c.final${context.phraseFinal ? '.phraseFinal' : ''}`, `ph:${phone.symbol}.final`);
    if (pos === 'coda' && context.phraseFinal) f.push('c.coda.phraseFinal');
    if ((next !== 'V' && next !== end) || (prev !== 'V' && prev !== start)) f.push(`c.${kind}.cluster`);
    // Each consonant's own response to its neighbours (a stop before a vowel keeps its
    // closure, an r between vowels is a tap).
    f.push(`ph:${phone.symbol}.next:${next}`, `ph:${phone.symbol}.prev:${prev}`);
    // Likewise a word-edge consonant with the neighbouring word's sound (a stop before a
    // stop across the edge, a consonant between two vowels).
    if (i === phones.length - 1 && context.nextPhone) f.push(`c.${kind}.nextw:${group(context.nextPhone, end)}`);
    if (i === 0 && context.prevPhone) f.push(`c.${kind}.prevw:${group(context.prevPhone, start)}`);
    const nextVowel = phones.slice(i + 1).find((p) => isVowel(p));
    if (nextVowel && nextVowel.stress > 0 && pos !== 'coda') f.push('c.beforeStress');
  }
  return f;
}

/** Durations (ms) a word's phones take at the voice's normal rate. */
export function naturalDurations(phones: readonly Phone[], lang: 'en' | 'nl' = 'en', context: WordContext = NEUTRAL, model: DurationModel = DURATION_MODELS[lang]): number[] {
  return phones.map((p, i) => {
    const features = durationFeatures(phones, i, context);
    let log = 0;
    for (const f of features) {
      const w = model.weights[f];
      if (w !== undefined) log += w;
      else if (f === features[0]) log += Math.log(phonemeInfo(p.symbol).inherent) + model.inherentOffset;
    }
    return Math.exp(log);
  });
}

/**
 * Durations of a word's phones that fill exactly `span` ms. A TTS voice does not stretch
 * every phone alike when it says a word slower than usual (phrase-finally, on its
 * nucleus) or faster: vowels, stressed ones most, take up more of the change than
 * consonants (Klatt 1979's incompressibility, in a simpler form). So with `rate` the
 * span over the natural length, each phone becomes natural × rate^elasticity, and the
 * result is scaled to the span.
 */
export function fitDurations(phones: readonly Phone[], span: number, lang: 'en' | 'nl' = 'en', context: WordContext = NEUTRAL, model: DurationModel = DURATION_MODELS[lang]): number[] {
  const natural = naturalDurations(phones, lang, context, model);
  if (lang === 'en') pairColouredVowels(phones, natural);
  const naturalTotal = natural.reduce((a, b) => a + b, 0);
  if (naturalTotal <= 0 || span <= 0) return natural.map(() => 0);
  const rate = span / naturalTotal;
  const stretched = natural.map((d, i) => d * rate ** (model.elasticity?.[elasticGroup(phones[i]!)] ?? 1));
  const total = stretched.reduce((a, b) => a + b, 0);
  return stretched.map((d) => (d * span) / total);
}

/**
 * English r-coloured vowels (ɔːɹ in "storm", ʊɹ in "your") and syllabic l (əl in
 * "possible") are one gesture that glides from the vowel into the consonant: like a
 * diphthong, each half gets half of the pair's time.
 */
function pairColouredVowels(phones: readonly Phone[], durations: number[]): void {
  for (let i = 0; i + 1 < phones.length; i++) {
    const [v, c, after] = [phones[i]!, phones[i + 1]!, phones[i + 2]];
    if (phonemeInfo(v.symbol).kind !== 'vowel' || phonemeInfo(v.symbol).visemes.length !== 1) continue;
    const coda = !after || phonemeInfo(after.symbol).kind !== 'vowel';
    if (!coda || !(c.symbol === 'ɹ' || (c.symbol === 'l' && v.symbol === 'ə'))) continue;
    const mean = (durations[i]! + durations[i + 1]!) / 2;
    durations[i] = mean;
    durations[i + 1] = mean;
    i++;
  }
}
