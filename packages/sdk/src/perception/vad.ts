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
  /**
   * Silence after which the utterance *may* be over: a `pause` event (with the audio so
   * far) lets transcription and the reply start early, to be dropped on `resume` if the
   * person goes on. Default 250: pauses between words and within phrases are mostly
   * shorter; ends of turns are longer. Set it to `endSilenceMs` or more for no pauses.
   */
  pauseMs: number;
  /** Utterances shorter than this end as `misfire`, not `speech-end`. Default 250. */
  minSpeechMs: number;
  /** Audio kept from before the onset, so the utterance's first syllable is whole. Default 200. */
  preSpeechPadMs: number;
  /** An utterance is cut (and a new one may start) after this long. Default 15000. */
  maxSpeechMs: number;
  /**
   * While the avatar speaks (and for `gateReleaseMs` after), a frame counts as speech only
   * at or above this probability. Default 0.8: echo-cancelled residue of the avatar's voice
   * scores in the middle of the scale; a person talking into the microphone scores near 1.
   */
  bargeInThreshold: number;
  /**
   * While the avatar speaks, consecutive speech frames before `speech-start` (a barge-in).
   * Default 8 = 256 ms: longer than a backchannel ("mm", "ja") or a cough, which should
   * not stop the avatar; short enough that a person who talks over it is heard at once.
   */
  bargeInFrames: number;
  /** After the avatar stops speaking, the strict (barge-in) onset stays this long (output latency, room echo). Default 300. */
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
  pauseMs: 250,
  minSpeechMs: 250,
  preSpeechPadMs: 200,
  maxSpeechMs: 15_000,
  bargeInThreshold: 0.8,
  bargeInFrames: 8,
  gateReleaseMs: 300,
  maxQueuedFrames: 94,
});

/** Payload of `speech-start`. */
export interface SpeechStartEvent {
  /** Stream time (ms since capture start) of the first frame of the speech run. */
  atMs: number;
  /** Stream time at which the onset was confirmed (end of the last of `startFrames`). */
  detectedAtMs: number;
  /** Heard over the avatar's voice (with the strict onset): the person interrupts. */
  bargeIn: boolean;
}

/** Payload of `speech-end`: one utterance. */
export interface SpeechEndEvent {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Why it ended: enough silence, the avatar started speaking over it, or `maxSpeechMs`. */
  reason: 'silence' | 'gated' | 'max-length';
  /** The utterance's audio (16 kHz mono, with `preSpeechPadMs` before the onset). Stays on the device. */
  audio: Float32Array;
}

/** Payload of `pause`: the utterance so far, which may turn out to be all of it. */
export interface SpeechPauseEvent {
  startMs: number;
  /** End of the last speech frame so far. */
  endMs: number;
  /** The same audio `speech-end` will carry if the person says no more. Stays on the device. */
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
  /** `pauseMs` of silence within an utterance: it may be over (see {@link SpeechDetectorOptions.pauseMs}). */
  pause: SpeechPauseEvent;
  /** Speech again after a `pause`: the utterance goes on; whatever was started early is stale. */
  resume: { atMs: number };
  misfire: MisfireEvent;
  overrun: OverrunEvent;
  frame: VadFrameEvent;
}

const FRAME_MS = (VAD_FRAME_SAMPLES / 16_000) * 1000;

