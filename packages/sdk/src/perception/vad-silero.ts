import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { loadModel } from '../models/model-loader';
import { MODEL_MANIFEST } from '../models/manifest';
import type { DownloadProgress } from '../util/fetch-bytes';
import { createOnnxSession, type OnnxBackend, type OnnxRuntime } from './onnx';

/** Samples per Silero VAD v5 frame at 16 kHz (32 ms). */
export const VAD_FRAME_SAMPLES = 512;
/** Tail of the previous frame the model sees before each frame (as silero-vad's own wrapper does). */
const CONTEXT_SAMPLES = 64;

/** Options of {@link SileroVad.load}. */
export interface SileroVadLoadOptions {
  /** Folder URL the model file is served from (the SDK's `models/`). */
  baseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths?: string;
  onProgress?: DownloadProgress;
}

/**
 * Silero VAD v5 on ONNX Runtime Web: the speech probability of each 32 ms frame, with the
 * model's recurrent state carried from frame to frame. Always WASM: a tiny recurrent model
 * run 31 times a second gains nothing from a GPU round trip.
 */
export class SileroVad {
  private state: Tensor;
  private context = new Float32Array(CONTEXT_SAMPLES);

  private constructor(
    private readonly session: InferenceSession,
    private readonly ort: OnnxRuntime,
    private readonly sampleRate: Tensor,
    /** Backend the session runs on. */
    readonly backend: OnnxBackend,
  ) {
    this.state = this.freshState();
  }

  /** Fetches the model (sha256-checked against the manifest) and starts a session. */
  static async load(options: SileroVadLoadOptions): Promise<SileroVad> {
    const bytes = await loadModel(MODEL_MANIFEST.sileroVad, { baseUrl: options.baseUrl, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return SileroVad.fromBytes(bytes, options.wasmPaths);
  }

  /** A session from model bytes already in memory (benchmarks, tests). */
  static async fromBytes(bytes: Uint8Array, wasmPaths?: string): Promise<SileroVad> {
    const { session, backend, ort } = await createOnnxSession(bytes, { preferWebGpu: false, ...(wasmPaths ? { wasmPaths } : {}) });
    return new SileroVad(session, ort, new ort.Tensor('int64', BigInt64Array.from([16000n]), []), backend);
  }

  /** Speech probability (0–1) of one {@link VAD_FRAME_SAMPLES}-sample frame at 16 kHz. */
  async probability(frame: Float32Array): Promise<number> {
    if (frame.length !== VAD_FRAME_SAMPLES) throw new RangeError(`Silero VAD frames are ${VAD_FRAME_SAMPLES} samples, got ${frame.length}`);
    const input = new Float32Array(CONTEXT_SAMPLES + VAD_FRAME_SAMPLES);
    input.set(this.context);
    input.set(frame, CONTEXT_SAMPLES);
    this.context = frame.slice(-CONTEXT_SAMPLES);
    const out = await this.session.run({
      input: new this.ort.Tensor('float32', input, [1, input.length]),
      state: this.state,
      sr: this.sampleRate,
    });
    const state = out['stateN'];
    const speech = out['output']?.data[0];
    if (!state || typeof speech !== 'number') throw new Error('Silero VAD returned unexpected outputs: is the file silero_vad_v5.onnx?');
    this.state = state;
    return speech;
  }

  /** Forgets the recurrent state (after a gap in the audio, e.g. while the avatar spoke). */
  reset(): void {
    this.state = this.freshState();
    this.context = new Float32Array(CONTEXT_SAMPLES);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }

  private freshState(): Tensor {
    return new this.ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  }
}
