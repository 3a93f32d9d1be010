import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { FACE_EXPRESSION_INPUT_SIZE } from './convert-face-expression';
import { buildFaceExpressionModel, packageFile } from './face-model-sources';
import { hwcToChw, maxAbsDiff, randomValues, realFaceHwc } from './parity-inputs';

// face-api's own browser bundle (with its TF.js inside) is the reference: face-api's code,
// not a re-implementation. Its TF.js would pick a Node platform whose `util` the bundler
// stubbed out, so it is shown a browser for the moment it loads (only tensors are used).
const faceapi = await importAsBrowser(() => import(packageFile('@vladmandic/face-api', 'dist/face-api.esm.js')) as Promise<typeof import('@vladmandic/face-api')>);
const { tf } = faceapi;
const SIZE = FACE_EXPRESSION_INPUT_SIZE;

let session: ort.InferenceSession;

beforeAll(async () => {
  // The bundle's typings omit the backend API it exports.
  await (tf as unknown as { setBackend(name: string): Promise<boolean> }).setBackend('cpu');
  const manifest = JSON.parse(readFileSync(packageFile('@vladmandic/face-api', 'model/face_expression_model-weights_manifest.json'), 'utf8'));
  const bin = readFileSync(packageFile('@vladmandic/face-api', 'model/face_expression_model.bin'));
  const weightMap = tf.io.decodeWeights(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength), manifest[0].weights);
  faceapi.nets.faceExpressionNet.loadFromWeightMap(weightMap);
  ort.env.wasm.numThreads = 1;
  session = await ort.InferenceSession.create(buildFaceExpressionModel().bytes);
});

/** face-api's FaceExpressionNet on one 112×112 RGB (0–255, HWC) image. */
function reference(hwc: Float32Array): Float32Array {
  return tf.tidy(() => {
    const input = new faceapi.NetInput([tf.tensor3d(hwc, [SIZE, SIZE, 3])]);
    return faceapi.nets.faceExpressionNet.forwardInput(input).dataSync() as Float32Array;
  });
}

async function converted(hwc: Float32Array): Promise<Float32Array> {
  const out = await session.run({ image: new ort.Tensor('float32', hwcToChw(hwc, SIZE, 3), [1, 3, SIZE, SIZE]) });
  return out.probabilities!.data as Float32Array;
}

describe('face-api faceExpressionNet → ONNX', () => {
  it.each(['happy/0121b01.jpg', 'angry/0111d02.jpg', 'surprised/0121g01.jpg'])('matches face-api on a real face (%s)', async (file) => {
    const hwc = realFaceHwc(file, SIZE);
    const expected = reference(hwc);
    expect(maxAbsDiff(await converted(hwc), expected)).toBeLessThanOrEqual(1e-4);
  });

  it.each([1, 2, 3])('matches face-api on random input (seed %i)', async (seed) => {
    const hwc = randomValues(SIZE * SIZE * 3, 0, 255, seed);
    expect(maxAbsDiff(await converted(hwc), reference(hwc))).toBeLessThanOrEqual(1e-4);
  });
});

async function importAsBrowser<T>(load: () => Promise<T>): Promise<T> {
  const scope = globalThis as { window?: unknown; document?: unknown };
  scope.window = globalThis;
  scope.document = {};
  try {
    return await load();
  } finally {
    delete scope.window;
    delete scope.document;
  }
}
