import { describe, expect, it } from 'vitest';
import { SentenceSplitter } from './sentence-splitter';
import type { Language } from '../config';

function split(text: string, lang: Language, piece = 3): string[] {
  const splitter = new SentenceSplitter(lang);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += piece) out.push(...splitter.push(text.slice(i, i + piece)));
  return [...out, ...splitter.flush()];
}

describe('SentenceSplitter', () => {
  it('splits Dutch sentences but not at abbreviations, initials or numbers', () => {
    expect(split('Dhr. J. de Vries komt om 14.30 uur, bijv. morgen. Dat kost € 1.000,50! Klopt dat? Ja… prima.', 'nl')).toEqual([
      'Dhr. J. de Vries komt om 14.30 uur, bijv. morgen.',
      'Dat kost € 1.000,50!',
      'Klopt dat?',
      'Ja…',
      'prima.',
    ]);
  });

  it('splits English sentences but not at e.g. or Mr.', () => {
    expect(split('Mr. Smith called, e.g. about the bill. "Is that right?" she asked.\nNew line', 'en')).toEqual([
      'Mr. Smith called, e.g. about the bill.',
      '"Is that right?"',
      'she asked.',
      'New line',
    ]);
  });

  it('gives a sentence as soon as the next one starts, before the stream ends', () => {
    const splitter = new SentenceSplitter('en');
    expect(splitter.push('Hello there.')).toEqual([]);
    expect(splitter.push(' How')).toEqual(['Hello there.']);
    expect(splitter.flush()).toEqual(['How']);
  });

  it('cuts a very long sentence at a comma', () => {
    const long = `${'word '.repeat(20)}, ${'more '.repeat(30)}and so on`;
    const [first] = split(long, 'en', 500);
    expect(first!.length).toBeLessThan(160);
    expect(first!.endsWith(',')).toBe(true);
  });
});
