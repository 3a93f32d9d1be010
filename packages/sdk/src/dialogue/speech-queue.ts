import type { Language } from '../config';
import type { PreparedSpeech, TtsProvider } from '../speech/tts/tts-provider';
import type { ExpressionCue } from './brain';
import type { LipSyncSink } from './sinks';

/** A sentence in the queue, with the cues that take effect when it starts. */
export interface QueuedSentence {
  text: string;
  cues: ExpressionCue[];
  /** A thinking filler rather than part of the answer. */
  filler: boolean;
}

/** What the queue reports back to the conversation. */
export interface SpeechQueueHooks {
  /** The sentence became audible (or, if the TTS failed, is shown as a caption only). */
  onStart(sentence: QueuedSentence, audible: boolean): void;
  onError(error: unknown): void;
}

/** Options of a {@link SpeechQueue}. */
export interface SpeechQueueOptions {
  tts: TtsProvider;
  lipSync: LipSyncSink | undefined;
  lang: Language;
  hooks: SpeechQueueHooks;
  /** Aborting it silences the queue (barge-in, a new turn). */
  signal: AbortSignal;
  /** Longest wait for one sentence's audio. */
  prepareTimeoutMs: number;
  /** Nothing plays before this settles (an answer prepared while the person may still be talking). */
  hold?: Promise<void>;
}

/** Seconds of play allowed per character beyond which a sentence counts as hung (a Web Speech bug). */
const MAX_MS_PER_CHAR = 200;
const MIN_PLAY_MS = 5000;

/**
 * Says sentences in order while later ones are still being synthesised: each sentence's
 * audio is requested as soon as it is queued, and played when the one before has ended.
 * A sentence whose audio fails or hangs is shown as a caption and skipped, never waited on forever.
 */
export class SpeechQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly options: SpeechQueueOptions) {
    options.signal.addEventListener('abort', () => {
      options.tts.stop();
      options.lipSync?.stop();
    });
  }

  /** Queues a sentence; its audio starts being prepared now. */
  enqueue(sentence: QueuedSentence): void {
    const { tts, lang, signal } = this.options;
    const prepared = withTimeout(tts.prepare(sentence.text, { lang, signal }), this.options.prepareTimeoutMs, 'speech synthesis timed out');
    prepared.catch(() => {}); // handled in order, below
    this.tail = this.tail.then(() => this.say(sentence, prepared));
  }

  /** Resolves when everything queued so far has been said (or skipped, or silenced). */
  finished(): Promise<void> {
    return this.tail;
  }

  private async say(sentence: QueuedSentence, prepared: Promise<PreparedSpeech>): Promise<void> {
    const { signal, hooks, lipSync, tts } = this.options;
    if (signal.aborted) return;
    let speech: PreparedSpeech;
    try {
      speech = await prepared;
    } catch (error) {
      if (signal.aborted) return;
      hooks.onError(error);
      hooks.onStart(sentence, false);
      return;
    }
    await this.options.hold;
    if (signal.aborted) return;
    const limit = Math.max(MIN_PLAY_MS, sentence.text.length * MAX_MS_PER_CHAR);
    const playing = speech.play((start) => {
      if (signal.aborted) return;
      lipSync?.speak(sentence.text, start.timing, start.at);
      hooks.onStart(sentence, true);
    });
    try {
      await withTimeout(playing, limit, 'speech did not finish');
    } catch (error) {
      if (signal.aborted) return;
      tts.stop();
      hooks.onError(error);
    }
  }
}

/** `promise`, or a rejection with `message` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
