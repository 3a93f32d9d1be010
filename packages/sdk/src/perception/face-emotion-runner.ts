import type { InferenceSession } from 'onnxruntime-web';
import { loadModel } from '../models/model-loader';
import type { DownloadProgress } from '../util/fetch-bytes';
import { EMOTIONS, softmax, topEmotion, type EmotionProbabilities } from './face-affect';
import { toModelInput } from './face-emotion-input';
import { EMOTION_MODELS, type EmotionModelName, type EmotionModelSpec } from './face-emotion-models';
import { createOnnxSession, loadOnnxRuntime } from './onnx';

/** Where the classifiers' files are and how to run them. */
export interface EmotionRunnerOptions {
  models: EmotionModelName[];
  /** Each model's exponent in the log-linear pooling (missing: 1). */
  weights?: Partial<Record<EmotionModelName, number>>;
  /** Folder URL of the `.onnx` files. */
  baseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths: string;
  preferWebGpu: boolean;
  onProgress?: (file: string, ...progress: Parameters<DownloadProgress>) => void;
}

/** One classification: probabilities in Digimens' order, and whether the mirror image was used. */
export interface EmotionRun {
  probabilities: EmotionProbabilities;
  flipped: boolean;
}

/**
 * The facial-emotion classifiers on ONNX Runtime (worker side only: importing this pulls
 * in ONNX Runtime, which must never enter the page's bundle). Runs every model once on the
 * crop and pools them log-linearly (p ∝ Π p_m^w_m: a lone model's weight is its inverse
 * temperature, so weights also calibrate); classifies the mirror image too only when that
 * first pass is unsure, so the common, clear case costs one inference per model.
 */
export class EmotionRunner {
  private constructor(
    private readonly ort: typeof import('onnxruntime-web'),
    private readonly models: Array<{ spec: EmotionModelSpec; session: InferenceSession; weight: number }>,
    /** The execution provider the sessions got. */
    readonly backend: string,
  ) {}

  /**
   * Loads the models (sha256-checked) and starts their sessions.
   * @throws {DigimensError} `model-load-failed`, `model-integrity` or `inference-unavailable`.
   */
  static async create(options: EmotionRunnerOptions): Promise<EmotionRunner> {
    const ort = await loadOnnxRuntime(options.wasmPaths);
    const models: Array<{ spec: EmotionModelSpec; session: InferenceSession; weight: number }> = [];
    let backend = 'wasm';
    for (const name of options.models) {
      const spec: EmotionModelSpec = EMOTION_MODELS[name];
      const bytes = await loadModel(spec.entry, { baseUrl: options.baseUrl, onProgress: (loaded, total) => options.onProgress?.(spec.entry.file, loaded, total) });
      // One thread: the face worker also runs MediaPipe, and ORT's thread pool (which
      // spins between runs) slowed its landmarks 39 → 178 ms p50 on the 2-core test machine;
      // two threads without spinning did not make the classifier faster there either
      // (emotion p50 16.1 vs 15.7 ms, same-run A/B; see docs/models/face-emotion.md).
      const created = await createOnnxSession(bytes, { preferWebGpu: options.preferWebGpu, wasmPaths: options.wasmPaths, numThreads: 1 });
      backend = created.backend;
      models.push({ spec, session: created.session, weight: options.weights?.[name] ?? 1 });
    }
    return new EmotionRunner(ort, models, backend);
  }

  /**
   * Classifies a square RGBA crop (`size`×`size`). When the top probability of the first
   * pass is below `flipBelow`, the mirror image is classified as well and averaged in.
   */
  async classify(rgba: Uint8ClampedArray, size: number, flipBelow: number): Promise<EmotionRun> {
    const plain = await this.pass(rgba, size, false);
    if (topEmotion(plain).probability >= flipBelow) return { probabilities: plain, flipped: false };
    const mirrored = await this.pass(rgba, size, true);
    const probabilities = Object.fromEntries(EMOTIONS.map((e) => [e, (plain[e] + mirrored[e]) / 2])) as EmotionProbabilities;
    return { probabilities, flipped: true };
  }

  /** Releases the sessions. */
  dispose(): void {
    for (const { session } of this.models) void session.release();
  }

  /** Every model on one view of the crop, pooled log-linearly, in Digimens' emotion order. */
  private async pass(rgba: Uint8ClampedArray, size: number, mirrored: boolean): Promise<EmotionProbabilities> {
    const logits = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as EmotionProbabilities;
    for (const { spec, session, weight } of this.models) {
      const input = toModelInput(rgba, size, spec, mirrored);
      const output = await session.run({ image: new this.ort.Tensor('float32', input.data, input.dims) });
      const probabilities = output['probabilities']?.data as Float32Array;
      spec.labels.forEach((label, i) => (logits[label] += weight * Math.log((probabilities[i] ?? 0) + 1e-6)));
    }
    return softmax(EMOTIONS.map((e) => logits[e]));
  }
}
