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
  /** Inherent and minimum duration in ms (Klatt 1979), the ends of the compression range. */
  inherent: number;
  minimum: number;
}

const V = (visemes: PhonemeInfo['visemes'], inherent: number, minimum: number): PhonemeInfo => ({ visemes, kind: 'vowel', inherent, minimum });
const C = (viseme: LipViseme, kind: PhonemeInfo['kind'], inherent: number, minimum: number): PhonemeInfo => ({ visemes: [viseme], kind, inherent, minimum });

/**
 * Every phoneme the Dutch and English G2P emit, in IPA. Durations are Klatt's (1979)
 * inherent/minimum values for American English, which also fit Dutch closely enough:
 * durations are only relative here, since the schedule stretches them onto the TTS's
 * own timing. A stop's duration includes its closure, when the lips are already shut.
 */
export const PHONEMES: Readonly<Record<string, PhonemeInfo>> = {
  // open and central vowels
  a: V(['aa'], 200, 90),
  aː: V(['aa'], 230, 100),
  ɑ: V(['aa'], 170, 80),
  ɑː: V(['aa'], 240, 100),
  æ: V(['aa'], 230, 80),
  ʌ: V(['aa'], 140, 60),
  ɐ: V(['aa'], 120, 50),
  ə: V(['aa'], 100, 40),
  ɚ: V(['aa'], 160, 60),
  // front vowels
  i: V(['I'], 155, 55),
  iː: V(['I'], 175, 55),
  ɪ: V(['I'], 135, 40),
  e: V(['E'], 160, 70),
  eː: V(['E'], 190, 80),
  ɛ: V(['E'], 150, 70),
  ɛː: V(['E'], 200, 90),
  ɜː: V(['E'], 180, 80),
  // rounded vowels
  o: V(['O'], 170, 70),
  oː: V(['O'], 200, 80),
  ɔ: V(['O'], 160, 70),
  ɔː: V(['O'], 240, 100),
  ɒ: V(['O'], 200, 80),
  øː: V(['O'], 200, 80),
  œ: V(['O'], 160, 70),
  ɵ: V(['O'], 140, 60),
  u: V(['U'], 170, 60),
  uː: V(['U'], 210, 70),
  ʊ: V(['U'], 160, 60),
  y: V(['U'], 170, 60),
  ʏ: V(['U'], 140, 60),
  // diphthongs
  aɪ: V(['aa', 'I'], 250, 150),
  aʊ: V(['aa', 'U'], 260, 100),
  eɪ: V(['E', 'I'], 190, 100),
  ɔɪ: V(['O', 'I'], 280, 150),
  oʊ: V(['O', 'U'], 220, 80),
  ɛɪ: V(['E', 'I'], 220, 100),
  œy: V(['O', 'U'], 220, 100),
  ʌʊ: V(['aa', 'U'], 220, 100),
  eʊ: V(['E', 'U'], 220, 100),
  yʊ: V(['U', 'U'], 200, 90),
  // stops
  p: C('PP', 'stop', 90, 50),
  b: C('PP', 'stop', 85, 60),
  t: C('DD', 'stop', 75, 50),
  d: C('DD', 'stop', 75, 50),
  k: C('kk', 'stop', 80, 60),
  ɡ: C('kk', 'stop', 80, 60),
  // fricatives
  f: C('FF', 'fricative', 100, 80),
  v: C('FF', 'fricative', 60, 40),
  θ: C('TH', 'fricative', 90, 60),
  ð: C('TH', 'fricative', 50, 30),
  s: C('SS', 'fricative', 105, 60),
  z: C('SS', 'fricative', 75, 40),
  ʃ: C('CH', 'fricative', 105, 80),
  ʒ: C('CH', 'fricative', 70, 40),
  x: C('kk', 'fricative', 100, 70),
  ɣ: C('kk', 'fricative', 80, 50),
  h: C('kk', 'fricative', 80, 20),
  // affricates
  tʃ: C('CH', 'affricate', 70, 50),
  dʒ: C('CH', 'affricate', 70, 50),
  // nasals
  m: C('PP', 'nasal', 70, 60),
  n: C('nn', 'nasal', 60, 35),
  ŋ: C('nn', 'nasal', 95, 60),
  // approximants
  l: C('nn', 'approximant', 80, 40),
  ɹ: C('RR', 'approximant', 80, 30),
  r: C('RR', 'approximant', 70, 30),
  w: C('U', 'approximant', 80, 60),
  ʋ: C('FF', 'approximant', 70, 40),
  j: C('I', 'approximant', 80, 40),
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
