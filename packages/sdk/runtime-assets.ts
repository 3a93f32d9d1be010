import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { englishDictionaryFile } from './lipsync-dictionary.ts';

/**
 * Files a page needs at run time that come from npm packages (WASM runtimes, workers,
 * models that packages ship). `pnpm build` copies each into `dist/<to>/`, and the demo's
 * dev server serves them at `/<to>/`, so the SDK finds them relative to its own script —
 * never on a CDN. Add an entry here when a module needs a new runtime file.
 */
export interface RuntimeAsset {
  /** Absolute source path or glob (resolved from an installed package). */
  from: string;
  /** Folder under dist/ (and under the dev server's root). */
  to: string;
}

const SDK_ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * A subfolder of one of the SDK's own dependencies (linked under its node_modules by
 * pnpm; package.json "exports" often hide these files from require.resolve).
 */
function packageFolder(name: string, subfolder: string): string {
  const folder = join(SDK_ROOT, 'node_modules', name, subfolder);
  if (!existsSync(folder)) throw new Error(`Runtime asset folder ${folder} is missing: is ${name} a dependency of @digimens/sdk, and installed?`);
  return folder;
}

export const RUNTIME_ASSETS: RuntimeAsset[] = [
  // ONNX Runtime Web's WASM (JSEP build: WebGPU + WASM), self-hosted as ENVIRONMENT.md requires.
  { from: join(packageFolder('onnxruntime-web', 'dist'), 'ort-wasm-simd-threaded.jsep.*'), to: 'ort' },
  // …and its JS (WebGPU + WASM backends), loaded at run time by perception/onnx.ts.
  { from: join(packageFolder('onnxruntime-web', 'dist'), 'ort.min.mjs'), to: 'ort' },
  // MediaPipe tasks-vision: its JS bundle (imported at run time by the face tracker, so the
  // SDK's bundles stay small) and its SIMD WASM runtime (every current browser has SIMD), in
  // the ES-module build that the face worker (a module worker: no importScripts) can load.
  { from: join(packageFolder('@mediapipe/tasks-vision', ''), 'vision_bundle.mjs'), to: 'mediapipe' },
  { from: join(packageFolder('@mediapipe/tasks-vision', 'wasm'), 'vision_wasm_module_internal.*'), to: 'mediapipe/wasm' },
  // Silero VAD v5 as @ricky0123/vad-web ships it (the voice pipeline's speech detector).
  { from: join(packageFolder('@ricky0123/vad-web', 'dist'), 'silero_vad_v5.onnx'), to: 'models' },
  // English lip-sync dictionary: generated from cmu-pronouncing-dictionary into a compact
  // text file (lipsync-dictionary.ts) and fetched on first English use, so that no bundle
  // inlines the package's 4.5 MB of JS (an IIFE build cannot split it into a chunk).
  { from: englishDictionaryFile(), to: 'lipsync' },
];
