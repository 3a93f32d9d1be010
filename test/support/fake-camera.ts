import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import jpeg from 'jpeg-js';

/** One segment of a fake camera video: a photo (or an empty grey scene) for some seconds. */
export interface Segment {
  /** A JPEG to show, centred at full height; null shows an empty grey scene. */
  image: string | null;
  seconds: number;
}

const FPS = 10;

/**
 * Writes a Y4M video for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * `width`×`height` (default 320×240) at 10 fps, 4:2:0, the format ENVIRONMENT.md found to
 * play frame-exact and loop. Chromium plays it at the file's own rate whatever frame rate
 * getUserMedia asks for (measured: 10 fps, 30 fps or no constraint all gave 5.0 s of a 5 s
 * segment, to the frame). Photos are scaled to the frame's height, on a grey background.
 */
export function writeFakeCameraVideo(file: string, segments: Segment[], size: { width: number; height: number } = { width: 320, height: 240 }): void {
  const frames: Buffer[] = [];
  for (const segment of segments) {
    const frame = yuvFrame(segment.image, size.width, size.height);
    for (let i = 0; i < Math.round(segment.seconds * FPS); i++) frames.push(Buffer.from('FRAME\n'), frame);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${size.width} H${size.height} F${FPS}:1 Ip A1:1 C420jpeg\n`), ...frames]));
}

function yuvFrame(path: string | null, width: number, height: number): Buffer {
  const rgb = new Float32Array(width * height * 3).fill(128);
  if (path) {
    const image = jpeg.decode(readFileSync(path), { useTArray: true });
    const scale = image.height / height;
    const side = Math.round(image.width / scale);
    const x0 = Math.round((width - side) / 2);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < side; x++) {
        const sx = Math.min(image.width - 1, Math.floor((x + 0.5) * scale));
        const sy = Math.min(image.height - 1, Math.floor((y + 0.5) * scale));
        for (let c = 0; c < 3; c++) rgb[(y * width + x + x0) * 3 + c] = image.data[(sy * image.width + sx) * 4 + c] ?? 0;
      }
    }
  }
  // BT.601 full-range (JPEG) YCbCr; chroma averaged over 2×2 blocks.
  const ySize = width * height;
  const out = Buffer.alloc(ySize * 1.5);
  const px = (x: number, y: number, c: number) => rgb[(y * width + x) * 3 + c] ?? 0;
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = clamp(0.299 * px(x, y, 0) + 0.587 * px(x, y, 1) + 0.114 * px(x, y, 2));
  const cw = width / 2;
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        r += px(2 * x + dx, 2 * y + dy, 0) / 4;
        g += px(2 * x + dx, 2 * y + dy, 1) / 4;
        b += px(2 * x + dx, 2 * y + dy, 2) / 4;
      }
      out[ySize + y * cw + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[ySize + ySize / 4 + y * cw + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
