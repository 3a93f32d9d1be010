import type { Language } from '../../config';
import type { SegmentTranscriber } from './stt-provider';
import { encodeWav } from './wav';

/** Options of an {@link OpenAITranscriber}. */
export interface OpenAITranscriberOptions {
  /** The proxy's (or an OpenAI-compatible server's) base URL. */
  baseURL: string;
  /** Default `whisper-1`. */
  model?: string;
}

/**
 * Transcription through an OpenAI-compatible `/audio/transcriptions` endpoint: a VAD-cut
 * segment becomes a WAV file in a multipart upload. Raw audio leaves the device only this
 * way, so use it only where the deployment's consent covers it (see DESIGN.md).
 */
export class OpenAITranscriber implements SegmentTranscriber {
  private readonly url: string;

  constructor(private readonly options: OpenAITranscriberOptions) {
    this.url = `${options.baseURL.replace(/\/+$/, '')}/audio/transcriptions`;
  }

  async transcribe(samples: Float32Array, sampleRate: number, options: { lang: Language; signal?: AbortSignal }): Promise<string> {
    const form = new FormData();
    form.append('model', this.options.model ?? 'whisper-1');
    form.append('language', options.lang);
    form.append('response_format', 'json');
    form.append('file', new Blob([encodeWav(samples, sampleRate)], { type: 'audio/wav' }), 'speech.wav');
    const response = await fetch(this.url, { method: 'POST', body: form, ...(options.signal ? { signal: options.signal } : {}) });
    if (!response.ok) throw new Error(`Transcription failed: HTTP ${response.status} from ${this.url}`);
    const { text } = (await response.json()) as { text?: unknown };
    return typeof text === 'string' ? text.trim() : '';
  }
}
