import { add, lerp, scale, smoothstep } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import { skinPointAt } from './face-features.js';
import { gridIndices, mirrorPart, type FacePart } from './face-part.js';
import type { FaceVertex } from './face-rig.js';

/**
 * Eyebrows: a tapered ribbon laid on the skin just above its surface. It is moved by the same
 * position-based brow regions as the skin below it, so it stays glued when brows raise or knit.
 */
export function buildBrows(l: FaceLayout): FacePart[] {
  const r = l.eyeRadius;
  const [ex, ey] = l.eyeCenter;
  const thickness = lerp(0.0022, 0.0056, l.browThickness);
  const vertices: FaceVertex[] = [];
  const rows: number[][] = [[], [], []];
  const steps = 16;
  for (let j = 0; j <= steps; j++) {
    const t = j / steps;
    const x = ex + lerp(-1.25, 1.45, t) * r;
    // A soft arch peaking two thirds out, the tail dropping a little.
    const arch = r * (0.38 * Math.sin(Math.PI * Math.min(1, t / 0.66) * 0.5) - 0.55 * smoothstep(0.66, 1, t) ** 1.5);
    const y = ey + l.browHeight + arch;
    const h = thickness * (1 - 0.62 * t ** 1.6) * (0.72 + 0.28 * smoothstep(0, 0.18, t));
    for (let k = 0; k < 3; k++) {
      const v = (k - 1) * 0.5;
      const { point, normal } = skinPointAt(l, x, y + v * h - 0.15 * h * t);
      vertices.push({ rest: add(point, scale(normal, 0.0007)), jaw: 0, upperLip: 0, lowerLip: 0, soft: true });
      rows[k]?.push(vertices.length - 1);
    }
  }
  // Rows climb and columns run +X: clockwise from the front, so flip.
  const left: FacePart = { name: 'brow-left', material: 'brow', vertices, indices: gridIndices(rows, true) };
  return [left, mirrorPart(left, 'brow-right')];
}
