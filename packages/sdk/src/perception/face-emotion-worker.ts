/// <reference lib="webworker" />
/**
 * The facial-emotion worker: runs the converted ONNX classifiers off the main thread so the
 * avatar keeps its frame rate. Built as its own file (`dist/workers/face-emotion-worker.js`,
 * see vite.worker.config.ts), so ONNX Runtime never enters the page's bundle.
 */
import type { InferenceSession } from 'onnxruntime-web';
import { DigimensError } from '../errors';
import { loadModel } from '../models/model-loader';
import { EMOTIONS, type Emotion } from './face-affect';
import { toModelInput } from './face-emotion-input';
import { EMOTION_MODELS, type EmotionModelSpec } from './face-emotion-models';
import type { EmotionWorkerRequest, EmotionWorkerResponse } from './face-emotion-protocol';
import { createOnnxSession } from './onnx';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loaded: Array<{ spec: EmotionModelSpec; session: InferenceSession }> = [];
let ort: typeof import('onnxruntime-web') | null = null;

function send(message: EmotionWorkerResponse): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<EmotionWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'init') {
      ort = await import('onnxruntime-web');
      let backend: 'webgpu' | 'wasm' = 'wasm';
      for (const name of message.models) {
        const spec = EMOTION_MODELS[name];
        const bytes = await loadModel(spec.entry, {
          baseUrl: message.modelBaseUrl,
          onProgress: (loadedBytes, total) => send({ type: 'progress', file: spec.entry.file, loaded: loadedBytes, total }),
        });
        const created = await createOnnxSession(bytes, { preferWebGpu: message.preferWebGpu, wasmPaths: message.wasmPaths });
        backend = created.backend;
        loaded.push({ spec, session: created.session });
      }
      send({ type: 'ready', backend });
    } else {
      const started = performance.now();
      const rgba = new Uint8ClampedArray(message.rgba);
      if (rgba.length !== message.size * message.size * 4) throw new DigimensError('frame-invalid', `face crop of ${rgba.length} bytes is not ${message.size}×${message.size} RGBA`);
      const sum = new Array<number>(EMOTIONS.length).fill(0);
      for (const { spec, session } of loaded) {
        const input = toModelInput(rgba, message.size, spec, message.flip);
        const output = await session.run({ image: new ort!.Tensor('float32', input.data, input.dims) });
        const probabilities = output.probabilities!.data as Float32Array;
        const batch = input.dims[0] ?? 1;
        // Each model's labels in its own order → Digimens' EMOTIONS order, averaged over batch and models.
        spec.labels.forEach((label: Emotion, i) => {
          let p = 0;
          for (let b = 0; b < batch; b++) p += probabilities[b * spec.labels.length + i] ?? 0;
          sum[EMOTIONS.indexOf(label)]! += p / batch / loaded.length;
        });
      }
      send({ type: 'result', id: message.id, probabilities: sum, ms: performance.now() - started });
    }
  } catch (error) {
    const code = error instanceof DigimensError ? error.code : 'inference-unavailable';
    send({ type: 'error', id: message.type === 'classify' ? message.id : null, code, message: error instanceof Error ? error.message : String(error) });
  }
};
