import { DigimensError } from '../errors';
import type { AnalysisFrame, EmotionReading, FaceWorkerInit, FaceWorkerRequest, FaceWorkerResponse, FrameResult } from './face-emotion-protocol';

/** Gets a frame's emotion stage (null: no face detected) as soon as it is done, before the face mesh. */
export type EmotionListener = (reading: EmotionReading | null) => void;

/** Per-frame choices of {@link FaceWorkerClient.analyze}. */
export interface AnalyzeOptions {
  /** Gets the emotion stage as soon as it is done, before the face mesh runs. */
  onEmotion?: EmotionListener;
  /** Run the emotion stage (default true); false: face mesh only (presence and gaze). */
  emotion?: boolean;
}

/**
 * Page side of the face worker (`face-emotion-worker.js`): starts it, loads the models there
 * and hands it frames as transferred `ImageBitmap`s. Pixels only ever go to this local
 * worker; only numbers come back. Imports nothing of ONNX Runtime or MediaPipe, so the
 * page's bundles (ESM and the script-tag IIFE) stay free of both.
 */
export class FaceWorkerClient {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: FrameResult) => void; reject: (e: Error) => void; onEmotion: EmotionListener | undefined }>();

  private constructor(
    private readonly worker: Worker,
    /** The classifier's execution provider (`webgpu` or `wasm`). */
    readonly backend: string,
  ) {
    worker.onmessage = (event: MessageEvent<FaceWorkerResponse>) => {
      const message = event.data;
      if (message.type === 'emotion') return void this.pending.get(message.id)?.onEmotion?.(message.reading);
      if ((message.type !== 'result' && message.type !== 'error') || message.id === null) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'result') waiter?.resolve(message.result);
      else waiter?.reject(new DigimensError(message.code, message.message));
    };
  }

  /**
   * Starts the worker and loads the face detector, landmarker and classifiers there (sha256-checked).
   * @throws {DigimensError} the worker's `model-load-failed`, `model-integrity` or
   * `inference-unavailable`, with its message (file and URL).
   */
  static async create(workerUrl: string, init: FaceWorkerInit, onProgress: (file: string, loaded: number, total: number | undefined) => void): Promise<FaceWorkerClient> {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl, { type: 'module', name: 'digimens-face' });
    } catch (cause) {
      throw new DigimensError('inference-unavailable', `The face worker could not start from ${workerUrl}.`, { cause });
    }
    const backend = await new Promise<string>((resolve, reject) => {
      worker.onerror = (event) => reject(new DigimensError('inference-unavailable', `The face worker at ${workerUrl} failed to load: ${event.message || 'script error'}.`));
      worker.onmessage = (event: MessageEvent<FaceWorkerResponse>) => {
        const message = event.data;
        if (message.type === 'progress') onProgress(message.file, message.loaded, message.total);
        else if (message.type === 'ready') resolve(message.backend);
        else if (message.type === 'error') reject(new DigimensError(message.code, message.message));
      };
      const request: FaceWorkerRequest = { type: 'init', ...init };
      worker.postMessage(request);
    }).catch((error: unknown) => {
      worker.terminate();
      throw error;
    });
    worker.onerror = null;
    return new FaceWorkerClient(worker, backend);
  }

  /**
   * Analyses one frame; `frame` is transferred (it is unusable here afterwards).
   * `onEmotion` gets the emotion stage before the face mesh finishes.
   */
  analyze(frame: AnalysisFrame, timestampMs: number, options: AnalyzeOptions = {}): Promise<FrameResult> {
    const id = this.nextId++;
    const onEmotion = options.onEmotion;
    const request: FaceWorkerRequest = { type: 'analyze', id, frame, timestampMs, emotion: options.emotion ?? true };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onEmotion });
      this.worker.postMessage(request, [frame]);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new Error('face worker disposed'));
    this.pending.clear();
  }
}
