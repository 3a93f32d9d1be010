/**
 * Plays decoded audio on one AudioContext and stops it at once on demand. The context's
 * clock is the one lip-sync follows.
 */
export class AudioPlayer {
  private contextValue: AudioContext | null;
  private readonly playing = new Set<{ source: AudioBufferSourceNode; done: () => void }>();

  constructor(context?: AudioContext) {
    this.contextValue = context ?? null;
  }

  /** The context, created on first use (browsers want a user gesture before it may run). */
  get context(): AudioContext {
    this.contextValue ??= new AudioContext();
    return this.contextValue;
  }

  /** Current time of the audio clock (s). */
  now(): number {
    return this.contextValue?.currentTime ?? 0;
  }

  /** Decodes an encoded file (WAV, MP3, Opus…). */
  decode(data: ArrayBuffer): Promise<AudioBuffer> {
    return this.context.decodeAudioData(data);
  }

  /** Wraps raw mono samples. */
  fromSamples(samples: Float32Array, sampleRate: number): AudioBuffer {
    const buffer = this.context.createBuffer(1, Math.max(1, samples.length), sampleRate);
    buffer.getChannelData(0).set(samples);
    return buffer;
  }

  /**
   * Plays `buffer` from now; `onStart` gets the clock time the sound starts. Resolves when
   * it ends or is stopped.
   */
  async play(buffer: AudioBuffer, onStart: (at: number) => void): Promise<void> {
    const context = this.context;
    if (context.state === 'suspended') await context.resume();
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    return new Promise((resolve) => {
      const entry = { source, done: () => resolve() };
      this.playing.add(entry);
      source.onended = () => {
        this.playing.delete(entry);
        resolve();
      };
      const at = context.currentTime;
      source.start(at);
      onStart(at);
    });
  }

  /** Stops every sound at once. */
  stop(): void {
    for (const entry of [...this.playing]) {
      this.playing.delete(entry);
      entry.source.onended = null;
      try {
        entry.source.stop();
      } catch {
        // Already stopped.
      }
      entry.done();
    }
  }
}
