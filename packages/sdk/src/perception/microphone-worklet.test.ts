import { describe, expect, it } from 'vitest';
import { resample } from './audio-resample';
import { MICROPHONE_PROCESSOR, microphoneWorkletSource, type MicrophoneFrameMessage } from './microphone-worklet';

/** Evaluates the worklet source in a fake AudioWorkletGlobalScope and returns its processor. */
function loadProcessor(rate: number) {
  let registered: { name: string; ctor: new () => { process(inputs: Float32Array[][]): boolean; port: unknown } } | null = null;
  const posted: MicrophoneFrameMessage[] = [];
  class AudioWorkletProcessor {
    readonly port = { postMessage: (message: MicrophoneFrameMessage) => posted.push(message) };
  }
  const registerProcessor = (name: string, ctor: never) => (registered = { name, ctor });
  new Function('AudioWorkletProcessor', 'registerProcessor', 'sampleRate', microphoneWorkletSource())(AudioWorkletProcessor, registerProcessor, rate);
  return { registered: registered!, posted };
}

describe('microphone worklet', () => {
  it('registers its processor from a self-contained source text', () => {
    expect(loadProcessor(48_000).registered.name).toBe(MICROPHONE_PROCESSOR);
  });

  it('posts 512-sample 16 kHz frames equal to resampling the whole input, with running sample indices', () => {
    const { registered, posted } = loadProcessor(48_000);
    const processor = new registered.ctor();
    const input = Float32Array.from({ length: 48_000 }, (_, i) => Math.sin(i / 20));
    const right = input.map((x) => -x);
    // Stereo in, mono out: a left/right pair that cancels must give silence…
    processor.process([[input.subarray(0, 128), right.subarray(0, 128)]]);
    // …and mono quanta are resampled exactly as the one-shot resampler does.
    for (let i = 128; i < input.length; i += 128) processor.process([[input.subarray(i, i + 128)]]);
    expect(posted.length).toBe(Math.floor(16_000 / 512));
    expect(posted.map((m) => m.sampleIndex)).toEqual(posted.map((_, k) => k * 512));
    const mixed = Float32Array.from(input, (x, i) => (i < 128 ? 0 : x));
    const expected = resample(mixed, 48_000, 16_000);
    const frame = posted[5]!.frame;
    for (let i = 0; i < 512; i += 37) expect(frame[i]).toBeCloseTo(expected[5 * 512 + i]!, 5);
  });
});