/**
 * Turns per-frame speech probabilities into utterances: onset after `startFrames`
 * consecutive speech frames, end after `endSilenceMs` of silence (with hysteresis between
 * the two thresholds), short blips reported as misfires. While the avatar speaks
 * ({@link setAvatarSpeaking}) the onset is strict (`bargeInThreshold`, `bargeInFrames`):
 * with echo-cancelled capture, the residue of its own voice and short noises stay below
 * it, while a person who talks over the avatar starts a turn (`bargeIn: true`).
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
  /** A `pause` was emitted for the current silence. */
  private paused = false;
  private readonly preSpeech: Float32Array[] = [];
  private segment: Float32Array[] = [];
  private avatarSpeaking = false;
  /** Stream time until which the strict onset holds after the avatar stopped. */
  private strictUntilMs = -1;
  private releasePending = false;
  /** Stream time of the last frame pushed. */
  private lastFrameMs = 0;

  constructor(
    private readonly score: SpeechScorer,
    options: Partial<SpeechDetectorOptions> = {},
  ) {
    super();
    this.options = { ...DEFAULT_SPEECH_DETECTOR, ...options };
    if (this.options.negativeThreshold > this.options.positiveThreshold) throw new RangeError('negativeThreshold must not exceed positiveThreshold');
    if (this.options.startFrames < 1 || this.options.bargeInFrames < 1) throw new RangeError('startFrames and bargeInFrames must be at least 1');
    if (this.options.maxQueuedFrames < 1) throw new RangeError('maxQueuedFrames must be at least 1');
  }

  /** Whether an utterance is in progress. */
  get isSpeaking(): boolean {
    return this.speaking;
  }

  /**
   * Call with `true` when the avatar starts speaking and `false` when it stops. An
   * utterance in progress ends (`reason: 'gated'`); the strict onset holds until
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
      this.strictUntilMs = atMs + this.options.gateReleaseMs;
      this.releasePending = false;
    }
    const strict = this.avatarSpeaking || atMs < this.strictUntilMs;

    const probability = await this.score(frame);
    const o = this.options;
    if (!this.speaking) {
      if (probability >= (strict ? o.bargeInThreshold : o.positiveThreshold)) {
        if (this.run === 0) this.runStartMs = atMs;
        this.run++;
      } else {
        this.run = 0;
      }
      // Keep the run so far and the pad before it: the utterance's first syllable stays whole.
      this.preSpeech.push(frame);
      while (this.preSpeech.length > Math.ceil(o.preSpeechPadMs / FRAME_MS) + this.run) this.preSpeech.shift();
      if (this.run >= (strict ? o.bargeInFrames : o.startFrames)) {
        this.speaking = true;
        this.startMs = this.runStartMs;
        this.lastSpeechEndMs = atMs + FRAME_MS;
        this.silentMs = 0;
        this.segment = [...this.preSpeech];
        this.preSpeech.length = 0;
        this.emit('speech-start', { atMs: this.startMs, detectedAtMs: atMs + FRAME_MS, bargeIn: strict });
      }
    } else {
      this.segment.push(frame);
      if (probability < o.negativeThreshold) {
        this.silentMs += FRAME_MS;
        if (this.silentMs >= o.endSilenceMs) this.finish(this.lastSpeechEndMs, 'silence');
        else if (!this.paused && this.silentMs >= o.pauseMs && this.lastSpeechEndMs - this.startMs >= o.minSpeechMs) {
          this.paused = true;
          this.emit('pause', { startMs: this.startMs, endMs: this.lastSpeechEndMs, audio: this.utteranceAudio(this.segment, this.silentMs) });
        }
      } else {
        if (this.paused) this.emit('resume', { atMs });
        this.paused = false;
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
    const trailingSilenceMs = this.silentMs;
    this.speaking = false;
    this.segment = [];
    this.resetRun();
    if (durationMs < this.options.minSpeechMs) {
      this.emit('misfire', { startMs: this.startMs, endMs });
      return;
    }
    this.emit('speech-end', { startMs: this.startMs, endMs, durationMs, reason, audio: this.utteranceAudio(frames, trailingSilenceMs) });
  }

  /** The utterance's frames up to the last speech frame plus ~100 ms of the silence after it. */
  private utteranceAudio(frames: readonly Float32Array[], trailingSilenceMs: number): Float32Array {
    const trailingFrames = Math.max(0, Math.floor((trailingSilenceMs - 100) / FRAME_MS));
    const used = frames.slice(0, Math.max(1, frames.length - trailingFrames));
    const audio = new Float32Array(used.length * VAD_FRAME_SAMPLES);
    used.forEach((f, i) => audio.set(f, i * VAD_FRAME_SAMPLES));
    return audio;
  }

  private resetRun(): void {
    this.run = 0;
    this.silentMs = 0;
    this.paused = false;
    this.preSpeech.length = 0;
  }
}
