import { MeshPart, type SkinInfluence } from './mesh-part.js';
import { add, cross, lerp, normalize, scale, smoothstep, sub, type Vec3 } from './math.js';
import type { Skeleton } from './skeleton.js';

/** A horizontal torso cross-section: a rounded rectangle (superellipse) at height y. */
interface Section {
  y: number;
  halfWidth: number;
  halfDepth: number;
  z: number;
}

const AROUND = 40;

/**
 * The torso as a sweater: lofted superellipse sections from the hips to a rolled collar that
 * tucks into the neck. Weighted hips → spine → chest by height, shoulders toward the arms.
 */
export function buildTorso(s: Skeleton): MeshPart {
  const part = new MeshPart('torso', 'cloth');
  const w = s.shoulderHalfWidth;
  const neck = s.joints.neck;
  const sections: Section[] = [
    { y: 0.93, halfWidth: 0.125, halfDepth: 0.09, z: 0 },
    { y: 1.0, halfWidth: 0.13, halfDepth: 0.093, z: 0 },
    { y: 1.1, halfWidth: 0.126, halfDepth: 0.09, z: 0.0 },
    { y: 1.22, halfWidth: w - 0.012, halfDepth: 0.103, z: 0.006 },
    { y: 1.31, halfWidth: w + 0.008, halfDepth: 0.1, z: 0.002 },
    // The shoulder reaches out over the top of the arm (so the sleeve emerges from under it
    // instead of sitting on it), rounds over, and the trapezius slopes up to the neck.
    { y: 1.345, halfWidth: w + 0.02, halfDepth: 0.094, z: -0.003 },
    { y: 1.378, halfWidth: w + 0.012, halfDepth: 0.086, z: -0.007 },
    { y: 1.402, halfWidth: w - 0.014, halfDepth: 0.077, z: -0.01 },
    { y: 1.42, halfWidth: w - 0.052, halfDepth: 0.068, z: -0.012 },
    { y: 1.434, halfWidth: 0.088, halfDepth: 0.064, z: -0.013 },
    { y: neck[1] + 0.005, halfWidth: 0.068, halfDepth: 0.063, z: neck[2] + 0.004 },
    // The collar rolls inward and down, into the neck, hiding the opening.
    { y: neck[1] + 0.0, halfWidth: 0.057, halfDepth: 0.054, z: neck[2] + 0.002 },
  ];
  const rows: number[][] = [];
  for (const sec of sections) {
    const row: number[] = [];
    for (let k = 0; k < AROUND; k++) {
      const a = (2 * Math.PI * k) / AROUND;
      const c = Math.sin(a);
      const d = Math.cos(a);
      // Superellipse with exponent 2.3: a fuller chest than an ellipse without boxy corners.
      const e = 2 / 2.3;
      const x = sec.halfWidth * Math.sign(c) * Math.abs(c) ** e;
      const z = sec.z + sec.halfDepth * Math.sign(d) * Math.abs(d) ** e;
      const p: Vec3 = [x, sec.y, z];
      row.push(part.addVertex(p, torsoSkin(p, s)));
    }
    rows.push(row);
  }
  // Sections are listed bottom to top; walk them top-down so the grid faces outward.
  part.addGrid(rows.slice().reverse(), true);
  const bottom = sections[0];
  if (bottom) part.capRing(rows[0] ?? [], [0, bottom.y - 0.01, bottom.z], [['hips', 1]], true);
  return part;
}

function torsoSkin(p: Vec3, s: Skeleton): SkinInfluence {
  const y = p[1];
  const hips = 1 - smoothstep(0.97, 1.06, y);
  const chest = smoothstep(1.12, 1.24, y);
  const spine = Math.max(0, 1 - hips - chest);
  const shoulder = smoothstep(0.07, s.shoulderHalfWidth, Math.abs(p[0])) * smoothstep(1.3, 1.4, y);
  const side = p[0] >= 0 ? 'leftShoulder' : 'rightShoulder';
  const influences: Array<[SkinInfluence[number][0], number]> = [];
  if (hips > 0) influences.push(['hips', hips]);
  if (spine > 0) influences.push(['spine', spine]);
  if (chest > 0) influences.push(['chest', chest * (1 - shoulder)]);
  if (shoulder > 0) influences.push([side, chest * shoulder]);
  return influences;
}

