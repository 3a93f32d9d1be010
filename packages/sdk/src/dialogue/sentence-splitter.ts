import type { Language } from '../config';

/**
 * Abbreviations that end in a full stop without ending a sentence (lower case, without
 * the final dot). Dutch: meneer/mevrouw, "bijvoorbeeld", "onder andere", "dat wil zeggen"…
 */
const ABBREVIATIONS: Readonly<Record<Language, readonly string[]>> = {
  nl: ['dhr', 'mevr', 'mw', 'dr', 'drs', 'ir', 'mr', 'prof', 'ing', 'bijv', 'bv', 'o.a', 'd.w.z', 'z.s.m', 'i.v.m', 'm.b.t', 't.a.v', 'e.d', 'enz', 'etc', 'ca', 'nr', 'tel', 'blz', 'jl', 'a.s', 'n.a.v', 'p.p', 'vs', 'incl', 'excl', 'evt', 'resp', 'str', 'm.i', 'zgn', 'o.b.v', 'a.u.b', 'j.l'],
  en: ['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'dept', 'inc', 'ltd', 'a.m', 'p.m', 'u.s', 'fig'],
};

/** A sentence longer than this is cut at a comma or semicolon so speech can start sooner. */
const LONG_SENTENCE = 160;

/**
 * Cuts a streamed reply into sentences as soon as each is certainly complete, so the
 * first one can be spoken while the rest still streams. A boundary is `.`, `!`, `?` or `…`
 * (with closing quotes or brackets) followed by white space, or a line break; a full stop
 * after a known abbreviation, an initial ("J. de Vries"), or inside a number ("1.000",
 * "3.5") is not. Deciding needs the next character, so the last sentence waits for
 * {@link flush} (the end of the stream).
 */
export class SentenceSplitter {
  private buffer = '';
  private readonly abbreviations: ReadonlySet<string>;

  constructor(lang: Language) {
    this.abbreviations = new Set(ABBREVIATIONS[lang]);
  }

  /** Adds a delta; returns the sentences it completed (trimmed, never empty). */
  push(delta: string): string[] {
    this.buffer += delta;
    const sentences: string[] = [];
    for (let end = this.nextBoundary(); end > 0; end = this.nextBoundary()) {
      const sentence = this.buffer.slice(0, end).trim();
      this.buffer = this.buffer.slice(end);
      if (sentence) sentences.push(sentence);
    }
    return sentences;
  }

  /** The end of the stream: the rest, if any, as the last sentence. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    return rest ? [rest] : [];
  }

  /** End index (exclusive) of the first complete sentence in the buffer, or 0. */
  private nextBoundary(): number {
    const text = this.buffer;
    const pattern = /(\.\.\.|[.!?…]+)["'”’)\]]*(?=\s)|\n/g;
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (match[0] === '\n' || !match[0].startsWith('.') || match[0].startsWith('...')) return end;
      if (!this.endsAbbreviation(text.slice(0, match.index))) return end;
    }
    if (text.length > LONG_SENTENCE) {
      const comma = text.slice(0, LONG_SENTENCE).search(/[,;:]\s[^,;:]*$/);
      if (comma > 40) return comma + 1;
    }
    return 0;
  }

  /** Whether the text before a full stop ends in an abbreviation or an initial. */
  private endsAbbreviation(before: string): boolean {
    const word = /(\S+)$/.exec(before)?.[1]?.replace(/^["'“‘(\[]+/, '') ?? '';
    if (/^\p{Lu}$/u.test(word)) return true;
    return this.abbreviations.has(word.toLowerCase());
  }
}
