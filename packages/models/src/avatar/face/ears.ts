import type { Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import { gridIndices, mirrorPart, type FacePart } from './face-part.js';
import type { FaceVertex } from './face-rig.js';

/**
 * Ears: a flattened, slightly cupped oval set on the side of the head, tilted back, half sunk
 * into the skull so the join is a clean crease.
 */
export function buildEars(l: FaceLayout): FacePart[] {
  const vertices: FaceVertex[] = [];
  const rows: number[][] = [];
  const rings = 8;
  const segments = 18;
  const center: Vec3 = [l.halfWidth * 0.93, l.eyeCenter[1] - 0.014, -0.012];
  const tilt = 0.22;
  for (let i = 0; i <= rings; i++) {
    const phi = (Math.PI * i) / rings;
    const row: number[] = [];
    for (let k = 0; k < segments; k++) {
      const theta = (2 * Math.PI * k) / segments;
      // Local frame: u along the ear's height, w its width (front-back), n out from the head.
      const u = Math.cos(phi) * 0.029;
      const w = Math.sin(phi) * Math.cos(theta) * 0.017 * (1 + 0.25 * Math.cos(phi));
      const n = Math.sin(phi) * Math.sin(theta) * 0.0085;
      const cup = -0.003 * Math.sin(phi) ** 2 * Math.max(0, Math.sin(theta));
      const y = u * Math.cos(tilt) - w * Math.sin(tilt);
      const z = w * Math.cos(tilt) + u * Math.sin(tilt);
      vertices.push({
        rest: [center[0] + n + cup * 0.5 + 0.006, center[1] + y, center[2] + z],
        jaw: 0,
        upperLip: 0,
        lowerLip: 0,
        soft: false,
      });
      row.push(vertices.length - 1);
      if (i === 0 || i === rings) break;
    }
    rows.push(row);
  }
  const indices: number[] = [];
  const top = rows[0]?.[0] ?? 0;
  const bottom = rows[rings]?.[0] ?? 0;
  for (let k = 0; k < segments; k++) {
    const k1 = (k + 1) % segments;
    indices.push(top, rows[1]?.[k] ?? 0, rows[1]?.[k1] ?? 0);
    indices.push(bottom, rows[rings - 1]?.[k1] ?? 0, rows[rings - 1]?.[k] ?? 0);
  }
  indices.push(...gridIndices(rows.slice(1, rings), false, true));
  const left: FacePart = { name: 'ear-left', material: 'skin', vertices, indices };
  return [left, mirrorPart(left, 'ear-right')];
}
