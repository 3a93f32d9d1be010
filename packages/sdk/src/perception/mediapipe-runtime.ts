import { DigimensError } from '../errors';

type Vision = typeof import('@mediapipe/tasks-vision');
type WasmFileset = Awaited<ReturnType<Vision['FilesetResolver']['forVisionTasks']>>;

/** Task creations in this worker, one after another (see {@link createVisionTask}). */
let creating: Promise<unknown> = Promise.resolve();
/** The runtime's WASM, compiled once per worker and instantiated for every task. */
let compiled: Promise<WebAssembly.Module> | null = null;

/** Compiles the WASM while it downloads, or after it when the server's MIME type does not allow that. */
async function compileWasm(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

/**
 * Starts one MediaPipe vision task from the self-hosted runtime (`vision_bundle.mjs` and
 * `wasm/` under `runtimeUrl`); several tasks may share a worker, each with its own WASM
 * instance. The runtime is imported at run time, so no bundle carries it.
 * @throws {DigimensError} `inference-unavailable` when the runtime or the task cannot start.
 */
export function createVisionTask<T>(runtimeUrl: string, what: string, create: (vision: Vision, fileset: WasmFileset) => Promise<T>): Promise<T> {
  const task = creating.then(async () => {
    try {
      const vision = (await import(/* @vite-ignore */ new URL('vision_bundle.mjs', runtimeUrl).href)) as Vision;
      // The ES-module build of the WASM loader: the tasks run in a module worker, where the
      // classic loader's importScripts is unavailable.
      const fileset = await vision.FilesetResolver.forVisionTasks(new URL('wasm', runtimeUrl).href, true);
      // That loader publishes `self.ModuleFactory` when it is first evaluated, and each task
      // clears it once started; a module is evaluated only once per worker, so a second task
      // would fail with "ModuleFactory not set". Publish it again before every task, with a
      // `self.Module` (which the loader takes as its settings) that instantiates the one
      // compiled WASM: the 13 MB runtime is then compiled once per worker, not once per task.
      // Both globals are per-task, hence the serialised creations.
      const loader = (await import(/* @vite-ignore */ fileset.wasmLoaderPath)) as { default: unknown };
      compiled ??= compileWasm(fileset.wasmBinaryPath);
      const wasm = await compiled;
      Object.assign(self, {
        ModuleFactory: loader.default,
        Module: {
          instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => {
            void WebAssembly.instantiate(wasm, imports).then(receive);
            return {};
          },
        },
      });
      return await create(vision, fileset);
    } catch (cause) {
      throw new DigimensError(
        'inference-unavailable',
        `The MediaPipe ${what} could not start from ${runtimeUrl} (${cause instanceof Error ? cause.message : String(cause)}). ` +
          'Serve the SDK\'s "mediapipe/" folder beside its script, or set the runtime URL.',
        { cause },
      );
    }
  });
  creating = task.catch(() => undefined);
  return task;
}
