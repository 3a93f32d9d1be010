import type { PreparedSpeech, PrepareOptions, TtsProvider } from './tts-provider';

/** Milliseconds per character: a calm reading pace, as for the browser's voices. */
const MS_PER_CHAR = 68;

/**
 * No sound: each sentence takes as long as saying it would, so captions and the mouth
 * (which helps lip-readers) keep their pace. For silent kiosks and for pages that show
 * text only.
 */
export class SilentTts implements TtsProvider {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, () => void>();

  now(): number {
    return performance.now() / 1000;
  }

  async prepare(text: string, _options: PrepareOptions): Promise<PreparedSpeech> {
    const duration = text.length * MS_PER_CHAR;
    return {
      text,
      play: (onStart) =>
        new Promise<void>((resolve) => {
          onStart({ timing: { kind: 'duration', duration }, at: this.now() });
          const timer = setTimeout(() => {
            this.pending.delete(timer);
            resolve();
          }, duration);
          this.pending.set(timer, resolve);
        }),
    };
  }

  stop(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
