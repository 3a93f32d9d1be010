import type { G2P } from './g2p';
import { PHONEMES, type Phone } from './phonemes';
import { fitDurations, naturalDurations, type WordContext } from './durations';
import type { LipViseme } from './visemes';

/** One mouth shape held from `start` to `end` (ms from the start of the utterance). */
export interface LipSegment {
  start: number;
  end: number;
  viseme: LipViseme;
  /** The phoneme it shows (a diphthong's two halves both name it). */
  phoneme: string;
}

/** What the mouth does during one utterance, in time order; gaps are rest. */
export interface LipTimeline {
  segments: LipSegment[];
  /** Length of the utterance's audio in ms. */
  duration: number;
}

/** A word and when the TTS says it (ms), as word-boundary APIs report it. */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
}

/** A phoneme (IPA) and when the TTS says it (ms). */
export interface TimedPhoneme {
  phoneme: string;
  start: number;
  end: number;
}

/**
 * Whatever timing the TTS gives, best first: phoneme timestamps, word timestamps, Web
 * Speech `boundary` events (word starts only, `charIndex` into the text), or only the
 * length of the audio.
 */
export type SpeechTiming =
  | { kind: 'phonemes'; phonemes: TimedPhoneme[] }
  | { kind: 'words'; words: TimedWord[] }
  | { kind: 'boundaries'; boundaries: Array<{ charIndex: number; time: number }>; duration?: number }
  | { kind: 'duration'; duration: number };

/** Silence a TTS leaves at punctuation, for timings that do not say where it falls (ms). */
const PAUSE_MS: ReadonlyArray<readonly [RegExp, number]> = [
  [/[.!?]["')\]]*$/, 400],
  [/[,;:]["')\]]*$/, 200],
];

function pauseAfter(word: string): number {
  return PAUSE_MS.find(([pattern]) => pattern.test(word))?.[1] ?? 0;
}

/** Splits text into words with their character offsets. */
export function tokenize(text: string): Array<{ text: string; index: number }> {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], index: m.index }));
}

/** Segments for `phones` spread over [start, end]; a diphthong is two halves. */
function segmentsFor(phones: readonly Phone[], start: number, end: number, lang: G2P['lang'], context?: WordContext): LipSegment[] {
  const durations = fitDurations(phones, end - start, lang, context);
  const out: LipSegment[] = [];
  let t = start;
  phones.forEach((p, i) => {
    const d = durations[i]!;
    const visemes = PHONEMES[p.symbol]!.visemes;
    visemes.forEach((viseme, half) => {
      const s = t + (d * half) / visemes.length;
      out.push({ start: s, end: s + d / visemes.length, viseme, phoneme: p.symbol });
    });
    t += d;
  });
  return out;
}

const SYMBOLS_LONGEST_FIRST = Object.keys(PHONEMES).sort((a, b) => b.length - a.length);
/** Symbols TTS engines write that mean one of ours. */
const IPA_ALIASES: Readonly<Record<string, string>> = { g: 'ɡ', ɝ: 'ɜː', ɾ: 't', ʔ: 't', ɫ: 'l', ᵻ: 'ɪ', ɨ: 'ɪ', ɘ: 'ə', ɤ: 'o', ʉ: 'u', ç: 'x', χ: 'x', ʁ: 'r', ɲ: 'n', ʎ: 'l', ɦ: 'h', ɑ̃: 'ɑ', ɔ̃: 'ɔ', ɛ̃: 'ɛ' };

/** Reads an IPA phoneme label from a TTS into our phones (stress and length marks aside). */
export function parseIpa(label: string): Phone[] {
  const stress: 0 | 1 | 2 = label.includes('ˈ') ? 1 : label.includes('ˌ') ? 2 : 0;
  let rest = label.replace(/[ˈˌ.\u0329\u032f\u0361]/g, '');
  const out: Phone[] = [];
  while (rest) {
    const symbol = SYMBOLS_LONGEST_FIRST.find((s) => rest.startsWith(s));
    const alias = symbol ? undefined : Object.keys(IPA_ALIASES).find((s) => rest.startsWith(s));
    if (symbol) {
      out.push({ symbol, stress: PHONEMES[symbol]!.kind === 'vowel' ? stress : 0 });
      rest = rest.slice(symbol.length);
    } else if (alias) {
      out.push({ symbol: IPA_ALIASES[alias]!, stress: 0 });
      rest = rest.slice(alias.length);
    } else {
      rest = rest.slice(1);
    }
  }
  return out;
}