/** The neck: a tube from inside the collar up into the head, bending with neck and head bones. */
export function buildNeck(s: Skeleton): MeshPart {
  const part = new MeshPart('neck', 'skin');
  const bottom = s.joints.neck[1] - 0.06;
  const top = s.headCenter[1] - 0.03;
  const rows: number[][] = [];
  const rings = 10;
  for (let i = rings; i >= 0; i--) {
    const t = i / rings;
    const y = lerp(bottom, top, t);
    // Slightly narrower in the middle. Where it enters the head the neck draws back and in,
    // so its front stays behind the mouth cavity (an open mouth would show it otherwise).
    const rx = 0.054 - 0.004 * Math.sin(Math.PI * t);
    const rz = 0.052 - 0.003 * Math.sin(Math.PI * t) - 0.008 * smoothstep(0.6, 1, t);
    const cz = lerp(-0.014, -0.004, t) - 0.012 * smoothstep(0.6, 1, t);
    const head = smoothstep(s.joints.head[1] - 0.01, s.joints.head[1] + 0.03, y);
    const chest = 1 - smoothstep(s.joints.neck[1] - 0.04, s.joints.neck[1] + 0.01, y);
    const neck = Math.max(0, 1 - head - chest);
    const skin: SkinInfluence = [
      ['head', head],
      ['neck', neck],
      ['chest', chest],
    ];
    const row: number[] = [];
    for (let k = 0; k < 28; k++) {
      const a = (2 * Math.PI * k) / 28;
      row.push(part.addVertex([rx * Math.sin(a), y, cz + rz * Math.cos(a)], skin.filter(([, w2]) => w2 > 0)));
    }
    rows.push(row);
  }
  part.addGrid(rows, true);
  return part;
}

/** One arm: a sleeve from inside the shoulder to the wrist, then a hand. */
export function buildArms(s: Skeleton): { sleeves: MeshPart; hands: MeshPart } {
  const sleeves = new MeshPart('sleeves', 'cloth');
  const hands = new MeshPart('hands', 'skin');
  for (const side of ['left', 'right'] as const) {
    const sign = side === 'left' ? 1 : -1;
    const upper = s.joints[`${side}UpperArm`];
    const elbow = s.joints[`${side}LowerArm`];
    const wrist = s.joints[`${side}Hand`];
    // The sleeve starts inside the shoulder, below its top, so the torso's rounded shoulder
    // covers where they meet.
    const start: Vec3 = add(upper, [-sign * 0.015, 0, 0]);
    const path = (t: number): Vec3 =>
      t < 0.15 ? lerpV(start, upper, t / 0.15) : t < 0.6 ? lerpV(upper, elbow, (t - 0.15) / 0.45) : lerpV(elbow, wrist, (t - 0.6) / 0.4);
    const radius = (t: number): number =>
      t < 0.15 ? lerp(0.034, 0.043, Math.sin((t / 0.15) * Math.PI * 0.5)) : t < 0.6 ? lerp(0.043, 0.038, (t - 0.15) / 0.45) : lerp(0.038, 0.034, (t - 0.6) / 0.4);
    const rings = 26;
    const rows: number[][] = [];
    let ringCenter0: Vec3 = start;
    for (let i = 0; i <= rings; i++) {
      const t = i / rings;
      const c = smoothPath(path, t);
      if (i === 0) ringCenter0 = c;
      const tangent = normalize(sub(smoothPath(path, Math.min(1, t + 0.01)), smoothPath(path, Math.max(0, t - 0.01))));
      const sideAxis = normalize(cross(tangent, [0, 0, 1]));
      const front = normalize(cross(sideAxis, tangent));
      const skin = armSkin(side, t);
      const row: number[] = [];
      for (let k = 0; k < 24; k++) {
        const a = (2 * Math.PI * k) / 24;
        const r = radius(t);
        row.push(sleeves.addVertex(add(c, add(scale(sideAxis, r * Math.cos(a)), scale(front, r * Math.sin(a)))), skin));
      }
      rows.push(row);
    }
    // Rings run from the shoulder down and turn like the head's longitudes: outward as is.
    sleeves.addGrid(rows, true);
    sleeves.capRing(rows[0] ?? [], add(ringCenter0, [0, 0.02, 0]), armSkin(side, 0));
    sleeves.capRing(rows[rings] ?? [], add(wrist, [0, -0.004, 0]), armSkin(side, 1), true);
    buildHand(hands, wrist, sign, `${side}Hand`);
  }
  return { sleeves, hands };
}

