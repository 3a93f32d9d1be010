import * as THREE from 'three';
import { srgbToLinear, type Rgb } from './linear-color';

/** Images are read from a copy this size: enough for a mean colour, cheap to scan. */
const SAMPLE_SIZE = 64;
/** At most this many vertices are sampled per geometry. */
const MAX_SAMPLES = 4096;

/**
 * The mean linear colour of the texels a surface actually uses: the texture is sampled at the
 * UVs of the geometries' vertices (with the texture's transform), not averaged whole, because
 * avatar textures are atlases whose unused areas can be any colour. Transparent texels count by
 * their alpha. Null when the image cannot be read (still loading, or cross-origin without CORS).
 */
export function usedTexelMean(texture: THREE.Texture, geometries: readonly THREE.BufferGeometry[]): Rgb | null {
  const texels = readTexels(texture);
  if (!texels) return null;
  if (texture.matrixAutoUpdate) texture.updateMatrix();
  const uv = new THREE.Vector2();
  const sum = [0, 0, 0];
  let weight = 0;
  for (const geometry of geometries) {
    const attribute = geometry.getAttribute('uv');
    if (!attribute) continue;
    const step = Math.max(1, Math.floor(attribute.count / MAX_SAMPLES));
    for (let i = 0; i < attribute.count; i += step) {
      uv.set(attribute.getX(i), attribute.getY(i));
      // Applies the texture's transform and wrapping and undoes flipY, so v now counts image
      // rows from the top for glTF (flipY = false) and flipped textures alike.
      texture.transformUv(uv);
      const x = Math.min(texels.width - 1, Math.max(0, Math.floor(uv.x * texels.width)));
      const y = Math.min(texels.height - 1, Math.max(0, Math.floor(uv.y * texels.height)));
      const o = (y * texels.width + x) * 4;
      const a = (texels.data[o + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + a * toLinear(texture, (texels.data[o + c] ?? 0) / 255);
      weight += a;
    }
  }
  if (weight <= 0) return null;
  return [(sum[0] ?? 0) / weight, (sum[1] ?? 0) / weight, (sum[2] ?? 0) / weight];
}

/** Mean of a geometry's vertex colours (linear, as three.js stores them), or null if it has none. */
export function vertexColorMean(geometries: readonly THREE.BufferGeometry[]): Rgb | null {
  const sum = [0, 0, 0];
  let count = 0;
  for (const geometry of geometries) {
    const color = geometry.getAttribute('color');
    if (!color) continue;
    for (let i = 0; i < color.count; i++) {
      sum[0] = (sum[0] ?? 0) + color.getX(i);
      sum[1] = (sum[1] ?? 0) + color.getY(i);
      sum[2] = (sum[2] ?? 0) + color.getZ(i);
      count++;
    }
  }
  return count ? [(sum[0] ?? 0) / count, (sum[1] ?? 0) / count, (sum[2] ?? 0) / count] : null;
}

function toLinear(texture: THREE.Texture, c: number): number {
  return texture.colorSpace === THREE.SRGBColorSpace ? srgbToLinear(c) : c;
}

interface Texels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * RGBA bytes of the texture: raw data (a DataTexture) as it is, an image element, bitmap or
 * canvas drawn into a SAMPLE_SIZE² canvas (a mean needs no more, and this keeps it cheap).
 */
function readTexels(texture: THREE.Texture): Texels | null {
  const image: unknown = texture.image;
  if (!image) return null;
  if (isRawImage(image)) return image.data.length >= image.width * image.height * 4 ? image : null;
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = SAMPLE_SIZE;
  canvas.height = SAMPLE_SIZE;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  try {
    context.drawImage(image as CanvasImageSource, 0, 0, SAMPLE_SIZE, SAMPLE_SIZE);
    return { data: context.getImageData(0, 0, SAMPLE_SIZE, SAMPLE_SIZE).data, width: SAMPLE_SIZE, height: SAMPLE_SIZE };
  } catch {
    // A cross-origin image without CORS taints the canvas: no mean, the caller assumes white.
    return null;
  }
}

function isRawImage(image: unknown): image is Texels {
  const candidate = image as { data?: unknown; width?: unknown };
  return (candidate.data instanceof Uint8Array || candidate.data instanceof Uint8ClampedArray) && typeof candidate.width === 'number';
}
