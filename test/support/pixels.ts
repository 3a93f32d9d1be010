import { PNG } from 'pngjs';

/** A decoded RGBA image. */
export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(buffer: Buffer): Image {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

/** A rectangle as fractions (0–1) of an image's width and height. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WHOLE: Region = { x: 0, y: 0, width: 1, height: 1 };

function* pixelsIn(image: Image, region: Region): Generator<number> {
  const x0 = Math.floor(region.x * image.width);
  const y0 = Math.floor(region.y * image.height);
  const x1 = Math.min(image.width, Math.ceil((region.x + region.width) * image.width));
  const y1 = Math.min(image.height, Math.ceil((region.y + region.height) * image.height));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) yield (y * image.width + x) * 4;
}

/** Share of pixels in `region` whose colour differs from `background` by more than `tolerance` (0–255, any channel). */
export function shareDifferentFrom(
  image: Image,
  background: [number, number, number],
  region: Region = WHOLE,
  tolerance = 12,
): number {
  let differing = 0;
  let total = 0;
  for (const i of pixelsIn(image, region)) {
    total++;
    const d = image.data;
    if (
      Math.abs((d[i] ?? 0) - background[0]) > tolerance ||
      Math.abs((d[i + 1] ?? 0) - background[1]) > tolerance ||
      Math.abs((d[i + 2] ?? 0) - background[2]) > tolerance
    ) {
      differing++;
    }
  }
  return total ? differing / total : 0;
}

/** Mean absolute difference per channel (0–255) between two same-sized images within `region`. */
export function meanAbsoluteDifference(a: Image, b: Image, region: Region = WHOLE): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let sum = 0;
  let count = 0;
  for (const i of pixelsIn(a, region)) {
    for (let c = 0; c < 3; c++) sum += Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0));
    count += 3;
  }
  return count ? sum / count : 0;
}

/** Counts of clearly green and clearly red pixels (validation-window colours). */
export function greenAndRed(image: Image, region: Region = WHOLE): { green: number; red: number } {
  let green = 0;
  let red = 0;
  for (const i of pixelsIn(image, region)) {
    const r = image.data[i] ?? 0;
    const g = image.data[i + 1] ?? 0;
    const b = image.data[i + 2] ?? 0;
    // The sample's window is a dark, saturated green (or red): judge hue, not brightness.
    if (g > 40 && g > r * 2 && g > b * 2) green++;
    if (r > 40 && r > g * 2 && r > b * 2) red++;
  }
  return { green, red };
}
