import type { Phone } from './phonemes';
import { EnglishG2P } from './g2p-en';
import { DutchG2P } from './g2p-nl';

/** Languages the lip-sync can read. */
export type LipSyncLanguage = 'en' | 'nl';

/** Grapheme-to-phoneme for one language. */
export interface G2P {
  readonly lang: LipSyncLanguage;
  /** Phones of one written word (punctuation is ignored, numbers spelled out). */
  phones(word: string): Phone[];
}

const cache = new Map<LipSyncLanguage, Promise<G2P>>();

/**
 * The G2P for `lang`, ready to use: for English this lazily loads the pronouncing
 * dictionary once (later calls share it; if it cannot load, rules stand in). Dutch is rule-based and needs no download.
 */
export function loadG2P(lang: LipSyncLanguage): Promise<G2P> {
  let g2p = cache.get(lang);
  if (!g2p) {
    if (lang === 'en') {
      const english = new EnglishG2P();
      // Offline without the dictionary chunk, rules still give a usable mouth.
      g2p = english.loadDictionary().then(
        () => english,
        () => english,
      );
    } else {
      g2p = Promise.resolve(new DutchG2P());
    }
    cache.set(lang, g2p);
  }
  return g2p;
}
