import { ph, type Phone } from './phonemes';
import { applyLetterRules, type LetterRule } from './letter-rules';
import { englishNumber } from './numbers';
import { parseCmuDict } from './cmudict';

/** CMU ARPAbet → IPA in the American English that TTS voices speak. */
const ARPABET: Readonly<Record<string, string>> = {
  AA: 'ɑː', AE: 'æ', AO: 'ɔː', AW: 'aʊ', AY: 'aɪ', EH: 'ɛ', EY: 'eɪ', IH: 'ɪ', IY: 'iː',
  OW: 'oʊ', OY: 'ɔɪ', UH: 'ʊ', UW: 'uː',
  B: 'b', CH: 'tʃ', D: 'd', DH: 'ð', F: 'f', G: 'ɡ', HH: 'h', JH: 'dʒ', K: 'k', L: 'l', M: 'm',
  N: 'n', NG: 'ŋ', P: 'p', R: 'ɹ', S: 's', SH: 'ʃ', T: 't', TH: 'θ', V: 'v', W: 'w', Y: 'j',
  Z: 'z', ZH: 'ʒ',
};

/** A pronouncing dictionary: lower-case word → ARPAbet with stress digits (`"HH AH0 L OW1"`). */
export type ArpabetDictionary = Readonly<Record<string, string>>;

/** Converts one CMU pronunciation to phones. */
export function arpabetToPhones(arpabet: string): Phone[] {
  return arpabet.split(' ').map((code): Phone => {
    const digit = code.at(-1);
    const stress = digit === '1' ? 1 : digit === '2' ? 2 : 0;
    const base = /\d$/.test(code) ? code.slice(0, -1) : code;
    // The vowels whose quality depends on stress: reduced forms when unstressed.
    if (base === 'AH') return { symbol: stress ? 'ʌ' : 'ə', stress };
    if (base === 'ER') return { symbol: stress ? 'ɜː' : 'ɚ', stress };
    if (base === 'IY' && !stress) return { symbol: 'i', stress };
    const symbol = ARPABET[base];
    if (!symbol) throw new Error(`Unknown ARPAbet code "${code}"`);
    return { symbol, stress };
  });
}

/**
 * Words whose everyday pronunciation differs from the dictionary's citation form (weak
 * forms of function words, as TTS voices read them in running speech), and a core
 * vocabulary that works before the dictionary has loaded.
 */
const EXCEPTIONS: Readonly<Record<string, Phone[]>> = {
  a: ph('ə'),
  an: ph('ə', 'n'),
  the: ph('ð', 'ə'),
  to: ph('t', 'ə'),
  your: ph('j', 'ʊ', 'ɹ'),
  i: ph('aɪ1'),
  you: ph('j', 'uː1'),
  we: ph('w', 'iː1'),
  he: ph('h', 'iː1'),
  she: ph('ʃ', 'iː1'),
  they: ph('ð', 'eɪ1'),
  me: ph('m', 'iː1'),
  my: ph('m', 'aɪ1'),
  is: ph('ɪ1', 'z'),
  are: ph('ɑː1', 'ɹ'),
  was: ph('w', 'ʌ1', 'z'),
  of: ph('ʌ1', 'v'),
  and: ph('æ1', 'n', 'd'),
  have: ph('h', 'æ1', 'v'),
  do: ph('d', 'uː1'),
  does: ph('d', 'ʌ1', 'z'),
  one: ph('w', 'ʌ1', 'n'),
  on: ph('ɔ1', 'n'),
  for: ph('f', 'ɔː1', 'ɹ'),
  two: ph('t', 'uː1'),
  what: ph('w', 'ʌ1', 't'),
  who: ph('h', 'uː1'),
  there: ph('ð', 'ɛ1', 'ɹ'),
  please: ph('p', 'l', 'iː1', 'z'),
  thank: ph('θ', 'æ1', 'ŋ', 'k'),
  hello: ph('h', 'ə', 'l', 'oʊ1'),
  okay: ph('oʊ2', 'k', 'eɪ1'),
  // Syncopated in running speech (the dictionary's first form keeps the ɚ).
  every: ph('ɛ1', 'v', 'ɹ', 'i'),
  different: ph('d', 'ɪ1', 'f', 'ɹ', 'ə', 'n', 't'),
  difference: ph('d', 'ɪ1', 'f', 'ɹ', 'ə', 'n', 's'),
  ok: ph('oʊ2', 'k', 'eɪ1'),
};

/**
 * Letter-to-sound rules for words in no lexicon (names, new words), in the spirit of the
 * NRL rules (Elovitz et al. 1976) but much shorter: the dictionary covers real words, so
 * these only need to be plausible. Ordered: the first rule whose context fits wins.
 */
