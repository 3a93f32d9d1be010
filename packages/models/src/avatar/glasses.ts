import type { FaceLayout } from './face/face-layout.js';
import { MeshPart } from './mesh-part.js';
import { add, cross, lerp, normalize, scale, sub, type Vec3 } from './math.js';

const TUBE_SIDES = 8;

/**
 * Glasses: two rounded-rectangle rims in front of the eyes, a bridge over the nose and temple
 * arms running back to the ears, all as tubes swept along their paths. Rigid on the head bone.
 */
export function buildGlasses(l: FaceLayout, headCenter: Vec3): MeshPart {
  const part = new MeshPart('glasses', 'frame');
  const [ex, ey, ez] = l.eyeCenter;
  const frontZ = ez + l.eyeRadius * 1.1 + 0.011;
  const halfW = Math.max(0.021, l.eyeRadius * 1.75);
  const halfH = halfW * 0.72;
  const wrap = (x: number): number => -2.2 * (x - 0) ** 2; // the frame curves back toward the temples
  const rim = (sign: number): Vec3[] => {
    const pts: Vec3[] = [];
    const n = 40;
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const c = Math.cos(a);
      const s = Math.sin(a);
      const e = 2 / 3.2;
      const x = sign * (ex + halfW * Math.sign(c) * Math.abs(c) ** e);
      const y = ey - 0.002 + halfH * Math.sign(s) * Math.abs(s) ** e;
      pts.push(add(headCenter, [x, y, frontZ + wrap(x)]));
    }
    return sign > 0 ? pts : pts.reverse();
  };
  const radius = 0.0016;
  sweep(part, rim(1), true, radius);
  sweep(part, rim(-1), true, radius);
  const bridge: Vec3[] = [];
  for (let i = 0; i <= 8; i++) {
    const x = lerp(-(ex - halfW * 0.96), ex - halfW * 0.96, i / 8);
    const y = ey + 0.003 + 0.003 * Math.cos((Math.PI * i) / 8 - Math.PI / 2);
    bridge.push(add(headCenter, [x, y, frontZ + wrap(x) + 0.001]));
  }
  sweep(part, bridge, false, radius * 0.9);
  for (const sign of [1, -1]) {
    const hinge: Vec3 = [sign * (ex + halfW), ey + halfH * 0.35, frontZ + wrap(ex + halfW)];
    const ear: Vec3 = [sign * (l.halfWidth + 0.004), l.eyeCenter[1] - 0.004, -0.02];
    const arm: Vec3[] = [];
    for (let i = 0; i <= 10; i++) {
      const t = i / 10;
      const p: Vec3 = [lerp(hinge[0], ear[0], Math.sqrt(t)), lerp(hinge[1], ear[1], t), lerp(hinge[2], ear[2], t)];
      arm.push(add(headCenter, p));
    }
    sweep(part, arm, false, radius * 0.85);
  }
  return part;
}

/** A round tube along a path; open tubes get end caps. */
function sweep(part: MeshPart, path: Vec3[], closed: boolean, radius: number): void {
  const rows: number[][] = [];
  const n = path.length;
  for (let i = 0; i < n; i++) {
    const p = path[i] ?? [0, 0, 0];
    const prev = path[closed ? (i - 1 + n) % n : Math.max(0, i - 1)] ?? p;
    const next = path[closed ? (i + 1) % n : Math.min(n - 1, i + 1)] ?? p;
    const tangent = normalize(sub(next, prev));
    const ref: Vec3 = Math.abs(tangent[2]) > 0.9 ? [0, 1, 0] : [0, 0, 1];
    const u = normalize(cross(tangent, ref));
    const v = cross(tangent, u);
    const row: number[] = [];
    for (let k = 0; k < TUBE_SIDES; k++) {
      const a = (2 * Math.PI * k) / TUBE_SIDES;
      const offset = add(scale(u, Math.cos(a) * radius), scale(v, Math.sin(a) * radius));
      row.push(part.addVertex(add(p, offset), [['head', 1]], normalize(offset)));
    }
    rows.push(row);
  }
  if (closed) rows.push(rows[0] ?? []);
  part.addGrid(rows, true, true);
  if (!closed) {
    const startRing = rows[0] ?? [];
    const endRing = rows[rows.length - 1] ?? [];
    const start = path[0] ?? [0, 0, 0];
    const end = path[n - 1] ?? [0, 0, 0];
    const startDir = normalize(sub(path[0] ?? start, path[1] ?? start));
    const endDir = normalize(sub(end, path[n - 2] ?? end));
    part.capRing(startRing, start, [['head', 1]], true, startDir);
    part.capRing(endRing, end, [['head', 1]], false, endDir);
  }
}
