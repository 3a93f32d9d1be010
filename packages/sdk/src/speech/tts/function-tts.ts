import type { Language } from '../../config';
import type { SpeechTiming } from '../../lipsync/timeline';
import { AudioPlayer } from './audio-player';
import type { PreparedSpeech, PrepareOptions, TtsProvider } from './tts-provider';

/** Audio a custom TTS function returns: an encoded file, decoded audio, or raw mono samples. */
export type SynthesizedAudio = ArrayBuffer | AudioBuffer | { samples: Float32Array; sampleRate: number };

/** What a custom TTS function returns. */
export interface Synthesized {
  audio: SynthesizedAudio;
  /** Phoneme or word timings, if the engine gives them; otherwise lip-sync spreads the text over the audio's length. */
  timing?: SpeechTiming;
}

/** A custom TTS: text in, audio (and optionally timings) out. */
export type SynthesizeFunction = (text: string, options: { lang: Language; signal: AbortSignal }) => Promise<Synthesized>;

/**
 * A {@link TtsProvider} around any function that synthesises audio (a cloud TTS, a WASM
 * engine, recorded clips), played through Web Audio so lip-sync follows the audio clock.
 */
export class FunctionTts implements TtsProvider {
  readonly player: AudioPlayer;

  constructor(
    private readonly synthesize: SynthesizeFunction,
    options: { context?: AudioContext } = {},
  ) {
    this.player = new AudioPlayer(options.context);
  }

  now(): number {
    return this.player.now();
  }

  async prepare(text: string, options: PrepareOptions): Promise<PreparedSpeech> {
    const { audio, timing } = await this.synthesize(text, options);
    const buffer = await this.toBuffer(audio);
    const speechTiming: SpeechTiming = timing ?? { kind: 'duration', duration: buffer.duration * 1000 };
    return {
      text,
      play: (onStart) => this.player.play(buffer, (at) => onStart({ timing: speechTiming, at })),
    };
  }

  stop(): void {
    this.player.stop();
  }

  private toBuffer(audio: SynthesizedAudio): Promise<AudioBuffer> | AudioBuffer {
    if (audio instanceof ArrayBuffer) return this.player.decode(audio);
    if ('samples' in audio) return this.player.fromSamples(audio.samples, audio.sampleRate);
    return audio;
  }
}
