import type { InferenceSession } from 'onnxruntime-web';
import { loadModel } from '../models/model-loader';
import { MODEL_MANIFEST } from '../models/manifest';
import type { ModelEntry } from '../models/model-entry';
import type { DownloadProgress } from '../util/fetch-bytes';
import { createOnnxSession, type OnnxBackend, type OnnxRuntime } from './onnx';
import { VOICE_EMOTION_LABELS, type VoiceEmotionLabel } from './voice-emotion-labels';
import { VOICE_FEATURE_COUNT, VOICE_SAMPLE_RATE, VoiceFeatureExtractor } from './voice-features';

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
}

/** Options of {@link VoiceEmotion.load}. */
export interface VoiceEmotionLoadOptions {
  /** Folder URL the model file is served from (the SDK's `models/`). */
  baseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths?: string;
  onProgress?: DownloadProgress;
  /**
   * Your own model instead of the shipped one (e.g. one trained by `pnpm train:voice` on
   * data you may use commercially): its file name under `baseUrl`, sha256 and size. It must
   * take `features[N, VOICE_FEATURE_COUNT]` and give `probabilities[N, 8]` and
   * `valence_arousal[N, 2]`. Default: the manifest's `voiceEmotion`.
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
 */
export class VoiceEmotion {
  private readonly extractor = new VoiceFeatureExtractor();

  private constructor(
    private readonly session: InferenceSession,
    /** Backend the session runs on. */
    readonly backend: OnnxBackend,
    private readonly ort: OnnxRuntime,
  ) {}

  /** Fetches the model (sha256-checked against the manifest) and starts a session. */
  static async load(options: VoiceEmotionLoadOptions): Promise<VoiceEmotion> {
    const bytes = await loadModel(options.model ?? MODEL_MANIFEST.voiceEmotion, { baseUrl: options.baseUrl, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return VoiceEmotion.fromBytes(bytes, options);
  }

  /** A session from model bytes already in memory (the eval CLI, tests, a custom model). */
  static async fromBytes(bytes: Uint8Array, options: { wasmPaths?: string; preferWebGpu?: boolean } = {}): Promise<VoiceEmotion> {
    const { session, backend, ort } = await createOnnxSession(bytes, {
      preferWebGpu: options.preferWebGpu ?? false,
      ...(options.wasmPaths ? { wasmPaths: options.wasmPaths } : {}),
    });
    return new VoiceEmotion(session, backend, ort);
  }

  /** Classifies one utterance (16 kHz mono, any gain). */
  async classify(samples: Float32Array): Promise<VoiceEmotionEstimate> {
    const started = performance.now();
    const estimate = await this.predict(this.extractor.extract(samples));
    return { ...estimate, durationMs: (samples.length * 1000) / VOICE_SAMPLE_RATE, latencyMs: performance.now() - started };
  }

  /** Runs the model on a feature vector of `voice-features.ts` (the inference step of {@link classify}). */
  async predict(features: Float32Array): Promise<Omit<VoiceEmotionEstimate, 'durationMs' | 'latencyMs'>> {
    if (features.length !== VOICE_FEATURE_COUNT) throw new RangeError(`expected ${VOICE_FEATURE_COUNT} features, got ${features.length}`);
    const outputs = await this.session.run({ features: new this.ort.Tensor('float32', features, [1, VOICE_FEATURE_COUNT]) });
    const p = outputs['probabilities']?.data as Float32Array | undefined;
    const va = outputs['valence_arousal']?.data as Float32Array | undefined;
    if (!p || !va || p.length !== VOICE_EMOTION_LABELS.length) {
      throw new Error(`voice-emotion model returned unexpected outputs (${Object.keys(outputs).join(', ')}): is it the model of docs/models/voice-emotion.md?`);
    }
    const probabilities = Object.fromEntries(VOICE_EMOTION_LABELS.map((label, i) => [label, p[i]!])) as Record<VoiceEmotionLabel, number>;
    let top = 0;
    for (let i = 1; i < p.length; i++) if (p[i]! > p[top]!) top = i;
    return { label: VOICE_EMOTION_LABELS[top]!, probabilities, valence: va[0]!, arousal: va[1]!, confidence: p[top]! };
  }

  /** Releases the ONNX session. */
  async dispose(): Promise<void> {
    await this.session.release();
  }
}
