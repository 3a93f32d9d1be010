import { phonemeInfo, type Phone } from './phonemes';
import { DURATION_MODELS } from './duration-model';

/**
 * Contexts that change a phone's duration (after Klatt 1979, reduced to what the fitted
 * model can tell apart): unstressed vowels are short, the last syllable of a word is drawn
 * out, a word-initial consonant is longer, consonants in clusters are shorter.
 */
export const CONTEXTS = ['unstressed', 'finalVowel', 'finalConsonant', 'initialConsonant', 'cluster'] as const;
export type Context = (typeof CONTEXTS)[number];

/** Base duration (ms) per phoneme and a factor per context, fitted per language. */
export interface DurationModel {
  base: Readonly<Record<string, number>>;
  factor: Readonly<Record<string, number>>;
}

/** The contexts phone `i` of a word stands in. */
export function contextsOf(phones: readonly Phone[], i: number): Context[] {
  const phone = phones[i]!;
  const isVowel = (p: Phone | undefined) => p !== undefined && phonemeInfo(p.symbol).kind === 'vowel';
  const lastVowel = phones.findLastIndex((p) => isVowel(p));
  const out: Context[] = [];
  if (isVowel(phone)) {
    if (phone.stress === 0) out.push('unstressed');
    if (i === lastVowel) out.push('finalVowel');
  } else {
    if (i > lastVowel) out.push('finalConsonant');
    if (i === 0) out.push('initialConsonant');
    if ([phones[i - 1], phones[i + 1]].some((p) => p && !isVowel(p))) out.push('cluster');
  }
  return out;
}

/** Durations (ms) a word's phones take at the voice's normal rate. */
export function naturalDurations(phones: readonly Phone[], lang: 'en' | 'nl' = 'en'): number[] {
  const model = DURATION_MODELS[lang];
  return phones.map((p, i) => {
    const base = model.base[p.symbol] ?? phonemeInfo(p.symbol).inherent;
    return contextsOf(phones, i).reduce((d, c) => d * (model.factor[c] ?? 1), base);
  });
}

/**
 * Durations of a word's phones that fill exactly `span` ms: the natural durations scaled
 * together, since a TTS voice speeds up or slows down a word as a whole.
 */
export function fitDurations(phones: readonly Phone[], span: number, lang: 'en' | 'nl' = 'en'): number[] {
  const natural = naturalDurations(phones, lang);
  const total = natural.reduce((a, b) => a + b, 0);
  return total > 0 ? natural.map((d) => (d * span) / total) : natural;
}
