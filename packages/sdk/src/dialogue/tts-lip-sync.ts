import type { Language } from '../config';
import { loadG2P, type G2POptions } from '../lipsync/g2p';
import { LipSyncScheduler, type VisemeTarget } from '../lipsync/scheduler';
import { buildTimeline, type SpeechTiming } from '../lipsync/timeline';
import type { LipSyncSink } from './sinks';

/**
 * The bridge from a TTS to the lip-sync: reads each sentence with the language's G2P, places
 * it on the TTS's timing, and plays it on the TTS's clock, so the mouth follows the sound.
 *
 * ```ts
 * const lips = new TtsLipSync(human, () => tts.now(), () => 'nl');
 * ```
 */
export class TtsLipSync implements LipSyncSink {
  readonly scheduler: LipSyncScheduler;
  /** Sentences whose G2P is still loading when `stop()` comes are dropped by generation. */
  private generation = 0;

  constructor(
    target: VisemeTarget,
    clock: () => number,
    private readonly lang: () => Language,
    /** Where the English dictionary is served from (`config.assetBaseUrl`), and its progress. */
    private readonly g2pOptions: G2POptions = {},
  ) {
    this.scheduler = new LipSyncScheduler({ target, clock });
    this.scheduler.start();
  }

  speak(text: string, timing: SpeechTiming, at: number): void {
    const generation = this.generation;
    void loadG2P(this.lang(), this.g2pOptions).then((g2p) => {
      if (generation === this.generation) void this.scheduler.enqueue(buildTimeline(text, timing, g2p), at);
    });
  }

  stop(): void {
    this.generation++;
    this.scheduler.stop();
  }

  dispose(): void {
    this.generation++;
    this.scheduler.dispose();
  }
}
