import { DigimensError } from '../errors';

type Vision = typeof import('@mediapipe/tasks-vision');
type WasmFileset = Awaited<ReturnType<Vision['FilesetResolver']['forVisionTasks']>>;

/** Task creations in this worker, one after another (see {@link createVisionTask}). */
let creating: Promise<unknown> = Promise.resolve();

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
      // would fail with "ModuleFactory not set". Publish it again before every task (this is
      // also why creations are serialised).
      const loader = (await import(/* @vite-ignore */ fileset.wasmLoaderPath)) as { default: unknown };
      (self as unknown as { ModuleFactory: unknown }).ModuleFactory = loader.default;
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
