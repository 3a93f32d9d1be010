import type { InferenceSession } from 'onnxruntime-web';
import { loadModel } from '../models/model-loader';
import { MODEL_MANIFEST } from '../models/manifest';
import type { ModelEntry } from '../models/model-entry';
import type { DownloadProgress } from '../util/fetch-bytes';
import { createOnnxSession, type OnnxBackend, type OnnxRuntime } from './onnx';
import { VOICE_EMOTION_LABELS, type VoiceEmotionLabel } from './voice-emotion-labels';
import { VOICE_FEATURE_COUNT, VOICE_SAMPLE_RATE, VoiceFeatureExtractor } from './voice-features';
import { SpeakerFeatureStats } from './voice-speaker-adaptation';

/** What the voice says about the speaker's affect, for one utterance. */
export interface VoiceEmotionEstimate {
  /** Most probable class. */
  label: VoiceEmotionLabel;
  /** Probability of every class (sums to 1). */
  probabilities: Record<VoiceEmotionLabel, number>;
  /** −1 (unpleasant) … 1 (pleasant): probability-weighted circumplex position. */
  valence: number;
  /** −1 (calm, low energy) … 1 (excited): probability-weighted circumplex position. */
  arousal: number;
  /** Probability of the top class (0–1); fusion weighs the voice by it. */
  confidence: number;
  /** Length of the utterance, ms. */
  durationMs: number;
  /** Feature extraction plus inference time, ms. */
  latencyMs: number;
  /**
   * Utterances of this speaker the estimate was adapted to (heard earlier in the session,
   * since the last {@link VoiceEmotion.resetSpeaker}); 0: judged as a stranger's.
   */
  speakerUtterances: number;
}

/** Options of {@link VoiceEmotion.fromBytes} (and of {@link VoiceEmotion.load}). */
export interface VoiceEmotionSessionOptions {
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths?: string;
  /** See {@link VoiceEmotionLoadOptions.preferWebGpu}. */
  preferWebGpu?: boolean;
  /**
   * Default true: adapt to the session's speaker (see {@link VoiceEmotion.resetSpeaker})
   * when the model supports it. False: every utterance is judged on its own.
   */
  speakerAdaptation?: boolean;
}

/** Options of {@link VoiceEmotion.load}. */
export interface VoiceEmotionLoadOptions extends VoiceEmotionSessionOptions {
  /** Folder URL the model file is served from (the SDK's `models/`). */
  baseUrl: string;
  onProgress?: DownloadProgress;
  /**
   * Your own model instead of the shipped one (e.g. one trained by `pnpm train:voice` on
   * data you may use commercially): its file name under `baseUrl`, sha256 and size. It must
   * take `features[N, VOICE_FEATURE_COUNT]` and give `probabilities[N, 8]` and
   * `valence_arousal[N, 2]`; if it also takes `speaker_mean[N, VOICE_FEATURE_COUNT]` and
   * `speaker_count[N, 1]` (as the shipped model does), it is adapted to the speaker.
   * Default: the manifest's `voiceEmotion`.
   */
  model?: ModelEntry;
  /**
   * Default false: this graph is a few small matrix products, which WASM finishes in well
   * under a millisecond; a WebGPU dispatch and readback costs more than that.
   */
  preferWebGpu?: boolean;
}

/**
 * Voice emotion recognition on the device: the project's own model (see
 * docs/models/voice-emotion.md) on gain-invariant utterance features. One instance serves
 * any number of utterances; give it 16 kHz mono speech segments (from the VAD).
 *
 * Speaker adaptation: an instance assumes the utterances it hears come from one person
 * until {@link resetSpeaker}. Each utterance is classified against the mean features of
 * that person's earlier utterances, then added to them; the first utterance after a reset
 * gets exactly the per-utterance ("cold") result. A model without the adaptation inputs
 * (e.g. your own single-input model) is always cold.
 */
export class VoiceEmotion {
  private readonly extractor = new VoiceFeatureExtractor();
  private readonly speaker = new SpeakerFeatureStats();
  /** Bumped by {@link resetSpeaker}, so an utterance in flight across a reset is not added to the new speaker. */
  private speakerGeneration = 0;
  /** Whether this instance adapts: the model takes the speaker inputs and adaptation is on. */
  readonly adaptsToSpeaker: boolean;

