import type { FloatTensor } from '../onnx/graph-builder';

/** One entry of a TF.js weights manifest (`weightsManifest[].weights[]`). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

/**
 * Decodes the concatenated weight files of a TF.js model into float tensors by name,
 * following `tf.io.decodeWeights`: float32 as stored, int32 as floats; uint8/uint16 affine-quantized values
 * as `q * scale + min` (how face-api's models are shipped).
 */
export function decodeWeights(specs: WeightSpec[], bytes: Uint8Array): Map<string, FloatTensor> {
  const tensors = new Map<string, FloatTensor>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(count);
    const q = spec.quantization;
    if (q) {
      if (q.scale === undefined || q.min === undefined) throw new Error(`weight ${spec.name}: quantization without scale/min is not supported`);
      const width = q.dtype === 'uint8' ? 1 : q.dtype === 'uint16' ? 2 : 0;
      if (!width) throw new Error(`weight ${spec.name}: quantization dtype ${q.dtype} is not supported`);
      for (let i = 0; i < count; i++) {
        const raw = width === 1 ? view.getUint8(offset + i) : view.getUint16(offset + 2 * i, true);
        data[i] = raw * q.scale + q.min;
      }
      offset += count * width;
    } else if (spec.dtype === 'float32') {
      for (let i = 0; i < count; i++) data[i] = view.getFloat32(offset + 4 * i, true);
      offset += count * 4;
    } else if (spec.dtype === 'int32') {
      // Small index constants (reduction axes); exact in float32.
      for (let i = 0; i < count; i++) data[i] = view.getInt32(offset + 4 * i, true);
      offset += count * 4;
    } else {
      throw new Error(`weight ${spec.name}: dtype ${spec.dtype} is not supported`);
    }
    tensors.set(spec.name, { shape: spec.shape, data });
  }
  if (offset !== bytes.byteLength) throw new Error(`weights: decoded ${offset} bytes but the files hold ${bytes.byteLength}`);
  return tensors;
}

/** A decoded weight by name, or an error naming what is missing. */
export function weight(weights: Map<string, FloatTensor>, name: string): FloatTensor {
  const tensor = weights.get(name);
  if (!tensor) throw new Error(`weight ${name} is missing from the model`);
  return tensor;
}
