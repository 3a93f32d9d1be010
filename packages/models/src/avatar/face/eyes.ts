import { MeshPart } from '../mesh-part.js';
import type { Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';

const SEGMENTS = 32;
/** Angular radius of the iris and pupil seen from the eye centre (radians). */
const IRIS_ANGLE = 0.62;
const PUPIL_ANGLE = 0.24;
const LIMBUS_ANGLE = 0.55;
/** The sclera stops behind the visible range; the eye never turns far enough to show its back. */
const SCLERA_END = 2.1;

/**
 * Eyeballs: a sphere per eye with its pole looking forward, split into sclera, limbal ring, iris and pupil
 * primitives along rings so every edge is crisp. Normals are the exact sphere normals so the
 * split leaves no shading seam. Each eye is skinned fully to its eye bone, so three-vrm's
 * bone look-at rotates it.
 */
export function buildEyeballs(l: FaceLayout, headCenter: Vec3): MeshPart[] {
  const sclera = new MeshPart('sclera', 'sclera');
  const iris = new MeshPart('iris', 'iris');
  const pupil = new MeshPart('pupil', 'pupil');
  // The darker limbal ring round the iris is what makes stylised eyes read at a distance.
  const limbus = new MeshPart('limbus', 'limbus');
  for (const side of [1, -1] as const) {
    const bone = side === 1 ? 'leftEye' : 'rightEye';
    const c: Vec3 = [
      headCenter[0] + side * l.eyeCenter[0],
      headCenter[1] + l.eyeCenter[1],
      headCenter[2] + l.eyeCenter[2],
    ];
    sphereBand(pupil, c, l.eyeRadius, 0, PUPIL_ANGLE, 4, bone);
    sphereBand(iris, c, l.eyeRadius, PUPIL_ANGLE, LIMBUS_ANGLE, 6, bone);
    sphereBand(limbus, c, l.eyeRadius, LIMBUS_ANGLE, IRIS_ANGLE, 2, bone);
    sphereBand(sclera, c, l.eyeRadius, IRIS_ANGLE, SCLERA_END, 10, bone);
  }
  return [sclera, iris, limbus, pupil];
}

/** A band of a sphere between polar angles from..to measured from the +Z pole. */
function sphereBand(
  part: MeshPart,
  c: Vec3,
  r: number,
  from: number,
  to: number,
  rings: number,
  bone: 'leftEye' | 'rightEye',
): void {
  const rows: number[][] = [];
  const start = from === 0 ? 1 : 0;
  for (let i = start; i <= rings; i++) {
    const psi = from + ((to - from) * i) / rings;
    const row: number[] = [];
    for (let k = 0; k < SEGMENTS; k++) {
      const a = (2 * Math.PI * k) / SEGMENTS;
      const n: Vec3 = [Math.sin(psi) * Math.cos(a), Math.sin(psi) * Math.sin(a), Math.cos(psi)];
      row.push(part.addVertex([c[0] + n[0] * r, c[1] + n[1] * r, c[2] + n[2] * r], [[bone, 1]], n));
    }
    rows.push(row);
  }
  // Rings advance away from the front pole and the angle runs counter-clockwise seen from the
  // front, so the grid's quads already face outward.
  part.addGrid(rows, true);
  if (from === 0) {
    const n: Vec3 = [0, 0, 1];
    const centre = part.addVertex([c[0], c[1], c[2] + r], [[bone, 1]], n);
    const ring = rows[0] ?? [];
    for (let k = 0; k < ring.length; k++) {
      part.addTriangle(centre, ring[k] ?? 0, ring[(k + 1) % ring.length] ?? 0);
    }
  }
}
