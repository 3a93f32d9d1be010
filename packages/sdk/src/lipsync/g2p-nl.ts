import { ph, phonemeInfo, type Phone } from './phonemes';
import { dutchNumber } from './numbers';
import { splitCompound } from './compounds-nl';

/** Words the rules get wrong: weak forms, loanwords, and stems that look like prefixed ones. */
const EXCEPTIONS: Readonly<Record<string, Phone[]>> = {
  een: ph('ə', 'n'),
  de: ph('d', 'ə'),
  het: ph('h', 'ə', 't'),
  te: ph('t', 'ə'),
  je: ph('j', 'ə'),
  ze: ph('z', 'ə'),
  we: ph('ʋ', 'ə'),
  me: ph('m', 'ə'),
  er: ph('ə', 'r'),
  u: ph('y1'),
  "'t": ph('ə', 't'),
  "'n": ph('ə', 'n'),
  mail: ph('m', 'eː1', 'ɪ', 'l'),
  email: ph('i1', 'm', 'eː', 'ɪ', 'l'),
  weekend: ph('ʋ', 'i1', 'k', 'ɛ', 'n', 't'),
  website: ph('ʋ', 'ɛ1', 'p', 's', 'aɪ', 't'),
  online: ph('ɔ1', 'n', 'l', 'aɪ', 'n'),
  team: ph('t', 'i1', 'm'),
  oké: ph('oː', 'k', 'eː1'),
  ok: ph('oː', 'k', 'eː1'),
  geven: ph('ɣ', 'eː1', 'v', 'ə', 'n'),
  tegen: ph('t', 'eː1', 'ɣ', 'ə', 'n'),
  verder: ph('v', 'ɛ1', 'r', 'd', 'ə', 'r'),
  beter: ph('b', 'eː1', 't', 'ə', 'r'),
  telefoon: ph('t', 'eː2', 'l', 'ə', 'f', 'oː1', 'n'),
};

/** Vowel spellings, longest first, with their phones (a space separates two phones). */
const VOWEL_GRAPHEMES: ReadonlyArray<readonly [string, string]> = [
  ['eeuw', 'eʊ'], ['eau', 'oː'], ['ieuw', 'i w'], ['aai', 'aː j'], ['ooi', 'oː j'], ['oei', 'u j'], ['ouw', 'ʌʊ'], ['auw', 'ʌʊ'],
  ['aa', 'aː'], ['ee', 'eː'], ['oo', 'oː'], ['uu', 'y'], ['ie', 'i'], ['oe', 'u'], ['eu', 'øː'], ['ui', 'œy'],
  ['ij', 'ɛɪ'], ['ei', 'ɛɪ'], ['ou', 'ʌʊ'], ['au', 'ʌʊ'], ['uw', 'yʊ'],
  ['é', 'eː'], ['è', 'ɛ'], ['ë', 'ə'], ['ï', 'i'], ['ü', 'y'], ['ö', 'øː'],
];

/** Consonant spellings, longest first. `ch` and `ng` close a syllable like a double letter. */
const CONSONANT_GRAPHEMES: ReadonlyArray<readonly [string, string]> = [
  ['sch', 's x'], ['ch', 'x'], ['ck', 'k'], ['ng', 'ŋ'], ['nk', 'ŋ k'], ['qu', 'k ʋ'], ['th', 't'], ['ph', 'f'], ['sj', 'ʃ'],
  ['b', 'b'], ['c', 'k'], ['d', 'd'], ['f', 'f'], ['g', 'ɣ'], ['h', 'h'], ['j', 'j'], ['k', 'k'], ['l', 'l'],
  ['m', 'm'], ['n', 'n'], ['p', 'p'], ['r', 'r'], ['s', 's'], ['t', 't'], ['v', 'v'], ['w', 'ʋ'], ['x', 'k s'],
  ['z', 'z'],
];

const FINAL_DEVOICING: Readonly<Record<string, string>> = { b: 'p', d: 't', g: 'x', v: 'f', z: 's' };

/** Numerals whose spelling the word lexicon reads otherwise ("een" is the article ən). */
const NUMERALS: Readonly<Record<string, Phone[]>> = { een: ph('eː1', 'n') };

/** Single vowel letters: [in an open syllable, in a closed one]. */
const SINGLE_VOWELS: Readonly<Record<string, readonly [string, string]>> = {
  a: ['aː', 'ɑ'],
  e: ['eː', 'ɛ'],
  i: ['i', 'ɪ'],
  o: ['oː', 'ɔ'],
  u: ['y', 'ɵ'],
  y: ['i', 'i'],
};

