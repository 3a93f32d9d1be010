import type { Language } from '../../config';

/**
 * Transcribes one utterance that the VAD has already cut out of the microphone stream.
 * Works wherever audio can be sent (the proxy, an intranet Whisper), unlike live recognition.
 */
export interface SegmentTranscriber {
  /** `samples`: mono, −1…1, usually 16 kHz (the VAD's rate). Resolves with the text ('' for nothing heard). */
  transcribe(samples: Float32Array, sampleRate: number, options: { lang: Language; signal?: AbortSignal }): Promise<string>;
}

/** Events of a live {@link SpeechRecognizer}. */
export interface RecognizerEvents {
  /** Text heard so far (`final: false`) or of a finished utterance (`final: true`). */
  result: { text: string; final: boolean };
  /** Recognition cannot work here (offline, no permission, no microphone); use another way in. */
  unavailable: { reason: string };
}

/** Live speech recognition that listens by itself (the browser's Web Speech API). */
export interface SpeechRecognizer {
  readonly available: boolean;
  start(lang: Language): void;
  stop(): void;
  on<K extends keyof RecognizerEvents>(type: K, listener: (payload: RecognizerEvents[K]) => void): () => void;
}