  private constructor(
    private readonly session: InferenceSession,
    /** Backend the session runs on. */
    readonly backend: OnnxBackend,
    private readonly ort: OnnxRuntime,
    speakerAdaptation: boolean,
  ) {
    const inputs = session.inputNames;
    this.adaptsToSpeaker = speakerAdaptation && inputs.includes('speaker_mean') && inputs.includes('speaker_count');
  }

  /** Fetches the model (sha256-checked against the manifest) and starts a session. */
  static async load(options: VoiceEmotionLoadOptions): Promise<VoiceEmotion> {
    const bytes = await loadModel(options.model ?? MODEL_MANIFEST.voiceEmotion, { baseUrl: options.baseUrl, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return VoiceEmotion.fromBytes(bytes, options);
  }

  /** A session from model bytes already in memory (the eval CLI, tests, a custom model). */
  static async fromBytes(bytes: Uint8Array, options: VoiceEmotionSessionOptions = {}): Promise<VoiceEmotion> {
    const { session, backend, ort } = await createOnnxSession(bytes, {
      preferWebGpu: options.preferWebGpu ?? false,
      ...(options.wasmPaths ? { wasmPaths: options.wasmPaths } : {}),
    });
    return new VoiceEmotion(session, backend, ort, options.speakerAdaptation ?? true);
  }

  /** Utterances of the current speaker heard since the last {@link resetSpeaker} (0 when not adapting). */
  get speakerUtterances(): number {
    return this.speaker.count;
  }

  /**
   * Forgets the current speaker: call it when another person starts talking (the SDK does
   * when the camera has seen no face for a while, see `DigitalHuman`). Until the next
   * utterance has been heard, estimates are per-utterance, as for a stranger. Cheap and
   * safe to call at any time; an utterance being classified during the call is not added
   * to the new speaker.
   */
  resetSpeaker(): void {
    this.speaker.reset();
    this.speakerGeneration++;
  }

  /**
   * Classifies one utterance (16 kHz mono, any gain), adapted to the utterances of this
   * speaker heard before it, then adds it to them (when adapting).
   */
  async classify(samples: Float32Array): Promise<VoiceEmotionEstimate> {
    const started = performance.now();
    const generation = this.speakerGeneration;
    const features = this.extractor.extract(samples);
    const estimate = await this.predict(features);
    if (this.adaptsToSpeaker && generation === this.speakerGeneration) this.speaker.add(features);
    return { ...estimate, durationMs: (samples.length * 1000) / VOICE_SAMPLE_RATE, latencyMs: performance.now() - started };
  }

  /**
   * Runs the model on a feature vector of `voice-features.ts` (the inference step of
   * {@link classify}), adapted to the current speaker's utterances so far; it adds nothing to them.
   */
  async predict(features: Float32Array): Promise<Omit<VoiceEmotionEstimate, 'durationMs' | 'latencyMs'>> {
    if (features.length !== VOICE_FEATURE_COUNT) throw new RangeError(`expected ${VOICE_FEATURE_COUNT} features, got ${features.length}`);
    const count = this.adaptsToSpeaker ? this.speaker.count : 0;
    const feeds: Record<string, InferenceSession.FeedsType[string]> = { features: new this.ort.Tensor('float32', features, [1, VOICE_FEATURE_COUNT]) };
    if (this.session.inputNames.includes('speaker_mean')) {
      // A model with adaptation inputs always gets them; count 0 makes it the cold model exactly.
      feeds['speaker_mean'] = new this.ort.Tensor('float32', this.speaker.mean(), [1, VOICE_FEATURE_COUNT]);
      feeds['speaker_count'] = new this.ort.Tensor('float32', Float32Array.of(count), [1, 1]);
    }
    const outputs = await this.session.run(feeds);
    const p = outputs['probabilities']?.data as Float32Array | undefined;
    const va = outputs['valence_arousal']?.data as Float32Array | undefined;
    if (!p || !va || p.length !== VOICE_EMOTION_LABELS.length) {
      throw new Error(`voice-emotion model returned unexpected outputs (${Object.keys(outputs).join(', ')}): is it the model of docs/models/voice-emotion.md?`);
    }
    const probabilities = Object.fromEntries(VOICE_EMOTION_LABELS.map((label, i) => [label, p[i]!])) as Record<VoiceEmotionLabel, number>;
    let top = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[top]!) top = i;
    return { label: VOICE_EMOTION_LABELS[top]!, probabilities, valence: va[0]!, arousal: va[1]!, confidence: p[top]!, speakerUtterances: count };
  }

  /** Releases the ONNX session. */
  async dispose(): Promise<void> {
    await this.session.release();
  }
}
