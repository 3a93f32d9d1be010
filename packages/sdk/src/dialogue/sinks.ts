import type { Mood } from '../avatar/expression-mixer';
import type { SpeechTiming } from '../lipsync/timeline';
import type { Point3 } from '../digital-human';

/** Where the conversation sends the mouth. {@link TtsLipSync} is the standard one. */
export interface LipSyncSink {
  /** `text` becomes audible at provider clock time `at` (s), with `timing`. */
  speak(text: string, timing: SpeechTiming, at: number): void;
  /** Silence the mouth at once (barge-in). */
  stop(): void;
}

/** Where the conversation sends expression and gaze: a `DigitalHuman` fits. */
export interface FaceSink {
  setMood(mood: Mood, intensity?: number): void;
  lookAt(point: Point3 | null): void;
}
