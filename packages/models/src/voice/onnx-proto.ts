/**
 * A minimal ONNX (protobuf) writer: just the messages a small feed-forward graph needs
 * (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto). Field numbers follow
 * onnx/onnx.proto. Writing the bytes ourselves keeps the export free of Python and of
 * native packages, and byte-for-byte deterministic.
 */

/** A float32 or int64 constant of the graph. */
export interface OnnxTensor {
  name: string;
  dims: number[];
  /** float32 data (converted from whatever array is given). */
  data: ArrayLike<number>;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, number>;
}

/** A graph input or output: float32 with named (`string`) or fixed (`number`) dims. */
export interface OnnxValue {
  name: string;
  dims: Array<number | string>;
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValue[];
  outputs: OnnxValue[];
  /** Key/value metadata (labels, feature names …) stored in the model. */
  metadata?: Record<string, string>;
  opset: number;
  producer: string;
}

const FLOAT = 1;
const ATTRIBUTE_INT = 2;

/** Serialises a graph to ONNX model bytes. */
export function encodeOnnxModel(graph: OnnxGraph): Uint8Array {
  const g = new Writer();
  for (const node of graph.nodes) g.message(1, encodeNode(node));
  g.string(2, graph.name);
  for (const tensor of graph.initializers) g.message(5, encodeTensor(tensor));
  for (const input of graph.inputs) g.message(11, encodeValue(input));
  for (const output of graph.outputs) g.message(12, encodeValue(output));

  const model = new Writer();
  model.varint(1, 7); // ir_version 7 (ONNX 1.7+), which every ORT release reads
  model.string(2, graph.producer);
  model.message(7, g.bytes());
  const opset = new Writer();
  opset.string(1, '');
  opset.varint(2, graph.opset);
  model.message(8, opset.bytes());
  for (const [key, value] of Object.entries(graph.metadata ?? {})) {
    const entry = new Writer();
    entry.string(1, key);
    entry.string(2, value);
    model.message(14, entry.bytes());
  }
  return model.bytes();
}

function encodeNode(node: OnnxNode): Uint8Array {
  const w = new Writer();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, `${node.op}_${node.outputs[0]}`);
  w.string(4, node.op);
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    const a = new Writer();
    a.string(1, name);
    a.varint(3, value);
    a.varint(20, ATTRIBUTE_INT);
    w.message(5, a.bytes());
  }
  return w.bytes();
}

function encodeTensor(tensor: OnnxTensor): Uint8Array {
  const w = new Writer();
  for (const d of tensor.dims) w.varint(1, d);
  w.varint(2, FLOAT);
  w.string(8, tensor.name);
  const raw = new Uint8Array(tensor.data.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < tensor.data.length; i++) view.setFloat32(i * 4, tensor.data[i]!, true);
  w.message(9, raw);
  return w.bytes();
}

function encodeValue(value: OnnxValue): Uint8Array {
  const shape = new Writer();
  for (const d of value.dims) {
    const dim = new Writer();
    if (typeof d === 'number') dim.varint(1, d);
    else dim.string(2, d);
    shape.message(1, dim.bytes());
  }
  const tensorType = new Writer();
  tensorType.varint(1, FLOAT);
  tensorType.message(2, shape.bytes());
  const type = new Writer();
  type.message(1, tensorType.bytes());
  const w = new Writer();
  w.string(1, value.name);
  w.message(2, type.bytes());
  return w.bytes();
}

/** Protobuf wire-format writer (varint and length-delimited fields only). */
class Writer {
  private readonly parts: number[] = [];

  varint(field: number, value: number): void {
    this.tag(field, 0);
    this.raw(value);
  }

  string(field: number, value: string): void {
    this.message(field, new TextEncoder().encode(value));
  }

  message(field: number, bytes: Uint8Array): void {
    this.tag(field, 2);
    this.raw(bytes.length);
    for (const b of bytes) this.parts.push(b);
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }

  private tag(field: number, wireType: number): void {
    this.raw(field * 8 + wireType);
  }

  private raw(value: number): void {
    if (value < 0 || !Number.isSafeInteger(value)) throw new RangeError(`varint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.parts.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.parts.push(v);
  }
}
