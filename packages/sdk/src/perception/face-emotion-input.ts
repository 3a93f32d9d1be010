import type { EmotionModelSpec } from './face-emotion-models';

/**
 * Turns a square RGBA face crop into a classifier's NCHW input (batch of one): resized
 * (bilinear) to the model's side, as RGB 0–255 or signed luma; `mirrored` flips it
 * left–right (test-time augmentation: expressions are near-symmetric, errors less so).
 */
export function toModelInput(rgba: Uint8ClampedArray, size: number, spec: Pick<EmotionModelSpec, 'inputSize' | 'input'>, mirrored: boolean): { data: Float32Array; dims: number[] } {
  const s = spec.inputSize;
  const channels = spec.input === 'rgb255' ? 3 : 1;
  const plane = s * s;
  const data = new Float32Array(channels * plane);
  const scale = size / s;
  for (let y = 0; y < s; y++) {
    const sy = Math.min(size - 1, Math.max(0, (y + 0.5) * scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(size - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < s; x++) {
      const sx = Math.min(size - 1, Math.max(0, (x + 0.5) * scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(size - 1, x0 + 1);
      const fx = sx - x0;
      const sample = (c: number) => {
        const at = (px: number, py: number) => rgba[(py * size + px) * 4 + c] ?? 0;
        return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
      };
      const r = sample(0);
      const g = sample(1);
      const b = sample(2);
      const index = mirrored ? y * s + (s - 1 - x) : y * s + x;
      if (channels === 3) {
        data[index] = r;
        data[plane + index] = g;
        data[2 * plane + index] = b;
      } else {
        // The luma weights and -1…1 range of @vladmandic/human's emotion preprocessing.
        data[index] = ((0.2989 * r + 0.587 * g + 0.114 * b) / 255 - 0.5) * 2;
      }
    }
  }
  return { data, dims: [1, channels, s, s] };
}
