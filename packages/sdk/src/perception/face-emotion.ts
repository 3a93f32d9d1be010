import { DigimensError } from '../errors';
import type { DownloadProgress } from '../util/fetch-bytes';
import type { OnnxBackend } from './onnx';
import { EMOTIONS, type EmotionProbabilities } from './face-affect';
import type { EmotionModelName } from './face-emotion-models';
import type { EmotionWorkerRequest, EmotionWorkerResponse } from './face-emotion-protocol';

/** Where the classifier's worker and files are, and how to run it. */
export interface FaceEmotionOptions {
  /** URL of `face-emotion-worker.js` (built beside the SDK's script, under `workers/`). */
  workerUrl: string;
  /** Which converted classifiers to run; several are averaged (an ensemble). */
  models: EmotionModelName[];
  /** Folder URL of the `.onnx` files. */
  modelBaseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths: string;
  /** Use WebGPU when an adapter exists (default true); WASM otherwise. */
  preferWebGpu?: boolean;
  onProgress?: (file: string, ...progress: Parameters<DownloadProgress>) => void;
}

/** One classification: probabilities in Digimens' emotion order, and worker inference time. */
export interface EmotionClassification {
  probabilities: EmotionProbabilities;
  inferenceMs: number;
}

/**
 * Main-thread side of the facial-emotion worker: starts it, loads the models there and
 * sends it aligned face crops. Pixels go to the worker by transfer; nothing leaves the device.
 */
export class FaceEmotionClassifier {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (c: EmotionClassification) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly worker: Worker,
    /** The execution provider the worker got. */
    readonly backend: OnnxBackend,
  ) {
    worker.onmessage = (event: MessageEvent<EmotionWorkerResponse>) => {
      const message = event.data;
      if (message.type !== 'result' && message.type !== 'error') return;
      if (message.id === null) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'result') {
        const probabilities = Object.fromEntries(EMOTIONS.map((e, i) => [e, message.probabilities[i] ?? 0])) as EmotionProbabilities;
        waiter?.resolve({ probabilities, inferenceMs: message.ms });
      } else {
        waiter?.reject(new DigimensError(message.code, message.message));
      }
    };
  }

  /**
   * Starts the worker and loads the models (sha256-checked).
   * @throws {DigimensError} the worker's `model-load-failed`, `model-integrity` or
   * `inference-unavailable`, with its message.
   */
  static async create(options: FaceEmotionOptions): Promise<FaceEmotionClassifier> {
    let worker: Worker;
    try {
      worker = new Worker(options.workerUrl, { type: 'module', name: 'digimens-face-emotion' });
    } catch (cause) {
      throw new DigimensError('inference-unavailable', `The facial-emotion worker could not start from ${options.workerUrl}.`, { cause });
    }
    const backend = await new Promise<OnnxBackend>((resolve, reject) => {
      worker.onerror = (event) => reject(new DigimensError('inference-unavailable', `The facial-emotion worker at ${options.workerUrl} failed to load: ${event.message || 'script error'}.`));
      worker.onmessage = (event: MessageEvent<EmotionWorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') options.onProgress?.(message.file, message.loaded, message.total);
        else if (message.type === 'ready') resolve(message.backend);
        else if (message.type === 'error') reject(new DigimensError(message.code, message.message));
      };
      const init: EmotionWorkerRequest = {
        type: 'init',
        models: options.models,
        modelBaseUrl: options.modelBaseUrl,
        wasmPaths: options.wasmPaths,
        preferWebGpu: options.preferWebGpu !== false,
      };
      worker.postMessage(init);
    }).catch((error: unknown) => {
      worker.terminate();
      throw error;
    });
    worker.onerror = null;
    return new FaceEmotionClassifier(worker, backend);
  }

  /** Classifies one square RGBA crop (`size`×`size`); `flip` adds the mirror image. */
  classify(rgba: Uint8ClampedArray, size: number, flip: boolean): Promise<EmotionClassification> {
    const id = this.nextId++;
    const buffer = rgba.buffer.byteLength === rgba.byteLength ? rgba.buffer : rgba.slice().buffer;
    const request: EmotionWorkerRequest = { type: 'classify', id, rgba: buffer as ArrayBuffer, size, flip };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request, [buffer as ArrayBuffer]);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new Error('face emotion classifier disposed'));
    this.pending.clear();
  }
}