function lerpV(a: Vec3, b: Vec3, t: number): Vec3 {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
}

/** Averages the polyline over a small window so the elbow bends round instead of sharp. */
function smoothPath(path: (t: number) => Vec3, t: number): Vec3 {
  const n = 7;
  let acc: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++) acc = add(acc, path(Math.max(0, Math.min(1, t + (i - 3) * 0.015))));
  return scale(acc, 1 / n);
}

function armSkin(side: 'left' | 'right', t: number): SkinInfluence {
  const shoulder = 1 - smoothstep(0.0, 0.2, t);
  const lower = smoothstep(0.52, 0.66, t);
  const hand = smoothstep(0.94, 1.0, t);
  const upperArm = Math.max(0, 1 - shoulder - lower);
  const out: Array<[SkinInfluence[number][0], number]> = [];
  if (shoulder > 0) out.push([`${side}Shoulder`, shoulder]);
  if (upperArm > 0) out.push([`${side}UpperArm`, upperArm]);
  if (lower > 0) out.push([`${side}LowerArm`, lower * (1 - hand)]);
  if (hand > 0) out.push([`${side}Hand`, hand]);
  return out;
}

/** A relaxed hand: a flattened oval palm with the fingers as one soft mass and a thumb bump. */
function buildHand(part: MeshPart, wrist: Vec3, sign: number, bone: 'leftHand' | 'rightHand'): void {
  const center = add(wrist, [sign * 0.004, -0.062, 0.008]);
  const rings = 12;
  const segments = 16;
  const rows: number[][] = [];
  for (let i = 0; i <= rings; i++) {
    const phi = (Math.PI * i) / rings;
    const row: number[] = [];
    for (let k = 0; k < segments; k++) {
      const theta = (2 * Math.PI * k) / segments;
      const sx = Math.sin(phi) * Math.sin(theta);
      const sz = Math.sin(phi) * Math.cos(theta);
      const sy = Math.cos(phi);
      const thumb = 0.006 * Math.max(0, sz) * Math.exp(-(((sy - 0.35) / 0.35) ** 2));
      const p: Vec3 = [center[0] + sx * 0.017, center[1] + sy * 0.068 * (sy > 0 ? 1 : 1.15), center[2] + sz * (0.03 + thumb)];
      row.push(part.addVertex(p, [[bone, 1]]));
      if (i === 0 || i === rings) break;
    }
    rows.push(row);
  }
  const top = rows[0]?.[0] ?? 0;
  const bottom = rows[rings]?.[0] ?? 0;
  const ring1 = rows[1] ?? [];
  const ringN = rows[rings - 1] ?? [];
  for (let k = 0; k < segments; k++) {
    const k1 = (k + 1) % segments;
    part.addTriangle(top, ring1[k] ?? 0, ring1[k1] ?? 0);
    part.addTriangle(bottom, ringN[k1] ?? 0, ringN[k] ?? 0);
  }
  part.addGrid(rows.slice(1, rings), true);
}