const RULES: readonly LetterRule[] = [
  ['tion', 'ʃ ə n'], ['sion', 'ʒ ə n'], ['ture', 'tʃ ɚ'], ['ough', 'ɔː'], ['igh', 'aɪ1'],
  ['tch', 'tʃ'], ['sch', 's k'], ['ph', 'f'], ['th', 'θ'], ['sh', 'ʃ'], ['ch', 'tʃ'], ['ck', 'k'],
  ['ng', 'ŋ'], ['qu', 'k w'], ['wh', 'w'], ['kn', 'n', '^$'], ['wr', 'ɹ', '^$'],
  ['ee', 'iː1'], ['ea', 'iː1'], ['oo', 'uː1'], ['ou', 'aʊ1'], ['ow', 'oʊ1', '', '^$'], ['ow', 'aʊ1'],
  ['ai', 'eɪ1'], ['ay', 'eɪ1'], ['oi', 'ɔɪ1'], ['oy', 'ɔɪ1'], ['au', 'ɔː1'], ['aw', 'ɔː1'],
  ['ey', 'iː', '', '^$'], ['ie', 'iː1'], ['ue', 'uː1'], ['ew', 'uː1'], ['oa', 'oʊ1'],
  ['ar', 'ɑː1 ɹ'], ['or', 'ɔː1 ɹ'], ['er', 'ɚ'], ['ir', 'ɜː1'], ['ur', 'ɜː1'],
  ['le', 'ə l', '[^aeiouy]', '^$'], ['ed', 'd', '[^td]', '^$'], ['ed', 'ɪ d', '[td]', '^$'], ['es', 'ɪ z', '(s|z|sh|ch|x)', '^$'],
  ['a', 'eɪ1', '', '^[^aeiouy]e$'], ['i', 'aɪ1', '', '^[^aeiouy]e$'], ['o', 'oʊ1', '', '^[^aeiouy]e$'],
  ['u', 'uː1', '', '^[^aeiouy]e$'], ['e', 'iː1', '', '^[^aeiouy]e$'],
  ['e', '', '[a-z]', '^$'], ['y', 'i', '[a-z]{2}', '^$'], ['y', 'aɪ1', '^[^aeiou]$', '^$'], ['y', 'j', '^$'],
  ['a', 'æ1'], ['e', 'ɛ1'], ['i', 'ɪ1'], ['o', 'ɑː1'], ['u', 'ʌ1'], ['y', 'ɪ'],
  ['c', 's', '', '^[eiy]'], ['c', 'k'], ['g', 'dʒ', '', '^[eiy]'], ['g', 'ɡ'], ['x', 'k s'], ['j', 'dʒ'],
  ['ll', 'l'], ['ss', 's'], ['tt', 't'], ['pp', 'p'], ['ff', 'f'], ['mm', 'm'], ['nn', 'n'], ['rr', 'ɹ'],
  ['dd', 'd'], ['bb', 'b'], ['gg', 'ɡ'], ['zz', 'z'], ['cc', 'k'],
  ['b', 'b'], ['d', 'd'], ['f', 'f'], ['h', 'h'], ['k', 'k'], ['l', 'l'], ['m', 'm'], ['n', 'n'],
  ['p', 'p'], ['r', 'ɹ'], ['s', 's'], ['t', 't'], ['v', 'v'], ['w', 'w'], ['z', 'z'],
];

/** Names of consonant letters, for abbreviations read letter by letter. */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'b iː1', c: 's iː1', d: 'd iː1', f: 'ɛ1 f', g: 'dʒ iː1', h: 'eɪ1 tʃ', j: 'dʒ eɪ1', k: 'k eɪ1', l: 'ɛ1 l', m: 'ɛ1 m',
  n: 'ɛ1 n', p: 'p iː1', q: 'k j uː1', r: 'ɑː1 ɹ', s: 'ɛ1 s', t: 't iː1', v: 'v iː1', w: 'd ʌ1 b əl j uː', x: 'ɛ1 k s', z: 'z iː1',
};

const isVowel = (p: Phone) => /^[aeiouæɑɒɔəɚɛɜɪʊʌ]/.test(p.symbol);

/**
 * The dictionary's citation form adjusted to how American TTS voices say it in running
 * speech, by rules that look at the spelling:
 * - an unstressed vowel written i, y or e (e not before n, l, r, m, nor a final -e) is
 *   ɪ, not ə (credit, delivery, possible, wanted, changes), and so is the a of a final
 *   -age (message, package); other a, o, u stay ə;
 * - the dictionary's merged "cot-caught" ɑː is ɔː where the spelling says au, aw,
 *   augh, ough or al (caused, bought, talk);
 * - ɚ before a vowel links with an r (arrive → ɚɹaɪv; worry → wʌɹi).
 * Vowel letters are aligned with vowel phones only when their counts agree.
 */