/**
 * Unstressed prefixes whose e is a schwa: be-, ge-, ver-, te- (before more syllables);
 * not where the e is closed by a double consonant (bellen) or by l, r, m, n before
 * another consonant (bergen, geld), nor where only an ending -e would be left (beste).
 */
const SCHWA_PREFIX = /^(be|ge|ver|te(?=rug|vreden|gelijk|voren|goed))(?!([^aeiouy])\2)(?![lrmn][^aeiouy])(?=[^aeiouy]{0,4}[aeiouy])(?![^aeiouy]+e$)/;
/**
 * Stressed separable prefixes (aan-, op-, uit- …) and the unstressed on-, her-, mis-,
 * before a participle or verb prefix ge-, be-, ver-: the prefix is a word of its own
 * (aan|ge|past, not aa|nge|past).
 */
const SEPARABLE = /^(aan|af|bij|in|op|uit|toe|mee|door|over|voor|weg|terug|vast|samen|onder|tegen|achter|na|om|on|her|mis)(?=(ge|be|ver)[^aeiouy]*[aeiouy])/;
const UNSTRESSED_PREFIX = new Set(['on', 'her', 'mis']);
/** Names of consonant letters, for abbreviations read letter by letter (sms, b). */
const LETTER_NAMES: Readonly<Record<string, string>> = {
  b: 'b eː1', c: 's eː1', d: 'd eː1', f: 'ɛ1 f', g: 'ɣ eː1', h: 'h aː1', j: 'j eː1', k: 'k aː1', l: 'ɛ1 l', m: 'ɛ1 m',
  n: 'ɛ1 n', p: 'p eː1', q: 'k y1', r: 'ɛ1 r', s: 'ɛ1 s', t: 't eː1', v: 'v eː1', w: 'ʋ eː1', x: 'ɪ1 k s', z: 'z ɛ1 t',
};
/** What may follow a schwa e to the end of the word: -en, -er, -el, -elijk, -ering, -ende … */
const SCHWA_TAIL = /^([nrlm])?([nrlm]?(s|t|d)?(e|en|er|es|de|den|te|ten|st|ste)?|lijk|lijke|lijker|lijkheid|ing|ingen|is|nis|heid|baar|bare|ling|lingen|ig|ige|igen)$/;

interface Grapheme {
  text: string;
  phones: string;
  vowel: boolean;
}

