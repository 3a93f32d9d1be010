import type { Language } from '../../config';
import { FunctionTts } from './function-tts';

/** Options of an {@link OpenAITts}. */
export interface OpenAITtsOptions {
  /** The proxy's (or an OpenAI-compatible server's) base URL, e.g. `https://kiosk.example.nl/v1`. */
  baseURL: string;
  /** Default `tts-1`. */
  model?: string;
  /** Voice per language; default `alloy` for both (OpenAI's voices speak Dutch too). */
  voices?: Partial<Record<Language, string>>;
  /** Speaking rate, 0.25–4. */
  speed?: number;
  context?: AudioContext;
}

/**
 * Speech from an OpenAI-compatible `/audio/speech` endpoint through the Digimens proxy (which
 * holds the key), requested as WAV (decodes everywhere, no codec delay) and played through
 * Web Audio.
 */
export class OpenAITts extends FunctionTts {
  constructor(options: OpenAITtsOptions) {
    const url = `${options.baseURL.replace(/\/+$/, '')}/audio/speech`;
    super(async (text, { lang, signal }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: options.model ?? 'tts-1',
          voice: options.voices?.[lang] ?? 'alloy',
          input: text,
          response_format: 'wav',
          ...(options.speed ? { speed: options.speed } : {}),
        }),
        signal,
      });
      if (!response.ok) throw new Error(`Speech synthesis failed: HTTP ${response.status} from ${url}`);
      return { audio: await response.arrayBuffer() };
    }, options.context ? { context: options.context } : {});
  }
}
