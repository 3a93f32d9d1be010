import type { LipViseme } from './visemes';

/** A phoneme as grapheme-to-phoneme gives it: an IPA symbol and its syllable's stress. */
export interface Phone {
  /** IPA, one segment or a diphthong (`aɪ`), as in {@link PHONEMES}. */
  symbol: string;
  /** 1 primary, 2 secondary, 0 unstressed; consonants carry 0. */
  stress: 0 | 1 | 2;
}

/** What a phoneme looks like and how long it lasts. */
export interface PhonemeInfo {
  /** The mouth shape; a diphthong has two, each held for half of it. */
  visemes: readonly [LipViseme] | readonly [LipViseme, LipViseme];
  kind: 'vowel' | 'stop' | 'fricative' | 'nasal' | 'approximant' | 'affricate';
  /** Inherent duration in ms (Klatt 1979), for phonemes the fitted model has no data on. */
  inherent: number;
}

const V = (visemes: PhonemeInfo['visemes'], inherent: number): PhonemeInfo => ({ visemes, kind: 'vowel', inherent });
const C = (viseme: LipViseme, kind: PhonemeInfo['kind'], inherent: number): PhonemeInfo => ({ visemes: [viseme], kind, inherent });

/**
 * Every phoneme the Dutch and English G2P emit, in IPA. Durations are Klatt's (1979)
 * inherent values for American English, the fallback of the fitted duration model
 * (duration-model.ts); they are only relative, since the schedule stretches them onto
 * the TTS's own timing. A stop's duration includes its closure (lips already shut).
 */
export const PHONEMES: Readonly<Record<string, PhonemeInfo>> = {
  // open and central vowels
  a: V(['aa'], 200),
  aː: V(['aa'], 230),
  ɑ: V(['aa'], 170),
  ɑː: V(['aa'], 240),
  æ: V(['aa'], 230),
  ʌ: V(['aa'], 140),
  ɐ: V(['aa'], 120),
  ə: V(['aa'], 100),
  ɚ: V(['aa'], 160),
  // front vowels
  i: V(['I'], 155),
  iː: V(['I'], 175),
  ɪ: V(['I'], 135),
  e: V(['E'], 160),
  eː: V(['E'], 190),
  ɛ: V(['E'], 150),
  ɛː: V(['E'], 200),
  ɜː: V(['E'], 180),
  // rounded vowels
  o: V(['O'], 170),
  oː: V(['O'], 200),
  ɔ: V(['O'], 160),
  ɔː: V(['O'], 240),
  ɒ: V(['O'], 200),
  øː: V(['O'], 200),
  œ: V(['O'], 160),
  ɵ: V(['O'], 140),
  u: V(['U'], 170),
  uː: V(['U'], 210),
  ʊ: V(['U'], 160),
  y: V(['U'], 170),
  ʏ: V(['U'], 140),
  // diphthongs
  aɪ: V(['aa', 'I'], 250),
  aʊ: V(['aa', 'U'], 260),
  eɪ: V(['E', 'I'], 190),
  ɔɪ: V(['O', 'I'], 280),
  oʊ: V(['O', 'U'], 220),
  ɛɪ: V(['E', 'I'], 220),
  œy: V(['O', 'U'], 220),
  ʌʊ: V(['aa', 'U'], 220),
  eʊ: V(['E', 'U'], 220),
  yʊ: V(['U', 'U'], 200),
  // stops
  p: C('PP', 'stop', 90),
  b: C('PP', 'stop', 85),
  t: C('DD', 'stop', 75),
  d: C('DD', 'stop', 75),
  k: C('kk', 'stop', 80),
  ɡ: C('kk', 'stop', 80),
  // fricatives
  f: C('FF', 'fricative', 100),
  v: C('FF', 'fricative', 60),
  θ: C('TH', 'fricative', 90),
  ð: C('TH', 'fricative', 50),
  s: C('SS', 'fricative', 105),
  z: C('SS', 'fricative', 75),
  ʃ: C('CH', 'fricative', 105),
  ʒ: C('CH', 'fricative', 70),
  x: C('kk', 'fricative', 100),
  ɣ: C('kk', 'fricative', 80),
  h: C('kk', 'fricative', 80),
  // affricates
  tʃ: C('CH', 'affricate', 70),
  dʒ: C('CH', 'affricate', 70),
  // nasals
  m: C('PP', 'nasal', 70),
  n: C('nn', 'nasal', 60),
  ŋ: C('nn', 'nasal', 95),
  // approximants
  l: C('nn', 'approximant', 80),
  ɹ: C('RR', 'approximant', 80),
  r: C('RR', 'approximant', 70),
  w: C('U', 'approximant', 80),
  ʋ: C('FF', 'approximant', 70),
  // j is spread like i, but counts as a consonant; the spreading comes from the next vowel.
  j: C('DD', 'approximant', 80),
};

/** Information about `symbol`; throws for a symbol no G2P should emit (a programming error). */
export function phonemeInfo(symbol: string): PhonemeInfo {
  const info = PHONEMES[symbol];
  if (!info) throw new Error(`Unknown phoneme "${symbol}"`);
  return info;
}

/** Shorthand for G2P tables: `ph('h', 'ɛ1', 'l', 'oʊ')`, a trailing digit is the stress. */
export function ph(...symbols: string[]): Phone[] {
  return symbols.map((s) => {
    const last = s.at(-1);
    const stress = last === '1' ? 1 : last === '2' ? 2 : 0;
    const symbol = last === '0' || last === '1' || last === '2' ? s.slice(0, -1) : s;
    phonemeInfo(symbol);
    return { symbol, stress };
  });
}