function segment(word: string): Grapheme[] {
  const out: Grapheme[] = [];
  let i = 0;
  while (i < word.length) {
    const rest = word.slice(i);
    // -tie(n) is handled by the consonant rules; -tion(eel) reads ʃ: station, receptionist.
    if (i > 0 && rest.startsWith('tion')) {
      out.push({ text: 'ti', phones: 'ʃ', vowel: false });
      i += 2;
      continue;
    }
    const vowel = VOWEL_GRAPHEMES.find(([g]) => rest.startsWith(g));
    if (vowel) {
      out.push({ text: vowel[0], phones: vowel[1], vowel: true });
      i += vowel[0].length;
      continue;
    }
    const letter = rest[0]!;
    if (letter in SINGLE_VOWELS) {
      out.push({ text: letter, phones: '', vowel: true });
      i++;
      continue;
    }
    const consonant = CONSONANT_GRAPHEMES.find(([g]) => rest.startsWith(g));
    if (consonant) {
      // A doubled consonant letter is spelled twice but spoken once.
      const previous = out.at(-1);
      if (previous && !previous.vowel && previous.text === consonant[0]) previous.text += consonant[0];
      // s before sch is said once too (misschien).
      else if (previous?.text === 's' && consonant[0] === 'sch') Object.assign(previous, { text: 'ssch', phones: consonant[1] });
      else out.push({ text: consonant[0], phones: consonant[1], vowel: false });
      i += consonant[0].length;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * Long ee before r is laxed towards [ɪː] (keer, meer, meren, controleren; Booij 1995),
 * which the lips show as ih rather than ee.
 */
function laxBeforeR(phones: Phone[]): Phone[] {
  return phones.map((p, i) => (p.symbol === 'eː' && phones[i + 1]?.symbol === 'r' ? { ...p, symbol: 'ɪ' } : p));
}

/**
 * Joins the parts of a compound: where one ends in the consonant the next begins with,
 * it is said once (hand|tekening: hɑntəkeːnɪŋ).
 */
function degeminate(parts: Phone[][]): Phone[] {
  return parts.reduce<Phone[]>((out, part) => (out.at(-1)?.symbol === part[0]?.symbol && phonemeInfo(part[0]!.symbol).kind !== 'vowel' ? [...out, ...part.slice(1)] : [...out, ...part]), []);
}

/** Plurals in -eren of native nouns (blad, kind, ei …): the schwa stays, unlike loan verbs. */
const NATIVE_PLURAL_EREN = /^(blad|kind|ei|lied|kalv|lamm|volk|rad|goed|beend|gemoed|hoend)eren$/;

/**
 * Endings that carry the word's stress and a full vowel, though the schwa rules would
 * reduce them: the -eren of verbs from French and Latin (controleren, reserveren,
 * proberen; eː), and -ent, -et (moment, student, pakket; ɛ). Native verbs on a stem in
 * -er keep the schwa (anderen, luisteren, leveren, weigeren): after nd, st or nn, or
 * after one consonant behind e, ei or ij. Returns the index of the stressed e, or -1.
 */
function stressedEnding(word: string): number {
  if (NATIVE_PLURAL_EREN.test(word)) return -1;
  const verb = /^(.*?)([aeiouy]+)([^aeiouy]+)eren$/.exec(word);
  if (verb) {
    const [, , vowel, consonants] = verb;
    const native = /^(nd|st|nn)$/.test(consonants!) || (/^(e|ee|ei|ij)$/.test(vowel!) && consonants!.length === 1);
    return native ? -1 : word.length - 4;
  }
  const loan = /[aeiouy][^aeiouy]+e(nt|nten|nts|t|ts)$/.exec(word);
  return loan ? word.lastIndexOf('e', word.length - loan[1]!.length) : -1;
}

/**
 * Dutch grapheme-to-phoneme by rule: Dutch spelling is regular enough that vowel length
 * follows from syllable structure (one consonant before the next vowel = open syllable =
 * long vowel), and the schwa from prefixes and suffixes. An exception lexicon covers
 * function words and loanwords.
 */
export class DutchG2P {
  readonly lang = 'nl' as const;

  /**
   * Phones of one written word as a TTS would read it; numbers are spelled out. With the
   * `next` word, connected speech: a final t or s runs into a next word that starts with
   * the same place of articulation (het dak: hədɑk, is zo: ɪzoː), said once.
   */
  phones(word: string, next?: string): Phone[] {
    const phones = this.word(word);
    if (!next || /[.,;:!?]["')\]]*$/.test(word)) return phones;
    const last = phones.at(-1)?.symbol;
    const first = last === 't' || last === 's' ? this.word(next)[0]?.symbol : undefined;
    if ((last === 't' && (first === 't' || first === 'd')) || (last === 's' && (first === 's' || first === 'z'))) return phones.slice(0, -1);
    return phones;
  }

  private word(word: string): Phone[] {
    const clean = word.toLowerCase().replace(/[’`]/g, "'").replace(/[^a-z0-9'.,\-éèëïüö]/g, '').replace(/^[^a-z0-9']+|[^a-z0-9éèëïüö]+$/g, '');
    if (!clean) return [];
    const exception = EXCEPTIONS[clean];
    if (exception) return exception;
    if (/\d/.test(clean)) return dutchNumber(clean).split(' ').flatMap((w) => NUMERALS[w] ?? this.word(w));
    if (clean.includes('-')) return clean.split('-').flatMap((w) => this.word(w));
    return this.byRule(clean.replace(/'/g, ''));
  }

  private byRule(word: string): Phone[] {
    if (!/[aeiouyéèëïüö]/.test(word) && word.length <= 5) return [...word].flatMap((l) => ph(...(LETTER_NAMES[l] ?? '').split(' ').filter(Boolean)));
    const parts = splitCompound(word);
    if (parts) return degeminate(parts.map((part, i) => this.compoundPart(part, i > 0)));
    const separable = SEPARABLE.exec(word)?.[0];
    if (separable) {
      const head = this.byRule(separable).map((p) => (UNSTRESSED_PREFIX.has(separable) && p.stress ? { ...p, stress: 0 as const } : p));
      const stem = word.slice(separable.length);
      return [...head, ...(EXCEPTIONS[stem] ?? this.byRule(stem))];
    }
    return laxBeforeR(this.byStem(word));
  }

  /** One part of a compound, read as a word; only the first part keeps the main stress. */
  private compoundPart(part: string, later: boolean): Phone[] {
    const phones = EXCEPTIONS[part] ?? this.byRule(part);
    return later ? phones.map((p) => (p.stress === 1 ? { ...p, stress: 2 as const } : p)) : phones;
  }

  private byStem(word: string): Phone[] {
    const graphemes = segment(word);
    const prefix = SCHWA_PREFIX.exec(word)?.[0].length ?? 0;
    const ending = stressedEnding(word);
    const out: Phone[] = [];
    let offset = 0;
    // A stressed ending takes the stress from the stem's first full vowel.
    let stressed = ending >= 0;
    graphemes.forEach((g, index) => {
      const start = offset;
      offset += g.text.length;
      if (!g.vowel) {
        out.push(...this.consonant(g, index, graphemes));
        return;
      }
      let phones = g.phones;
      if (start === ending) {
        out.push(...ph(`${this.isOpen(index, graphemes) ? 'eː' : 'ɛ'}1`));
        return;
      }
      if (!phones) {
        const schwa = g.text === 'e' && (start < prefix || this.isSchwaE(word, start, index, graphemes, prefix));
        phones = schwa ? 'ə' : SINGLE_VOWELS[g.text]![this.isOpen(index, graphemes) ? 0 : 1];
      }
      // '-lijk' and '-ig' are unstressed suffixes with a schwa.
      if (g.text === 'ij' && start > 1 && /^k(e|er|heid|s)?$/.test(word.slice(offset)) && word[start - 1] === 'l') phones = 'ə';
      if (g.text === 'i' && start > 1 && /^g(e|er|en|ers|heid|heden)?$/.test(word.slice(offset))) phones = 'ə';
      const list = phones.split(' ');
      list.forEach((symbol, i) => {
        const vowelLike = i === 0 && symbol !== 'ə';
        const stress = vowelLike && !stressed && start >= prefix ? 1 : 0;
        if (stress) stressed = true;
        out.push(...ph(symbol + (stress ? '1' : '')));
      });
    });
    return out;
  }

  /** Open syllable: the vowel ends the word, or one consonant stands before the next vowel. */
  private isOpen(index: number, graphemes: Grapheme[]): boolean {
    const next = graphemes[index + 1];
    if (!next) return true;
    if (next.vowel) return true;
    const afterNext = graphemes[index + 2];
    return next.text.length === 1 && next.text !== 'x' && afterNext?.vowel === true;
  }

  private isSchwaE(word: string, start: number, index: number, graphemes: Grapheme[], prefix: number): boolean {
    // Unstressed -er- inside a compound or before a suffix (linkerhand, bezoekers-, batterij);
    // a prefix's vowel does not count (ver|werken keeps its ɛ).
    const stemVowels = graphemes.filter((g, i) => g.vowel && i < index && graphemes.slice(0, i).reduce((n, h) => n + h.text.length, 0) >= prefix).length;
    const later = graphemes.slice(index + 1).some((g) => g.vowel);
    if (stemVowels > 0 && later && /^r([^aeiouy]|ij)/.test(word.slice(start + 1)) && start >= prefix) return true;
    // The stem's first vowel is never the schwa of an ending (ge|steld, ge|meten).
    let offset = 0;
    const hasVowelBefore = graphemes.slice(0, index).some((g) => {
      const inStem = offset >= prefix;
      offset += g.text.length;
      return g.vowel && inStem;
    });
    if (!hasVowelBefore) return false;
    const next = graphemes[index + 1];
    if (next && !next.vowel && next.text.length === 2 && next.text[0] === next.text[1]) return false;
    return SCHWA_TAIL.test(word.slice(start + 1));
  }

  private consonant(g: Grapheme, index: number, graphemes: Grapheme[]): Phone[] {
    const next = graphemes[index + 1];
    const final = index === graphemes.length - 1;
    // c is /s/ before e, i; g and ch at the end stay /x/; sch at the end (-isch) is /s/.
    if (g.text === 'c' && next?.vowel && /^[eiy]/.test(next.text)) return ph('s');
    if (g.text === 'sch' && final) return ph('s');
    // Final devoicing: hond /hɔnt/, heb /hɛp/.
    const devoiced = final ? FINAL_DEVOICING[g.text[0]!] : undefined;
    if (devoiced) return ph(devoiced);
    // -tie, -ties: /tsi/, also after n (garantie, vakantie).
    const afterVowelOrN = graphemes[index - 1]?.vowel || graphemes[index - 1]?.text === 'n';
    if (g.text === 't' && next?.text === 'ie' && index + 2 >= graphemes.length - 1 && graphemes[index + 2]?.text !== 'n' && afterVowelOrN) {
      return ph('t', 's');
    }
    return ph(...g.phones.split(' '));
  }
}
