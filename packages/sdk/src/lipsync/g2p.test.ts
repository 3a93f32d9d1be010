import { describe, expect, it } from 'vitest';
import { DutchG2P } from './g2p-nl';
import { splitCompound } from './compounds-nl';
import { EnglishG2P } from './g2p-en';
import { loadG2P } from './g2p';
import type { G2P } from './g2p';
import { readEnglishDictionary } from '../../lipsync-dictionary';

const ipa = (g2p: G2P, text: string) => text.split(' ').map((w) => g2p.phones(w).map((p) => p.symbol).join('')).join(' ');

describe('Dutch G2P', () => {
  const nl = new DutchG2P();
  it.each([
    ['kaas', 'kaːs'],
    ['kat', 'kɑt'],
    ['maken', 'maːkən'],
    ['bestelling', 'bəstɛlɪŋ'],
    ['rekening', 'reːkənɪŋ'],
    ['huis', 'hœys'],
    ['goed', 'ɣut'],
    ['schip', 'sxɪp'],
    ['natuurlijk', 'naːtyrlək'],
    ['vriendelijke', 'vrindələkə'],
    ['nodig', 'noːdəx'],
    ['informatie', 'ɪnfɔrmaːtsi'],
    ['eeuw', 'eʊ'],
    ['koud', 'kʌʊt'],
    ['wachtwoord', 'ʋɑxtʋoːrt'],
  ])('%s → %s', (word, expected) => {
    expect(ipa(nl, word)).toBe(expected);
  });

  it('reads weak forms and numbers as spoken', () => {
    expect(ipa(nl, 'een de het')).toBe('ən də hət');
    expect(ipa(nl, '12')).toBe('tʋaːlf');
    expect(ipa(nl, '21')).toBe('eːnɛntʋɪntəx');
  });

  it('reads compounds part by part: schwa and -en kept, one consonant at the seam, secondary stress on later parts', () => {
    expect(ipa(nl, 'gemeentehuis ziekenhuis handtekening herfstbladeren')).toBe('ɣəmeːntəhœys zikənhœys hɑnteːkənɪŋ hɛrfstblaːdərən');
    expect(nl.phones('gemeentehuis').filter((p) => p.stress > 0).map((p) => `${p.symbol}${p.stress}`)).toEqual(['eː1', 'œy2']);
  });

  it('splits only words made wholly of known stems', () => {
    expect(splitCompound('rekeningnummer')).toEqual(['rekening', 'nummer']);
    expect(splitCompound('bezoekerspasje')).toEqual(['bezoekers', 'pasje']);
    expect(splitCompound('bestelling')).toBeNull();
    expect(splitCompound('kantoor')).toBeNull();
  });

  it('reads -ntie as tsi, French eau as oː, s before sch once, and prefixes before four consonants', () => {
    expect(ipa(nl, 'garantie cadeau misschien beschrijven weekend')).toBe('ɣaːrɑntsi kaːdoː mɪsxin bəsxrɛɪvən ʋikɛnt');
  });

  it('does not count a prefix vowel when reducing -er- (verwerken keeps its ɛ)', () => {
    expect(ipa(nl, 'verwerken linkerhand')).toBe('vərʋɛrkən lɪŋkərhɑnt');
  });

  it('keeps the schwa of native -eren plurals (bladeren, kinderen)', () => {
    expect(ipa(nl, 'bladeren kinderen')).toBe('blaːdərən kɪndərən');
  });

  it('keeps the full, stressed vowel of loan endings but the schwa of native -eren', () => {
    expect(ipa(nl, 'controleren proberen anderen luisteren leveren')).toBe('kɔntroːlɪrən proːbɪrən ɑndərən lœystərən leːvərən');
    expect(ipa(nl, 'moment pakket student')).toBe('moːmɛnt pɑkɛt stydɛnt');
    expect(nl.phones('moment').filter((p) => p.stress === 1).map((p) => p.symbol)).toEqual(['ɛ']);
  });

  it('laxes ee before r, also before a vowel', () => {
    expect(ipa(nl, 'meer meren')).toBe('mɪr mɪrən');
  });

  it('does not read be-, ge- as a prefix when only an ending is left', () => {
    expect(ipa(nl, 'beste tegoed')).toBe('bɛstə təɣut');
  });

  it('says a final t or s once when the next word starts at the same place, but not across punctuation', () => {
    const phrase = (words: string[]) => words.map((w, i) => nl.phones(w, words[i + 1]).map((p) => p.symbol).join('')).join(' ');
    expect(phrase(['het', 'dak'])).toBe('hə dɑk');
    expect(phrase(['met', 'twee'])).toBe('mɛ tʋeː');
    expect(phrase(['is', 'zo'])).toBe('ɪ zoː');
    expect(phrase(['het', 'huis'])).toBe('hət hœys');
    expect(phrase(['kan', 'nu'])).toBe('kɑn ny');
    expect(phrase(['dat,', 'dus'])).toBe('dɑt dɵs');
  });

  it('marks one stressed syllable after an unstressed prefix', () => {
    expect(nl.phones('betalen').filter((p) => p.stress === 1).map((p) => p.symbol)).toEqual(['aː']);
  });
});

describe('English G2P', () => {
  it('uses the pronouncing dictionary once loaded', async () => {
    const en = await loadG2P('en', { fetchDictionary: readEnglishDictionary });
    expect(ipa(en, 'customer service appointment')).toBe('kʌstəmɚ sɜːvɪs əpɔɪntmənt');
    expect(ipa(en, 'thank you for calling')).toBe('θæŋk juː fɔːɹ kɔːlɪŋ');
  });

  it('uses weak forms of function words', () => {
    const en = new EnglishG2P({});
    expect(ipa(en, 'the to a')).toBe('ðə tə ə');
  });

  it('weakens "for" before an article', () => {
    const en = new EnglishG2P({});
    const phrase = (words: string[]) => words.map((w, i) => en.phones(w, words[i + 1]).map((p) => p.symbol).join('')).join(' ');
    expect(phrase(['for', 'the'])).toBe('fɚ ðə');
    expect(phrase(['for', 'a'])).toBe('fɚɹ ə');
    expect(phrase(['for', 'you'])).toBe('fɔːɹ juː');
  });

  it('reads unstressed -ed, -es and -age with ɪ, and syncopated every', async () => {
    const en = await loadG2P('en', { fetchDictionary: readEnglishDictionary });
    expect(ipa(en, 'wanted changes message every')).toBe('wɔːntɪd tʃeɪndʒɪz mɛsɪdʒ ɛvɹi');
  });

  it('falls back to letter-to-sound rules for unknown words', () => {
    const en = new EnglishG2P({});
    expect(ipa(en, 'zorblax')).toBe('zɔːɹblæks');
    expect(ipa(en, 'make')).toBe('meɪk');
    expect(ipa(en, 'shipping')).toBe('ʃɪpɪŋ');
  });

  it('spells out numbers', () => {
    const en = new EnglishG2P({ twenty: 'T W EH1 N T IY0', four: 'F AO1 R' });
    expect(ipa(en, '24')).toBe('twɛntifɔːɹ');
  });
});
