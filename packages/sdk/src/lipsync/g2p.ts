import type { Phone } from './phonemes';
import { assetBase, runtimeAssetUrl } from '../assets';
import { CMUDICT_ASSET } from './cmudict';
import { EnglishG2P } from './g2p-en';
import { DutchG2P } from './g2p-nl';
import { fetchBytes } from '../util/fetch-bytes';

/** Languages the lip-sync can read. */
export type LipSyncLanguage = 'en' | 'nl';

/** Grapheme-to-phoneme for one language. */
export interface G2P {
  readonly lang: LipSyncLanguage;
  /**
   * Phones of one written word (punctuation is ignored, numbers spelled out); `next`, the
   * following word if any, lets a language pick forms of connected speech.
   */
  phones(word: string, next?: string): Phone[];
}

/** How {@link loadG2P} finds the English pronouncing dictionary. */
export interface G2POptions {
  /** The SDK's asset folder (`config.assetBaseUrl`); default: beside the SDK's script. */
  assetBaseUrl?: string | null;
  /** The dictionary's text from elsewhere (Node: read `dist/lipsync/cmudict-en.txt` from disk). */
  fetchDictionary?: () => Promise<string>;
  /** Download progress in bytes (`total` null when the server does not say). */
  onProgress?: (loaded: number, total: number | null) => void;
  /** The dictionary could not load; rules read English instead. Default: a console warning. */
  onError?: (error: Error) => void;
}

const cache = new Map<LipSyncLanguage, Promise<G2P>>();

/** Fetches a text file, reporting progress as it streams. */
async function fetchText(url: string, onProgress?: G2POptions['onProgress']): Promise<string> {
  const bytes = await fetchBytes(url, (loaded, total) => onProgress?.(loaded, total ?? null));
  return new TextDecoder().decode(bytes);
}

/**
 * The G2P for `lang`, ready to use: for English this loads the pronouncing dictionary
 * once (`lipsync/cmudict-en.txt` under the asset base; later calls share it, and the
 * first call's options win). If it cannot load, `onError` hears why and rules stand in,
 * so the mouth still moves. Dutch is rule-based and needs no download.
 */
export function loadG2P(lang: LipSyncLanguage, options: G2POptions = {}): Promise<G2P> {
  let g2p = cache.get(lang);
  if (!g2p) {
    if (lang === 'en') {
      const english = new EnglishG2P();
      const load = options.fetchDictionary ?? (() => fetchText(runtimeAssetUrl(assetBase(options.assetBaseUrl ?? null), CMUDICT_ASSET), options.onProgress));
      const onError = options.onError ?? ((error: Error) => console.warn(`Digimens lip-sync: English pronouncing dictionary unavailable, using letter rules (${error.message})`));
      g2p = english.loadDictionary(load).then(
        () => english,
        (error: unknown) => {
          onError(error instanceof Error ? error : new Error(String(error)));
          return english;
        },
      );
    } else {
      g2p = Promise.resolve(new DutchG2P());
    }
    cache.set(lang, g2p);
  }
  return g2p;
}
