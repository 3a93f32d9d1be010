import { StreamResampler } from './audio-resample';

/** Name the capture processor is registered under. */
export const MICROPHONE_PROCESSOR = 'digimens-microphone';

/** Message from the worklet: one 512-sample frame at 16 kHz and its index in the stream. */
export interface MicrophoneFrameMessage {
  frame: Float32Array;
  /** Index of the frame's first sample in the 16 kHz stream since capture started. */
  sampleIndex: number;
}

// The AudioWorkletGlobalScope's names, for the type checker only (no runtime code).
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/**
 * The AudioWorklet module, as source text for a Blob URL. The processor resamples each
 * 128-sample render quantum to 16 kHz with {@link StreamResampler} (its class source is
 * embedded, so no second resampler exists), collects the output in a ring buffer and
 * posts whole 512-sample frames (Silero VAD's frame) to the main thread.
 *
 * Why a Blob and not a separate file: the IIFE build is one script without `import.meta`,
 * and a worklet file would be one more asset that a site must serve from the right place.
 * The Blob is built from functions of this bundle, so it is always in step with it.
 * (A page whose CSP forbids `blob:` in `script-src` needs `worker-src blob:`.)
 */
export function microphoneWorkletSource(): string {
  return `const StreamResampler = (${StreamResampler.toString()});\n(${defineProcessor.toString()})(StreamResampler, ${JSON.stringify(MICROPHONE_PROCESSOR)});\n`;
}

/** Runs inside the worklet scope: only its parameters and worklet globals are in reach. */
function defineProcessor(Resampler: typeof StreamResampler, name: string): void {
  const FRAME = 512;
  class MicrophoneCapture extends AudioWorkletProcessor {
    private readonly resampler = new Resampler(sampleRate, 16_000);
    /** Ring buffer of 16 kHz samples not yet posted (2 s: ample for a busy main thread). */
    private readonly ring = new Float32Array(32_768);
    private write = 0;
    private read = 0;
    private posted = 0;

    process(inputs: Float32Array[][]): boolean {
      const channels = inputs[0];
      const first = channels?.[0];
      if (!channels || !first) return true;
      // Mono mix (echo-cancelled capture is mono already; a stereo device is averaged).
      let mono = first;
      if (channels.length > 1) {
        mono = new Float32Array(first.length);
        for (const channel of channels) for (let i = 0; i < mono.length; i++) mono[i] = mono[i]! + channel[i]! / channels.length;
      }
      const resampled = this.resampler.process(mono);
      const size = this.ring.length;
      for (let i = 0; i < resampled.length; i++) {
        this.ring[this.write % size] = resampled[i]!;
        this.write++;
      }
      // A stalled consumer cannot happen here (we post eagerly), but never read stale data.
      if (this.write - this.read > size) this.read = this.write - size;
      while (this.write - this.read >= FRAME) {
        const frame = new Float32Array(FRAME);
        for (let i = 0; i < FRAME; i++) frame[i] = this.ring[(this.read + i) % size]!;
        this.read += FRAME;
        this.port.postMessage({ frame, sampleIndex: this.posted }, [frame.buffer]);
        this.posted += FRAME;
      }
      return true;
    }
  }
  registerProcessor(name, MicrophoneCapture as unknown as new () => AudioWorkletProcessor);
}
