import type { InferenceSession } from 'onnxruntime-web';
import { DigimensError } from '../errors';

/** The ONNX Runtime Web module (its types; the code is loaded at run time). */
export type OnnxRuntime = typeof import('onnxruntime-web');

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
  /**
   * WASM threads (default: up to 4 when the page is cross-origin isolated, else 1). ONNX
   * Runtime reads it when its WASM first starts, so the first session in a page or worker decides.
   */
  numThreads?: number;
}

/** A session, the backend it actually got, and the runtime (for its `Tensor` class). */
export interface OnnxSession {
  session: InferenceSession;
  backend: OnnxBackend;
  ort: OnnxRuntime;
}

const runtimes = new Map<string, Promise<OnnxRuntime>>();

/**
 * Loads ONNX Runtime Web once per location. In the browser it comes from `wasmPaths`
 * (`ort.min.mjs` beside its WASM, copied into the SDK's `ort/` folder at build): bundling it
 * would inline its multi-megabyte WASM into the page script, and an IIFE cannot split it
 * off. Without `wasmPaths` (Node, tests, apps that bundle it themselves) the installed
 * package is imported by name — through a variable, so bundlers leave it out.
 */
export function loadOnnxRuntime(wasmPaths?: string): Promise<OnnxRuntime> {
  const key = wasmPaths ?? '';
  let runtime = runtimes.get(key);
  if (!runtime) {
    const specifier = wasmPaths ? new URL('ort.min.mjs', wasmPaths).href : PACKAGE_NAME;
    runtime = (import(/* @vite-ignore */ /* webpackIgnore: true */ specifier) as Promise<OnnxRuntime>).then((ort) => {
      if (wasmPaths) ort.env.wasm.wasmPaths = wasmPaths;
      return ort;
    });
    runtimes.set(key, runtime);
  }
  return runtime;
}

const PACKAGE_NAME = 'onnxruntime-web';

/**
 * Creates an ONNX Runtime Web session: WebGPU when an adapter exists, otherwise WASM
 * (SIMD; multi-threaded when the page is cross-origin isolated, single-threaded if not).
 * ONNX Runtime is loaded on first use (see {@link loadOnnxRuntime}), so pages that never run
 * a model never load it.
 * @throws {DigimensError} `inference-unavailable` when neither backend can start.
 */
export async function createOnnxSession(model: Uint8Array, options: OnnxSessionOptions = {}): Promise<OnnxSession> {
  const ort = await loadOnnxRuntime(options.wasmPaths);
  ort.env.wasm.numThreads = options.numThreads ?? (globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1);

  const attempts: OnnxBackend[] = options.preferWebGpu !== false && (await hasWebGpuAdapter()) ? ['webgpu', 'wasm'] : ['wasm'];
  const failures: string[] = [];
  for (const backend of attempts) {
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [backend],
        graphOptimizationLevel: 'all',
      });
      return { session, backend, ort };
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
