import { OnnxGraphBuilder, samePadding, transpose, validSize, type FloatTensor } from '../onnx/graph-builder';
import { decodeWeights, weight, type WeightSpec } from './tfjs-weights';

/** face-api's expression classes, in the order of its output. */
export const FACE_EXPRESSION_LABELS = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;

/** Input side of face-api's FaceFeatureExtractor. */
export const FACE_EXPRESSION_INPUT_SIZE = 112;
const MEAN_RGB = [122.782, 117.001, 104.298];

/**
 * Converts `@vladmandic/face-api`'s faceExpressionNet (a hand-built TF.js network, weights
 * in `model/face_expression_model.bin`) to ONNX, re-creating its forward pass
 * (`FaceFeatureExtractor.forwardInput` + `FaceProcessor.runNet` + softmax) op by op:
 * four dense blocks of (separable) 3×3 convolutions, a 7×7 average pool and a 256→7 layer.
 *
 * The ONNX model takes `image: [N, 3, 112, 112]` RGB in 0–255 (NCHW; face-api's mean
 * subtraction and /255 are inside the graph) and outputs `probabilities: [N, 7]` in
 * {@link FACE_EXPRESSION_LABELS} order.
 */
export function convertFaceExpressionNet(manifest: Array<{ weights: WeightSpec[] }>, bin: Uint8Array): Uint8Array {
  const weights = decodeWeights(manifest.flatMap((group) => group.weights), bin);
  const g = new OnnxGraphBuilder();
  const mean = g.constant('mean_rgb', { shape: [1, 3, 1, 1], data: Float32Array.from(MEAN_RGB) });
  const scale = g.constant('inv_255', { shape: [], data: Float32Array.of(1 / 255) });
  let x = g.node('Mul', [g.node('Sub', ['image', mean]), scale]);
  let size = FACE_EXPRESSION_INPUT_SIZE;
  for (let block = 0; block < 4; block++) {
    ({ x, size } = denseBlock4(g, weights, `dense${block}`, x, size, block === 0));
  }
  // tf.avgPool(out, [7, 7], [2, 2], 'valid') on the 7×7 map: one value per channel.
  const pooled = g.node('AveragePool', [x], { kernel_shape: [7, 7], strides: [2, 2] });
  if (validSize(size, 7, 2) !== 1) throw new Error(`unexpected feature map size ${size}`);
  const flat = g.node('Flatten', [pooled], { axis: 1 });
  const logits = g.node('Gemm', [flat, g.constant('fc/weights', weight(weights, 'fc/weights')), g.constant('fc/bias', weight(weights, 'fc/bias'))]);
  g.node('Softmax', [logits], { axis: 1 }, 'probabilities');
  return g.build({
    name: 'face_expression',
    doc: 'face-api faceExpressionNet (MIT, github.com/vladmandic/face-api), converted by @digimens/models',
    inputs: [{ name: 'image', shape: ['N', 3, FACE_EXPRESSION_INPUT_SIZE, FACE_EXPRESSION_INPUT_SIZE] }],
    outputs: [{ name: 'probabilities', shape: ['N', FACE_EXPRESSION_LABELS.length] }],
    metadata: { labels: FACE_EXPRESSION_LABELS.join(','), licence: 'MIT' },
  });
}

/** face-api's `denseBlock4`: every layer sees the sum of all earlier outputs (a dense block). */
function denseBlock4(
  g: OnnxGraphBuilder,
  weights: Map<string, FloatTensor>,
  prefix: string,
  input: string,
  size: number,
  firstLayer: boolean,
): { x: string; size: number } {
  const down = samePadding(size, 3, 2);
  const out1 = g.node(
    'Relu',
    [firstLayer ? conv(g, weights, `${prefix}/conv0`, input, size, 2) : separableConv(g, weights, `${prefix}/conv0`, input, size, 2)],
  );
  const s = down.out;
  const out2 = separableConv(g, weights, `${prefix}/conv1`, out1, s, 1);
  const in3 = g.node('Relu', [g.node('Add', [out1, out2])]);
  const out3 = separableConv(g, weights, `${prefix}/conv2`, in3, s, 1);
  const sum23 = g.node('Add', [out2, out3]);
  const in4 = g.node('Relu', [g.node('Add', [out1, sum23])]);
  const out4 = separableConv(g, weights, `${prefix}/conv3`, in4, s, 1);
  // face-api adds as out1 + (out2 + (out3 + out4)); float addition order kept for parity.
  const sum = g.node('Add', [out1, g.node('Add', [out2, g.node('Add', [out3, out4])])]);
  return { x: g.node('Relu', [sum]), size: s };
}

/** `tf.conv2d(x, filters, stride, 'same') + bias`. */
function conv(g: OnnxGraphBuilder, weights: Map<string, FloatTensor>, name: string, x: string, size: number, stride: number): string {
  const filters = weight(weights, `${name}/filters`);
  const pad = samePadding(size, filters.shape[0] ?? 3, stride);
  return g.node('Conv', [x, g.constant(`${name}/filters`, transpose(filters, [3, 2, 0, 1])), g.constant(`${name}/bias`, weight(weights, `${name}/bias`))], {
    strides: [stride, stride],
    pads: [pad.before, pad.before, pad.after, pad.after],
  });
}

/** `tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias`: a grouped 3×3 then a 1×1 convolution. */
function separableConv(g: OnnxGraphBuilder, weights: Map<string, FloatTensor>, name: string, x: string, size: number, stride: number): string {
  const depthwise = weight(weights, `${name}/depthwise_filter`);
  const channels = depthwise.shape[2] ?? 0;
  const pad = samePadding(size, depthwise.shape[0] ?? 3, stride);
  const dw = g.node('Conv', [x, g.constant(`${name}/depthwise_filter`, transpose(depthwise, [2, 3, 0, 1]))], {
    group: channels,
    strides: [stride, stride],
    pads: [pad.before, pad.before, pad.after, pad.after],
  });
  const pointwise = transpose(weight(weights, `${name}/pointwise_filter`), [3, 2, 0, 1]);
  return g.node('Conv', [dw, g.constant(`${name}/pointwise_filter`, pointwise), g.constant(`${name}/bias`, weight(weights, `${name}/bias`))]);
}
