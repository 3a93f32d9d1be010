import { TypedEmitter } from '../util/emitter';
import { VAD_FRAME_SAMPLES } from './vad-silero';

/** Speech probability (0–1) of one 16 kHz frame; Silero VAD in production, a fake in tests. */
export type SpeechScorer = (frame: Float32Array) => Promise<number>;

/** Tuning of {@link SpeechDetector}. Times are in ms of audio. */
export interface SpeechDetectorOptions {
  /** A frame at or above this probability is speech. Default 0.5. */
  positiveThreshold: number;
  /** Once speaking, only frames below this count as silence (hysteresis). Default 0.35. */
  negativeThreshold: number;
  /**
   * Consecutive speech frames before `speech-start` (default 3 = 96 ms). One loud frame
   * (a cough, a door, a click) must not start a turn or a barge-in.
   */
  startFrames: number;
  /** Silence that ends an utterance. Default 700. */
  endSilenceMs: number;
  /** Utterances shorter than this end as `misfire`, not `speech-end`. Default 250. */
  minSpeechMs: number;
  /** Audio kept from before the onset, so the utterance's first syllable is whole. Default 200. */
  preSpeechPadMs: number;
  /** An utterance is cut (and a new one may start) after this long. Default 15000. */
  maxSpeechMs: number;
  /** After the avatar stops speaking, frames stay ignored this long (output latency, room echo). Default 300. */
  gateReleaseMs: number;
  /**
   * Most frames waiting to be scored (default 94, about 3 s of audio). A frame pushed while
   * this many wait is dropped, not queued: on a device that cannot score in real time the
   * detector then lags at most this much behind the microphone, instead of further and
   * further (with memory growing) for as long as capture runs. An `overrun` event marks the
   * first dropped frame of each such stretch. The default leaves room for the burst of
   * frames that arrives after the page's main thread was blocked for a second or two.
   */
  maxQueuedFrames: number;
}

export const DEFAULT_SPEECH_DETECTOR: Readonly<SpeechDetectorOptions> = Object.freeze({
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  startFrames: 3,
  endSilenceMs: 700,
  minSpeechMs: 250,
  preSpeechPadMs: 200,
  maxSpeechMs: 15_000,
  gateReleaseMs: 300,
  maxQueuedFrames: 94,
});

/** Payload of `speech-start`. */
export interface SpeechStartEvent {
  /** Stream time (ms since capture start) of the first frame of the speech run. */
  atMs: number;
  /** Stream time at which the onset was confirmed (end of the last of `startFrames`). */
  detectedAtMs: number;
}

/** Payload of `speech-end`: one utterance. */
export interface SpeechEndEvent {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Why it ended: enough silence, the avatar started speaking, or `maxSpeechMs`. */
  reason: 'silence' | 'gated' | 'max-length';
  /** The utterance's audio (16 kHz mono, with `preSpeechPadMs` before the onset). Stays on the device. */
  audio: Float32Array;
}

/** Payload of `misfire`: a speech start that turned out shorter than `minSpeechMs`. */
export interface MisfireEvent {
  startMs: number;
  endMs: number;
}

/** Payload of `overrun`: scoring fell `maxQueuedFrames` behind; frames from `atMs` on are dropped until it catches up. */
export interface OverrunEvent {
  /** Stream time of the first dropped frame. */
  atMs: number;
  /** Frames dropped since the detector was created, this one included. */
  droppedFrames: number;
}

/** Payload of `frame`: every scored frame (for meters and benchmarks). */
export interface VadFrameEvent {
  atMs: number;
  probability: number;
  speaking: boolean;
}

/** Events of {@link SpeechDetector}. */
export interface SpeechDetectorEvents {
  'speech-start': SpeechStartEvent;
  'speech-end': SpeechEndEvent;
  misfire: MisfireEvent;
  overrun: OverrunEvent;
  frame: VadFrameEvent;
}

const FRAME_MS = (VAD_FRAME_SAMPLES / 16_000) * 1000;

/**
 * Turns per-frame speech probabilities into utterances: onset after `startFrames`
 * consecutive speech frames, end after `endSilenceMs` of silence (with hysteresis between
 * the two thresholds), short blips reported as misfires. While the avatar speaks
 * ({@link setAvatarSpeaking}) frames are not scored at all, so its own voice coming back
 * through the speakers can never become the user's turn.
 */
export class SpeechDetector extends TypedEmitter<SpeechDetectorEvents> {
  private readonly options: SpeechDetectorOptions;
  private queue: Promise<void> = Promise.resolve();
  /** Frames pushed and not yet processed. */
  private queued = 0;
  private dropped = 0;
  /** Whether the last pushed frame was dropped (an overrun stretch is under way). */
  private overrunning = false;
  private speaking = false;
  private run = 0;
  private runStartMs = 0;
  private startMs = 0;
  private lastSpeechEndMs = 0;
  private silentMs = 0;
  private readonly preSpeech: Float32Array[] = [];
  private segment: Float32Array[] = [];
  private avatarSpeaking = false;
  /** Stream time until which frames are ignored after the avatar stopped; −1: none pending. */
  private gatedUntilMs = -1;
  private releasePending = false;
  /** Stream time of the last frame pushed. */
  private lastFrameMs = 0;

