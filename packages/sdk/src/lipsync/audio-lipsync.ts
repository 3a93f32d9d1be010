import { AudioVisemeAnalyzer, type AudioVisemeModel } from './audio-visemes';
import type { VisemeTarget } from './scheduler';

/**
 * The AudioWorklet side: copies what passes through (mono mix) and posts it with the
 * audio clock time of its first sample, 1024 samples at a time. Analysis runs on the
 * receiving side, so the audio thread only copies and never misses its deadline.
 */
const PROCESSOR = `
class DigimensLipTap extends AudioWorkletProcessor {
  constructor() { super(); this.buf = new Float32Array(1024); this.n = 0; this.t = 0; }
  process(inputs, outputs) {
    const input = inputs[0], output = outputs[0];
    if (input && input.length) {
      const len = input[0].length;
      for (let c = 0; c < output.length; c++) output[c].set(input[Math.min(c, input.length - 1)]);
      if (this.n === 0) this.t = currentTime;
      for (let i = 0; i < len; i++) {
        let s = 0;
        for (let c = 0; c < input.length; c++) s += input[c][i];
        this.buf[this.n++] = s / input.length;
        if (this.n === this.buf.length) {
          this.port.postMessage({ time: this.t, samples: this.buf }, [this.buf.buffer]);
          this.buf = new Float32Array(1024);
          this.n = 0;
          this.t = currentTime + (i + 1) / sampleRate;
        }
      }
    }
    return true;
  }
}
registerProcessor('digimens-lip-tap', DigimensLipTap);
`;

const registered = new WeakMap<BaseAudioContext, Promise<void>>();

/**
 * Audio-driven lip-sync for a playing source: insert it between the source and the
 * speakers (`source → node → destination`) and the mouth follows the sound.
 *
 * ```ts
 * const lips = await AudioLipSync.create(context, human);
 * source.connect(lips.node).connect(context.destination);
 * ```
 */
export class AudioLipSync {
  private readonly analyzer: AudioVisemeAnalyzer;

  private constructor(
    /** Pass-through node to route the speech through. */
    readonly node: AudioWorkletNode,
    private readonly target: VisemeTarget,
    model: AudioVisemeModel | undefined,
  ) {
    this.analyzer = new AudioVisemeAnalyzer(model);
    node.port.onmessage = (event: MessageEvent<{ time: number; samples: Float32Array }>) => {
      const frames = this.analyzer.push(event.data.samples, node.context.sampleRate, event.data.time);
      const last = frames.at(-1);
      if (last) this.target.setVisemes(last.weights);
    };
  }

  /** Loads the worklet (once per context) and creates the pass-through node. */
  static async create(context: BaseAudioContext, target: VisemeTarget, model?: AudioVisemeModel): Promise<AudioLipSync> {
    let ready = registered.get(context);
    if (!ready) {
      const url = URL.createObjectURL(new Blob([PROCESSOR], { type: 'text/javascript' }));
      ready = context.audioWorklet.addModule(url).finally(() => URL.revokeObjectURL(url));
      registered.set(context, ready);
    }
    await ready;
    return new AudioLipSync(new AudioWorkletNode(context, 'digimens-lip-tap', { outputChannelCount: [1] }), target, model);
  }

  /** Disconnects and sends the mouth to rest. */
  stop(): void {
    this.node.port.onmessage = null;
    this.node.disconnect();
    this.target.setVisemes({});
  }
}
