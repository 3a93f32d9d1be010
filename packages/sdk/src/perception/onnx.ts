import type { InferenceSession } from 'onnxruntime-web';
import { DigimensError } from '../errors';

/** Which ONNX Runtime Web execution provider a session runs on. */
export type OnnxBackend = 'webgpu' | 'wasm';

export interface OnnxSessionOptions {
  /** Try WebGPU first when an adapter exists (default true); WASM is always the fallback. */
  preferWebGpu?: boolean;
  /**
   * Folder URL of the self-hosted `ort-wasm-simd-threaded.jsep.{mjs,wasm}` files. Needed in
   * production builds (ENVIRONMENT.md: multi-threaded WASM fails otherwise) and offline.
   */
  wasmPaths?: string;
}

/** A session and the backend it actually got. */
export interface OnnxSession {
  session: InferenceSession;
  backend: OnnxBackend;
}

/**
 * Creates an ONNX Runtime Web session: WebGPU when an adapter exists, otherwise WASM
 * (SIMD; multi-threaded when the page is cross-origin isolated, single-threaded if not).
 * onnxruntime-web is imported lazily so pages that never run a model never load it.
 * @throws {DigimensError} `inference-unavailable` when neither backend can start.
 */
export async function createOnnxSession(model: Uint8Array, options: OnnxSessionOptions = {}): Promise<OnnxSession> {
  const ort = await import('onnxruntime-web');
  if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;

  const attempts: OnnxBackend[] = options.preferWebGpu !== false && (await hasWebGpuAdapter()) ? ['webgpu', 'wasm'] : ['wasm'];
  const failures: string[] = [];
  for (const backend of attempts) {
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [backend],
        graphOptimizationLevel: 'all',
      });
      return { session, backend };
    } catch (error) {
      failures.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new DigimensError(
    'inference-unavailable',
    `ONNX Runtime could not start a model session (${failures.join('; ')}). Check that the ort-wasm files are served from ${options.wasmPaths ?? 'the default location'}.`,
  );
}

async function hasWebGpuAdapter(): Promise<boolean> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}