  constructor(
    private readonly score: SpeechScorer,
    options: Partial<SpeechDetectorOptions> = {},
    /** Called when scoring resumes after a gate, to drop recurrent model state. */
    private readonly resetScorer: () => void = () => {},
  ) {
    super();
    this.options = { ...DEFAULT_SPEECH_DETECTOR, ...options };
    if (this.options.negativeThreshold > this.options.positiveThreshold) throw new RangeError('negativeThreshold must not exceed positiveThreshold');
    if (this.options.startFrames < 1) throw new RangeError('startFrames must be at least 1');
    if (this.options.maxQueuedFrames < 1) throw new RangeError('maxQueuedFrames must be at least 1');
  }

  /** Whether an utterance is in progress. */
  get isSpeaking(): boolean {
    return this.speaking;
  }

  /**
   * Gate: call with `true` when the avatar starts speaking and `false` when it stops.
   * An utterance in progress ends (`reason: 'gated'`); frames are ignored until
   * `gateReleaseMs` after the avatar stopped.
   */
  setAvatarSpeaking(speaking: boolean): void {
    if (speaking === this.avatarSpeaking) return;
    this.avatarSpeaking = speaking;
    this.queue = this.queue.then(() => {
      if (speaking) {
        if (this.speaking) this.finish(this.lastFrameEndMs(), 'gated');
        this.resetRun();
        this.releasePending = false;
      } else {
        this.releasePending = true;
      }
    });
  }

  /**
   * Feeds one 512-sample frame at 16 kHz that starts at stream time `atMs`. Frames are
   * processed strictly in order; the promise resolves when this one has been.
   */
  push(frame: Float32Array, atMs: number): Promise<void> {
    if (this.queued >= this.options.maxQueuedFrames) {
      this.dropped++;
      if (!this.overrunning) this.emit('overrun', { atMs, droppedFrames: this.dropped });
      this.overrunning = true;
      return this.queue;
    }
    this.overrunning = false;
    this.queued++;
    this.queue = this.queue.then(() => this.step(frame, atMs)).finally(() => this.queued--);
    return this.queue;
  }

  /** Frames dropped so far because scoring fell `maxQueuedFrames` behind. */
  get droppedFrames(): number {
    return this.dropped;
  }

  /** Ends an utterance in progress (capture stopped) and waits for queued frames. */
  async flush(): Promise<void> {
    await this.queue;
    if (this.speaking) this.finish(this.lastFrameEndMs(), 'silence');
  }

  private lastFrameEndMs(): number {
    return this.lastFrameMs + FRAME_MS;
  }

  private async step(frame: Float32Array, atMs: number): Promise<void> {
    this.lastFrameMs = atMs;
    if (this.releasePending) {
      this.gatedUntilMs = atMs + this.options.gateReleaseMs;
      this.releasePending = false;
    }
    if (this.avatarSpeaking || atMs < this.gatedUntilMs) return;
    if (this.gatedUntilMs >= 0) {
      this.gatedUntilMs = -1;
      this.resetScorer();
    }

    const probability = await this.score(frame);
    const o = this.options;
    if (!this.speaking) {
      this.preSpeech.push(frame);
      const keep = Math.ceil(o.preSpeechPadMs / FRAME_MS) + o.startFrames;
      while (this.preSpeech.length > keep) this.preSpeech.shift();
      if (probability >= o.positiveThreshold) {
        if (this.run === 0) this.runStartMs = atMs;
        this.run++;
        if (this.run >= o.startFrames) {
          this.speaking = true;
          this.startMs = this.runStartMs;
          this.lastSpeechEndMs = atMs + FRAME_MS;
          this.silentMs = 0;
          this.segment = [...this.preSpeech];
          this.preSpeech.length = 0;
          this.emit('speech-start', { atMs: this.startMs, detectedAtMs: atMs + FRAME_MS });
        }
      } else {
        this.run = 0;
      }
    } else {
      this.segment.push(frame);
      if (probability < o.negativeThreshold) {
        this.silentMs += FRAME_MS;
        if (this.silentMs >= o.endSilenceMs) this.finish(this.lastSpeechEndMs, 'silence');
      } else {
        this.silentMs = 0;
        this.lastSpeechEndMs = atMs + FRAME_MS;
        if (this.lastSpeechEndMs - this.startMs >= o.maxSpeechMs) this.finish(this.lastSpeechEndMs, 'max-length');
      }
    }
    this.emit('frame', { atMs, probability, speaking: this.speaking });
  }

  private finish(endMs: number, reason: SpeechEndEvent['reason']): void {
    const durationMs = endMs - this.startMs;
    const frames = this.segment;
    this.speaking = false;
    this.segment = [];
    this.resetRun();
    if (durationMs < this.options.minSpeechMs) {
      this.emit('misfire', { startMs: this.startMs, endMs });
      return;
    }
    // Keep the audio up to the last speech frame plus a little of the trailing silence.
    const trailingFrames = Math.max(0, Math.floor((this.silentMs - 100) / FRAME_MS));
    const used = frames.slice(0, Math.max(1, frames.length - trailingFrames));
    const audio = new Float32Array(used.length * VAD_FRAME_SAMPLES);
    used.forEach((f, i) => audio.set(f, i * VAD_FRAME_SAMPLES));
    this.emit('speech-end', { startMs: this.startMs, endMs, durationMs, reason, audio });
  }

  private resetRun(): void {
    this.run = 0;
    this.silentMs = 0;
    this.preSpeech.length = 0;
  }
}