function connected(phones: Phone[], word: string): Phone[] {
  const groups = [...word.matchAll(/[aeiouy]+/g)].map((m) => ({ letters: m[0], index: m.index, after: word.slice(m.index + m[0].length) }));
  // A final silent e (make, possible) has no vowel of its own.
  if (groups.length && /[^aeiouy]e$/.test(word) && !/le$/.test(word)) groups.pop();
  const vowels = phones.map((p, i) => (isVowel(p) ? i : -1)).filter((i) => i >= 0);
  const aligned = groups.length === vowels.length;
  const out: Phone[] = [];
  phones.forEach((p, i) => {
    const k = vowels.indexOf(i);
    const g = aligned && k >= 0 ? groups[k]! : undefined;
    const nextPhone = phones[i + 1];
    let symbol = p.symbol;
    if (g && symbol === 'ə' && (/^[iy]+$/.test(g.letters) || (g.letters === 'e' && !/^[nlrm]/.test(g.after) && g.after !== '') || (g.letters === 'a' && g.after === 'ge'))) symbol = 'ɪ';
    if (g && symbol === 'ɑː' && (/au|aw/.test(g.letters) || /^(ugh|gh)/.test(g.after) || (g.letters === 'a' && /^l[^aeiouy]/.test(g.after)) || (g.letters === 'ou' && /^gh/.test(g.after)))) symbol = 'ɔː';
    if (nextPhone && isVowel(nextPhone) && (symbol === 'ɚ' || symbol === 'ɜː')) {
      out.push({ symbol: symbol === 'ɚ' ? 'ɚ' : 'ʌ', stress: p.stress }, { symbol: 'ɹ', stress: 0 });
      return;
    }
    out.push(symbol === p.symbol ? p : { symbol, stress: p.stress });
  });
  return out;
}

/**
 * English grapheme-to-phoneme: an exception lexicon for weak forms, then the CMU
 * pronouncing dictionary (once {@link EnglishG2P.loadDictionary} has run), then rules.
 */
export class EnglishG2P {
  readonly lang = 'en' as const;
  private dictionary: ArpabetDictionary | null;

  /** `dictionary` may be given directly (tests, custom lexica); else load it lazily. */
  constructor(dictionary: ArpabetDictionary | null = null) {
    this.dictionary = dictionary;
  }

  /** Whether the pronouncing dictionary is in use (else rules read every word). */
  get hasDictionary(): boolean {
    return this.dictionary !== null;
  }

  /**
   * Loads the CMU pronouncing dictionary (126k words) from `load`, which returns the text
   * of the runtime file `lipsync/cmudict-en.txt` (cmudict.ts): fetched in the browser,
   * read from disk in Node. Without it, words outside the small lexicon fall back to rules.
   */
  async loadDictionary(load: () => Promise<string>): Promise<void> {
    if (this.dictionary) return;
    this.dictionary = parseCmuDict(await load());
  }

  /**
   * Phones of one written word as a TTS would read it; numbers are spelled out. `next`,
   * the word that follows, picks the forms of connected speech: "the" and "to" before a
   * vowel (ði, tʊ), weak "for" before an article (fɚ ðə), and the linking r of a word
   * ending in ɚ ("for a", "our own").
   */
  phones(word: string, next?: string): Phone[] {
    const clean = word.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z0-9'.,-]/g, '').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    if (!clean) return [];
    if (/\d/.test(clean)) return englishNumber(clean).split(' ').flatMap((w) => this.phones(w));
    if (clean.includes('-')) return clean.split('-').flatMap((w) => this.phones(w));
    const beforeVowel = next !== undefined && /^[^a-z0-9]*[aeiou]/i.test(next);
    if (beforeVowel && clean === 'the') return ph('ð', 'ɪ');
    if (beforeVowel && clean === 'to') return ph('t', 'ʊ');
    // "for" leans on a following article as one unstressed clitic group: fɚ ðə, fɚɹ ə.
    if (clean === 'for' && next !== undefined && /^(the|a|an)$/i.test(next.replace(/[^a-z]/gi, ''))) return ph('f', 'ɚ', ...(beforeVowel ? ['ɹ'] : []));
    const phones = this.citation(clean);
    if (beforeVowel && phones.at(-1)?.symbol === 'ɚ') return [...phones, ...ph('ɹ')];
    return phones;
  }

  private citation(clean: string): Phone[] {
    const exception = EXCEPTIONS[clean];
    if (exception) return exception;
    const entry = this.dictionary?.[clean];
    if (entry) return connected(arpabetToPhones(entry), clean);
    if (clean.endsWith("'s")) return [...this.citation(clean.slice(0, -2)), ...ph('z')];
    // Words without a vowel letter are abbreviations, read letter by letter (sms, pc).
    if (!/[aeiouy]/.test(clean) && clean.length <= 5) return [...clean.replace(/'/g, '')].flatMap((l) => ph(...(LETTER_NAMES[l] ?? '').split(' ').filter(Boolean)));
    return applyLetterRules(clean.replace(/'/g, ''), RULES);
  }
}
