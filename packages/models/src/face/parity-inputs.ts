import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { seededRandom } from '../../../sdk/src/util/random';

/** ../shared/eval/faces beside the checkout: real photos for parity tests. */
export const EVAL_FACES = resolve(fileURLToPath(new URL('../../../..', import.meta.url)), '..', 'shared', 'eval', 'faces');

/**
 * A real face photo, centre-cropped to its middle 70 % (the face in these 256×256 portraits)
 * and resized (bilinear) to `size`×`size`: RGB in 0–255, interleaved (HWC).
 */
export function realFaceHwc(relativePath: string, size: number): Float32Array {
  const image = jpeg.decode(readFileSync(resolve(EVAL_FACES, relativePath)), { useTArray: true });
  const side = Math.round(Math.min(image.width, image.height) * 0.7);
  const x0 = (image.width - side) / 2;
  const y0 = (image.height - side) / 2;
  const out = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = x0 + ((x + 0.5) * side) / size - 0.5;
      const sy = y0 + ((y + 0.5) * side) / size - 0.5;
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      const fx = sx - ix;
      const fy = sy - iy;
      for (let c = 0; c < 3; c++) {
        const at = (px: number, py: number) => image.data[(py * image.width + px) * 4 + c] ?? 0;
        const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
        const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
        out[(y * size + x) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}

/** Uniform random values in [min, max), repeatable by seed. */
export function randomValues(count: number, min: number, max: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: count }, () => min + (max - min) * random());
}

/** HWC → CHW (ONNX's layout) for one image. */
export function hwcToChw(hwc: Float32Array, size: number, channels: number): Float32Array {
  const chw = new Float32Array(hwc.length);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < channels; c++) chw[c * size * size + i] = hwc[i * channels + c] ?? 0;
  return chw;
}

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}
