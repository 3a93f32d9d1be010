import protobuf from 'protobufjs';

/**
 * The part of ONNX's `onnx.proto3` (field numbers unchanged) that a converter needs to
 * write a model: graph, nodes, attributes, tensors and value infos. Parsed by protobufjs at
 * run time, so no generated code and no Python toolchain are needed.
 */
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; FLOATS = 6; INTS = 7; STRINGS = 8; }
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  TensorProto t = 5;
  repeated float floats = 7;
  repeated int64 ints = 8;
  AttributeType type = 20;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
}
message StringStringEntryProto { string key = 1; string value = 2; }
message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
}
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message TensorProto {
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension { oneof value { int64 dim_value = 1; string dim_param = 2; } }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;

const root = protobuf.parse(ONNX_PROTO).root;
const ModelProto = root.lookupType('onnx.ModelProto');

/** ONNX `TensorProto.DataType` values used here. */
const FLOAT = 1;
const INT64 = 7;
/** `AttributeProto.AttributeType` values used here. */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

/** IR version 8 / opset 13: understood by every ONNX Runtime Web of the last years. */
const IR_VERSION = 8;
const OPSET = 13;

/** A node attribute value: a number is an int unless wrapped as `{ float }`. */
export type AttributeValue = number | number[] | string | { float: number };

/** A float tensor with its shape (row-major). */
export interface FloatTensor {
  shape: number[];
  data: Float32Array;
}

/** Input or output of a graph: name and shape (`-1` or a string for a free dimension). */
export interface GraphIO {
  name: string;
  shape: Array<number | string>;
}

/**
 * Builds an ONNX graph node by node and serialises it. Names are made unique by the caller
 * (converters use the source model's tensor names, which are unique already).
 */
export class OnnxGraphBuilder {
  private readonly nodes: object[] = [];
  private readonly initializers: object[] = [];
  private counter = 0;

  /** Adds a constant float tensor (weights); returns its name. */
  constant(name: string, tensor: FloatTensor): string {
    if (tensor.data.length !== tensor.shape.reduce((a, b) => a * b, 1)) {
      throw new Error(`constant ${name}: ${tensor.data.length} values do not fill shape [${tensor.shape.join(', ')}]`);
    }
    this.initializers.push({ name, dims: tensor.shape, dataType: FLOAT, rawData: littleEndianBytes(tensor.data) });
    return name;
  }

  /** Adds an int64 constant (shapes for Reshape); returns its name. */
  int64Constant(name: string, values: number[]): string {
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    this.initializers.push({ name, dims: [values.length], dataType: INT64, rawData: new Uint8Array(data.buffer) });
    return name;
  }

  /** Adds a node with one output; returns the output's name (`output` or a fresh one). */
  node(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}, output?: string): string {
    const name = output ?? `${opType.toLowerCase()}_${this.counter++}`;
    this.nodes.push({ opType, name, input: inputs, output: [name], attribute: Object.entries(attributes).map(([key, value]) => attribute(key, value)) });
    return name;
  }

  /** Serialises the graph as an ONNX model file. */
  build(options: { name: string; inputs: GraphIO[]; outputs: GraphIO[]; doc: string; metadata?: Record<string, string> }): Uint8Array {
    const model = ModelProto.create({
      irVersion: IR_VERSION,
      producerName: '@digimens/models',
      producerVersion: '0.1.0',
      docString: options.doc,
      opsetImport: [{ domain: '', version: OPSET }],
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
      graph: {
        name: options.name,
        node: this.nodes,
        initializer: this.initializers,
        input: options.inputs.map(valueInfo),
        output: options.outputs.map(valueInfo),
      },
    });
    return ModelProto.encode(model).finish();
  }
}

function attribute(name: string, value: AttributeValue): object {
  if (typeof value === 'string') return { name, type: ATTR_STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: ATTR_INTS, ints: value };
  if (typeof value === 'object') return { name, type: ATTR_FLOAT, f: value.float };
  return { name, type: ATTR_INT, i: value };
}

function valueInfo(io: GraphIO): object {
  const dim = io.shape.map((d) => (typeof d === 'string' || d < 0 ? { dimParam: typeof d === 'string' ? d : 'N' } : { dimValue: d }));
  return { name: io.name, type: { tensorType: { elemType: FLOAT, shape: { dim } } } };
}

/** ONNX raw_data is little-endian, as are typed arrays on every platform Node and browsers run on. */
function littleEndianBytes(data: Float32Array): Uint8Array {
  return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/**
 * Transposes a row-major tensor: `perm[i]` is the source axis of output axis `i`
 * (numpy's `transpose`). Used to turn TF's HWIO filters into ONNX's OIHW.
 */
export function transpose(tensor: FloatTensor, perm: number[]): FloatTensor {
  const { shape, data } = tensor;
  const outShape = perm.map((p) => shape[p] ?? 0);
  const srcStrides = strides(shape);
  const outStrides = strides(outShape);
  const out = new Float32Array(data.length);
  const index = new Array<number>(outShape.length).fill(0);
  for (let o = 0; o < out.length; o++) {
    let rest = o;
    let src = 0;
    for (let axis = 0; axis < outShape.length; axis++) {
      const stride = outStrides[axis] ?? 1;
      index[axis] = Math.floor(rest / stride);
      rest -= (index[axis] ?? 0) * stride;
      src += (index[axis] ?? 0) * (srcStrides[perm[axis] ?? 0] ?? 0);
    }
    out[o] = data[src] ?? 0;
  }
  return { shape: outShape, data: out };
}

function strides(shape: number[]): number[] {
  const result = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) result[i] = (result[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return result;
}

/**
 * TensorFlow's `SAME` padding for one spatial axis (the extra pixel goes after), as
 * explicit ONNX pads `[before, after]`; explicit pads behave alike on every execution provider.
 */
export function samePadding(size: number, kernel: number, stride: number): { before: number; after: number; out: number } {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, out };
}

/** Output size of a `VALID` (unpadded) window. */
export function validSize(size: number, kernel: number, stride: number): number {
  return Math.floor((size - kernel) / stride) + 1;
}
