import type { Mood } from '../avatar/expression-mixer';
import type { Language } from '../config';

/**
 * The person's affect as perception estimates it, in the few numbers a reply needs.
 * Perception's fused affect state satisfies this shape.
 */
export interface AffectSnapshot {
  /** A word for the state, e.g. `tense`, `sad`, `calm`, `happy`. */
  label: string;
  /** −1 (negative) … 1 (positive). */
  valence: number;
  /** 0 (calm) … 1 (agitated). */
  arousal: number;
  /** 0–1: how sure perception is. */
  confidence: number;
}

/** One turn of the conversation so far. */
export interface DialogueTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** What a brain gets to answer. */
export interface BrainRequest {
  /** Earlier turns, oldest first, ending with the user turn to answer. */
  history: readonly DialogueTurn[];
  lang: Language;
  /** The person's current affect, when perception knows it. */
  affect: AffectSnapshot | null;
}

/** An expression the avatar performs from where it appears in the reply on. */
export interface ExpressionCue {
  mood: Mood;
  /** 0–1. */
  intensity: number;
}

/**
 * A piece of a streamed reply, in order:
 * - `text`: the next characters to say (cue tags already removed);
 * - `cue`: an expression, taking effect at this point of the text;
 * - `handover`: the brain wants a human colleague to take over (the `handover_to_human` tool).
 */
export type BrainChunk =
  | { type: 'text'; text: string }
  | { type: 'cue'; cue: ExpressionCue }
  | { type: 'handover'; reason: string };

/**
 * Anything that answers: a language model behind the proxy ({@link OpenAIBrain}) or the
 * offline {@link ScriptedBrain}. Replies stream so speech can start on the first sentence.
 * Implementations stop promptly when `signal` aborts (barge-in) and throw on failure;
 * the conversation turns failures into a spoken apology.
 */
export interface Brain {
  reply(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk>;
}

/** Why a reply failed, for the apology and for logs. */
export type BrainErrorKind = 'timeout' | 'server' | 'network' | 'cut' | 'refused';

/** A failed reply; `retryable` says whether asking again may help. */
export class BrainError extends Error {
  override name = 'BrainError';
  constructor(
    readonly kind: BrainErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get retryable(): boolean {
    return this.kind !== 'refused';
  }
}
