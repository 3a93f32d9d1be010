import type { VisemeWeights } from '../avatar/expression-mixer';
import { visemeWeightsAt } from './coarticulation';
import type { LipTimeline } from './timeline';

/** Where mouth shapes go: a `DigitalHuman`, or anything with the same method. */
export interface VisemeTarget {
  setVisemes(weights: VisemeWeights): void;
}

/** Options of a {@link LipSyncScheduler}. */
export interface LipSyncSchedulerOptions {
  /** Receives the mouth every {@link LipSyncScheduler.update}. */
  target: VisemeTarget;
  /**
   * The audio clock in seconds, e.g. `() => audioContext.currentTime`. The mouth follows
   * this clock, not the frame clock, so it stays locked to the sound even when frames drop.
   */
  clock: () => number;
  /** Seconds between the clock and what the listener hears (`audioContext.outputLatency`). */
  latency?: number;
}

interface Scheduled {
  timeline: LipTimeline;
  /** Clock time (s) at which the utterance's audio starts. */
  at: number;
  done: () => void;
}

/**
 * Plays lip-sync timelines against an audio clock. Utterances queue (a streaming TTS
 * can enqueue the next sentence while the current one plays), `stop()` silences the
 * mouth at once, and mouth arbitration with moods is left to the target (the avatar's
 * expression mixer tones moods down while visemes move and smooths the return to rest).
 *
 * ```ts
 * const lips = new LipSyncScheduler({ target: human, clock: () => audio.currentTime });
 * source.start(at);
 * lips.enqueue(buildTimeline(text, { kind: 'words', words }, g2p), at);
 * lips.start(); // or call lips.update() from your own frame loop
 * ```
 */
export class LipSyncScheduler {
  private readonly queue: Scheduled[] = [];
  private frame = 0;
  private resting = true;

  constructor(private readonly options: LipSyncSchedulerOptions) {}

  /** Whether an utterance is playing or waiting. */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Queues `timeline` to start at clock time `at` (s); by default right after the last
   * queued utterance, or now. Resolves when it has played, or when it is stopped.
   */
  enqueue(timeline: LipTimeline, at?: number): Promise<void> {
    const last = this.queue.at(-1);
    const start = at ?? (last ? last.at + last.timeline.duration / 1000 : this.options.clock());
    return new Promise((done) => {
      this.queue.push({ timeline, at: start, done });
      this.queue.sort((a, b) => a.at - b.at);
    });
  }

  /** Drops everything queued and sends the mouth to rest (barge-in, interruption). */
  stop(): void {
    for (const item of this.queue.splice(0)) item.done();
    this.rest();
  }

  /** Sends the mouth for the current clock time to the target; call once per frame. */
  update(): void {
    const now = this.options.clock() - (this.options.latency ?? 0);
    // Utterances are kept until their coarticulation tail (mouth closing) has played.
    while (this.queue[0] && now > this.queue[0].at + (this.queue[0].timeline.duration + 200) / 1000) this.queue.shift()!.done();
    // Within reach: from the anticipation before an utterance to its tail after. When two
    // overlap (back-to-back sentences), the one that has started wins over the old tail.
    const near = this.queue.filter((item) => now >= item.at - 0.2 && now <= item.at + (item.timeline.duration + 200) / 1000);
    const current = near.findLast((item) => item.at <= now) ?? near[0];
    if (!current) {
      this.rest();
      return;
    }
    this.resting = false;
    this.options.target.setVisemes(visemeWeightsAt(current.timeline, (now - current.at) * 1000));
  }

  /** Runs {@link update} on every animation frame until {@link dispose}. */
  start(): void {
    if (this.frame) return;
    const loop = () => {
      this.update();
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  /** Stops the frame loop and the mouth. */
  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.stop();
  }

  private rest(): void {
    if (this.resting) return;
    this.resting = true;
    this.options.target.setVisemes({});
  }
}