/** Silence between two word spans (ms) from which on the first ends a phrase. */
const PAUSE_GAP_MS = 30;

/**
 * Where each timed word stands in its phrase: it ends one when punctuation follows it in
 * `text`, when the next word starts after a pause, or when it is the last; the word after
 * that starts one. Word texts are looked up in `text` in order (they may lack punctuation).
 * Given the words' phones, the last stressed word of each phrase is marked as its nucleus.
 */
export function wordContexts(text: string, words: readonly TimedWord[], phones?: ReadonlyArray<readonly Phone[]>): WordContext[] {
  const lower = text.toLowerCase();
  let cursor = 0;
  const punctuated = words.map((w) => {
    const tokens = tokenize(w.text);
    const last = tokens.at(-1)?.text.toLowerCase().replace(/[^\p{L}\p{N}']+$/u, '');
    if (!last) return /[.,;:!?]["')\]]*$/.test(w.text);
    const at = lower.indexOf(last, cursor);
    if (at < 0) return /[.,;:!?]["')\]]*$/.test(w.text);
    cursor = at + last.length;
    return /^["')\]]*[.,;:!?]/.test(text.slice(cursor));
  });
  const finals = words.map((w, i) => i === words.length - 1 || punctuated[i]! || words[i + 1]!.start - w.end >= PAUSE_GAP_MS);
  const contexts = words.map((_, i): WordContext => ({ phraseFinal: finals[i]!, phraseInitial: i === 0 || finals[i - 1]! }));
  // Across a word edge without a pause the voice runs on into the next word's first sound.
  contexts.forEach((c, i) => {
    if (!c.phraseFinal) c.nextPhone = phones?.[i + 1]?.[0];
    if (!c.phraseInitial) c.prevPhone = phones?.[i - 1]?.at(-1);
  });
  // The nucleus: the last word of each phrase with a primary stress.
  let seen = false;
  for (let i = words.length - 1; i >= 0 && phones; i--) {
    if (finals[i]) seen = false;
    if (!seen && phones[i]?.some((p) => p.stress === 1)) {
      contexts[i]!.nucleus = true;
      seen = true;
    }
  }
  return contexts;
}

/** Phones of each word (a word may hold several tokens), each token read with the one after it. */
export function wordPhones(words: ReadonlyArray<{ text: string }>, g2p: G2P): Phone[][] {
  const tokens = words.map((w) => tokenize(w.text).map((t) => t.text));
  const flat = tokens.flat();
  let k = 0;
  return tokens.map((list) => list.flatMap((t) => g2p.phones(t, flat[++k])));
}

function fromWords(words: readonly TimedWord[], g2p: G2P, text?: string): LipSegment[] {
  // One span may hold several written words (contractions, a TTS merging short words).
  const phones = wordPhones(words, g2p);
  const contexts = wordContexts(text ?? words.map((w) => w.text).join(' '), words, phones);
  return words.flatMap((w, i) => segmentsFor(phones[i]!, w.start, w.end, g2p.lang, contexts[i]));
}

/** Natural length of a word (ms) at the neutral rate: the yardstick for timings without ends. */
function naturalLength(phones: readonly Phone[], lang: G2P['lang']): number {
  return naturalDurations(phones, lang).reduce((a, b) => a + b, 0);
}

function fromBoundaries(text: string, boundaries: ReadonlyArray<{ charIndex: number; time: number }>, duration: number | undefined, g2p: G2P): LipSegment[] {
  const tokens = tokenize(text);
  const starts = [...boundaries].sort((a, b) => a.time - b.time);
  const words = starts.map((b) => tokens.find((t) => b.charIndex >= t.index && b.charIndex < t.index + t.text.length) ?? tokens.find((t) => t.index >= b.charIndex));
  // The speaking rate so far (actual/natural length of words that end where the next
  // one starts) tells how long the words before a pause and the last word last.
  const rates: number[] = [];
  const timed: TimedWord[] = [];
  starts.forEach((b, i) => {
    const word = words[i];
    if (!word) return;
    const natural = naturalLength(g2p.phones(word.text), g2p.lang);
    const next = starts[i + 1]?.time ?? duration;
    const pause = pauseAfter(word.text);
    const rate = rates.length ? rates.slice().sort((a, c) => a - c)[Math.floor(rates.length / 2)]! : 1;
    let end = next === undefined ? b.time + natural * rate : next - pause * rate;
    if (end <= b.time + natural * rate * 0.4) end = Math.min(next ?? Infinity, b.time + natural * rate);
    if (!pause && next !== undefined && natural > 0) rates.push((next - b.time) / natural);
    timed.push({ text: word.text, start: b.time, end });
  });
  return fromWords(timed, g2p, text);
}

function fromDuration(text: string, duration: number, g2p: G2P): LipSegment[] {
  const tokens = tokenize(text).map((t, i, all) => ({ ...t, phones: g2p.phones(t.text, all[i + 1]?.text) }));
  const lengths = tokens.map((t) => naturalLength(t.phones, g2p.lang));
  const pauses = tokens.map((t, i) => (i < tokens.length - 1 ? pauseAfter(t.text) : 0));
  const total = lengths.reduce((a, b) => a + b, 0) + pauses.reduce((a, b) => a + b, 0);
  if (total <= 0) return [];
  const scale = duration / total;
  const out: LipSegment[] = [];
  let t = 0;
  tokens.forEach((token, i) => {
    const length = lengths[i]! * scale;
    const phraseFinal = i === tokens.length - 1 || pauses[i]! > 0;
    const phraseInitial = i === 0 || pauses[i - 1]! > 0;
    const context = { phraseFinal, phraseInitial, nextPhone: phraseFinal ? undefined : tokens[i + 1]?.phones[0], prevPhone: phraseInitial ? undefined : tokens[i - 1]?.phones.at(-1) };
    out.push(...segmentsFor(token.phones, t, t + length, g2p.lang, context));
    t += length + pauses[i]! * scale;
  });
  return out;
}

function fromPhonemes(phonemes: readonly TimedPhoneme[]): LipSegment[] {
  return phonemes.flatMap((p) => {
    const phones = parseIpa(p.phoneme);
    const visemes = phones.flatMap((ph) => PHONEMES[ph.symbol]!.visemes.map((viseme) => ({ viseme, phoneme: ph.symbol })));
    const step = (p.end - p.start) / Math.max(1, visemes.length);
    return visemes.map((v, i) => ({ ...v, start: p.start + i * step, end: p.start + (i + 1) * step }));
  });
}

/**
 * The lip-sync timeline of one utterance: `text` read by `g2p`, placed on `timing`.
 * Pure and synchronous, so it runs the same in the browser and in Node.
 */
export function buildTimeline(text: string, timing: SpeechTiming, g2p: G2P): LipTimeline {
  let segments: LipSegment[];
  switch (timing.kind) {
    case 'phonemes':
      segments = fromPhonemes(timing.phonemes);
      break;
    case 'words':
      segments = fromWords(timing.words, g2p, text);
      break;
    case 'boundaries':
      segments = fromBoundaries(text, timing.boundaries, timing.duration, g2p);
      break;
    case 'duration':
      segments = fromDuration(text, timing.duration, g2p);
      break;
  }
  const end = segments.at(-1)?.end ?? 0;
  const duration = timing.kind === 'duration' ? timing.duration : timing.kind === 'boundaries' ? Math.max(end, timing.duration ?? 0) : end;
  return { segments, duration };
}
