import type { Language } from '../../config';
import type { SpeechTiming } from '../../lipsync/timeline';

/** The moment speech becomes audible, for lip-sync. */
export interface SpeechStart {
  /** What the TTS knows about when each sound is said (at least the length). */
  timing: SpeechTiming;
  /** Provider clock time (s, see {@link TtsProvider.now}) at which the audio starts. */
  at: number;
}

/** One sentence ready to be said (audio fetched or synthesised ahead). */
export interface PreparedSpeech {
  readonly text: string;
  /**
   * Says it. `onStart` runs once, when the sound starts. Resolves when it has been said
   * or stopped by {@link TtsProvider.stop}; rejects when the sound cannot be played.
   */
  play(onStart: (start: SpeechStart) => void): Promise<void>;
}

/** Options of {@link TtsProvider.prepare}. */
export interface PrepareOptions {
  lang: Language;
  /** Aborts a synthesis in flight (barge-in). */
  signal: AbortSignal;
}

/**
 * A text-to-speech engine. Preparing is separate from playing so the conversation can
 * synthesise sentence 2 while sentence 1 plays, with no gap between them.
 */
export interface TtsProvider {
  /**
   * The clock (s) that {@link SpeechStart.at} refers to: `AudioContext.currentTime` for
   * Web Audio providers. A lip-sync scheduler runs on this clock so the mouth follows the sound.
   */
  now(): number;
  prepare(text: string, options: PrepareOptions): Promise<PreparedSpeech>;
  /** Silences whatever plays, at once; pending plays resolve. */
  stop(): void;
}
