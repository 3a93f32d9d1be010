import { baseHeadPoint, direction, type FaceLayout } from './face/face-layout.js';
import { featureOffset, frontnessOf } from './face/face-features.js';
import { MeshPart } from './mesh-part.js';
import { add, lerp, length, normalize, scale, smoothstep, sub, type Vec3 } from './math.js';
import type { HairStyle } from './parameters.js';

const COLUMNS = 72;
const OUTER_ROWS = 30;
const INNER_ROWS = 8;

/** Where a style's hair ends (head-local y) at longitude θ, and how thick it sits. */
interface StyleShape {
  hemY: (theta: number) => number;
  /** Thickness on the crown; the sides get 70 % of it. */
  thickness: number;
  /** Whether the hair below the skull's widest point falls as a curtain (bob, long). */
  curtain: boolean;
  /**
   * Close-cropped styles thin out toward the hem so the hairline meets the skin softly instead
   * of ending in a blunt shelf; this is how much thickness the hem keeps (1 = none lost).
   */
  hemThickness: (theta: number) => number;
  /** Extra thickness on the front of the crown, as a share of `thickness`: lift, not a cap. */
  lift: number;
}

function styleShape(style: Exclude<HairStyle, 'none'>, l: FaceLayout, volume: number): StyleShape {
  const browY = l.eyeCenter[1] + l.browHeight;
  const band = (a: number, from: number, to: number): number => smoothstep(from, to, a);
  // Fringe strands: a gentle zigzag of pointed tips along the hem at the front.
  const strands = (theta: number): number => 0.0045 * Math.abs(Math.sin(theta * 11)) ** 0.7;
  // 1 over the forehead toward the avatar's right, 0 at the part (its left) and the sides.
  const sweep = (theta: number): number => smoothstep(0.55, 0.05, theta) * smoothstep(-0.95, -0.45, theta);
  switch (style) {
    case 'short':
    case 'tied': {
      const tight = style === 'tied';
      return {
        thickness: tight ? lerp(0.004, 0.007, volume) : lerp(0.008, 0.018, volume),
        curtain: false,
        lift: tight ? 0.15 : 0.4,
        // A swept fringe keeps some body over the forehead; elsewhere the hair thins to the skin.
        hemThickness: (theta) => (tight ? 0.15 : lerp(0.2, 0.55, sweep(theta))),
        hemY: (theta) => {
          const a = Math.abs(theta);
          // The fringe sweeps from a side part on the avatar's left down across the forehead.
          const fringe = tight ? 0 : 0.016 * sweep(theta);
          const hairline = browY + (tight ? 0.04 : 0.036) - fringe;
          // The hairline recedes a little at the temples before the sideburns.
          const temple = 0.007 * Math.exp(-(((a - 0.78) / 0.16) ** 2));
          const sideburn = l.eyeCenter[1] - 0.012;
          const overEar = l.eyeCenter[1] + 0.022;
          const nape = -0.062;
          let y = lerp(hairline, sideburn, band(a, 0.62, 1.02)) + temple;
          y = lerp(y, overEar, band(a, 1.18, 1.42));
          return lerp(y, nape, band(a, 1.75, 2.4));
        },
      };
    }
    case 'bob':
    case 'long': {
      const long = style === 'long';
      return {
        thickness: lerp(0.01, 0.02, volume),
        curtain: true,
        lift: 0.35,
        hemThickness: () => 1,
        hemY: (theta) => {
          const a = Math.abs(theta);
          const bangs = browY + 0.004 - strands(theta);
          const sides = long ? -0.15 : l.mouthY - 0.018;
          const back = long ? -0.25 : l.mouthY - 0.03;
          const y = lerp(bangs, sides, band(a, 0.5, 1.05));
          return lerp(y, back, band(a, 1.6, 2.6));
        },
      };
    }
  }
}

/**
 * Hair as a thick shell over the skull: each longitude follows the scalp (offset by the hair's
 * thickness) down to the style's hem, falling as a vertical curtain below the skull's widest
 * point for bob and long; at the hem it rolls under and returns on the inside until it is
 * hidden inside the head, so every edge is rounded and no sheet edge or gap shows.
 */
export function buildHair(style: HairStyle, l: FaceLayout, headCenter: Vec3, volume: number): MeshPart | null {
  if (style === 'none') return null;
  const shape = styleShape(style, l, volume);
  const part = new MeshPart('hair', 'hair');
  const toModel = (p: Vec3): Vec3 => add(p, headCenter);
  const columns: Vec3[][] = [];
  for (let c = 0; c < COLUMNS; c++) {
    const theta = -Math.PI + (2 * Math.PI * c) / COLUMNS;
    columns.push(hairColumn(l, theta, shape));
  }
  const crown = part.addVertex(toModel(add(baseHeadPoint(l, 0, 0), [0, shape.thickness, 0])), [['head', 1]]);
  const rows: number[][] = [];
  const rowCount = columns[0]?.length ?? 0;
  for (let r = 0; r < rowCount; r++) {
    const row: number[] = [];
    for (let c = 0; c < COLUMNS; c++) {
      row.push(part.addVertex(toModel(columns[c]?.[r] ?? [0, 0, 0]), [['head', 1]]));
    }
    rows.push(row);
  }
  const first = rows[0] ?? [];
  for (let c = 0; c < COLUMNS; c++) part.addTriangle(crown, first[c] ?? 0, first[(c + 1) % COLUMNS] ?? 0);
  part.addGrid(rows, true);
  if (style === 'tied') addBun(part, l, headCenter);
  return part;
}

/** One longitude of the hair: outer surface crown → hem, roll, then the inner surface back up. */
function hairColumn(l: FaceLayout, theta: number, shape: StyleShape): Vec3[] {
  const hem = shape.hemY(theta);
  const a = Math.abs(theta);
  const sideFactor = lerp(1, 0.72, smoothstep(0.3, 1.4, a)) * lerp(1, 0.85, smoothstep(2.2, 3.0, a));
  // Dense path over the scalp until the hem or (for curtains) the widest point, then straight down.
  const path: Vec3[] = [];
  const normals: Vec3[] = [];
  let widestPhi = 0;
  let widest = 0;
  for (let i = 1; i <= 200; i++) {
    const phi = (Math.PI * 0.78 * i) / 200;
    const p = baseHeadPoint(l, theta, phi);
    const w = Math.hypot(p[0], p[2]);
    if (w > widest) {
      widest = w;
      widestPhi = phi;
    }
  }
  for (let i = 1; i <= 200; i++) {
    const phi = (Math.PI * 0.78 * i) / 200;
    if (shape.curtain && phi > widestPhi) break;
    const p = scalpPoint(l, theta, phi);
    const n = normalize(sub(p, [0, -0.01, -0.005]));
    const t = shape.thickness * thicknessFactor(theta, phi, sideFactor, shape.lift) * hemTaper(p[1], hem, shape.hemThickness(theta));
    const q = add(p, scale(n, t + 0.0015));
    path.push(q);
    normals.push(n);
    if (q[1] < hem) break;
  }
  if (shape.curtain) {
    const top = path[path.length - 1] ?? [0, 0, 0];
    const outward = normalize([top[0], 0, top[2]]);
    const drop = top[1] - hem;
    for (let i = 1; i <= 40 && drop > 0; i++) {
      const s = i / 40;
      // A soft outward swell then tucking in at the ends, as a blunt bob does.
      const swell = 0.006 * Math.sin(Math.PI * s) - 0.006 * smoothstep(0.8, 1, s);
      path.push(add([top[0], top[1] - drop * s, top[2]], scale(outward, swell)));
      normals.push(outward);
    }
  }
  const outer = resample(path, OUTER_ROWS);
  const outerNormals = resampleIndex(normals, path, OUTER_ROWS);
  const hemPoint = outer[outer.length - 1] ?? [0, 0, 0];
  const hemNormal = outerNormals[outerNormals.length - 1] ?? [0, 0, 1];
  const depth = (shape.curtain ? 0.009 : shape.thickness * shape.hemThickness(theta)) + 0.004;
  const points: Vec3[] = [...outer];
  // Roll under at the hem: down a little and inward.
  points.push(add(add(hemPoint, scale(hemNormal, -depth * 0.5)), [0, -depth * 0.25, 0]));
  // Inner surface back up, parallel to the outer one, until it is under the scalp.
  const innerFrom = outer.length - 1;
  for (let k = 0; k < INNER_ROWS; k++) {
    const idx = Math.max(0, innerFrom - Math.round(((k + 1) * outer.length) / (INNER_ROWS * 2.2)));
    const p = outer[idx] ?? hemPoint;
    const n = outerNormals[idx] ?? hemNormal;
    points.push(add(p, scale(n, -depth - 0.002 * k)));
  }
  return points;
}

/** The sculpted head surface (brow ridge and forehead included), so thin hair never dips under it. */
function scalpPoint(l: FaceLayout, theta: number, phi: number): Vec3 {
  const base = baseHeadPoint(l, theta, phi);
  return add(base, featureOffset(l, base[0], base[1], frontnessOf(direction(theta, phi)[2])));
}

/**
 * Relative thickness over the scalp: thinner at the sides, lifted at the front of the crown,
 * and ridged into soft locks (a shallow groove every few columns) so light breaks up along
 * the hair as it does over strands, instead of sliding over one smooth cap.
 */
function thicknessFactor(theta: number, phi: number, sideFactor: number, lift: number): number {
  const side = lerp(1, sideFactor, smoothstep(0.2, 1.2, phi));
  const crown = 1 + lift * Math.exp(-(((phi - 0.6) / 0.4) ** 2)) * smoothstep(1.5, 0.2, Math.abs(theta));
  const locks = 1 + 0.16 * Math.sin(theta * 17 + phi * 2.5) * smoothstep(0.35, 0.8, phi);
  return side * crown * locks;
}

/** Thins the hair over its last two centimetres above the hem down to `keep` of its thickness. */
function hemTaper(y: number, hem: number, keep: number): number {
  return lerp(keep, 1, smoothstep(hem, hem + 0.02, y));
}

/** Distance along `path` at each of its points (0 at the first). */
function arcLengths(path: Vec3[]): number[] {
  const cumulative = [0];
  for (let i = 1; i < path.length; i++) {
    cumulative.push((cumulative[i - 1] ?? 0) + length(sub(path[i] ?? [0, 0, 0], path[i - 1] ?? [0, 0, 0])));
  }
  return cumulative;
}

function resample(path: Vec3[], n: number): Vec3[] {
  const cumulative = arcLengths(path);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const out: Vec3[] = [];
  let j = 0;
  for (let k = 0; k < n; k++) {
    const target = (total * k) / (n - 1);
    while (j < path.length - 2 && (cumulative[j + 1] ?? 0) < target) j++;
    const c0 = cumulative[j] ?? 0;
    const c1 = cumulative[j + 1] ?? c0;
    const t = c1 > c0 ? (target - c0) / (c1 - c0) : 0;
    const a = path[j] ?? [0, 0, 0];
    const b = path[j + 1] ?? a;
    out.push([lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)]);
  }
  return out;
}

/** Normals at the same arc-length positions as `resample` picks. */
function resampleIndex(normals: Vec3[], path: Vec3[], n: number): Vec3[] {
  const cumulative = arcLengths(path);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const out: Vec3[] = [];
  let j = 0;
  for (let k = 0; k < n; k++) {
    const target = (total * k) / (n - 1);
    while (j < path.length - 1 && (cumulative[j] ?? 0) < target) j++;
    out.push(normals[j] ?? [0, 0, 1]);
  }
  return out;
}

/** A round bun at the back of the head for the tied style. */
function addBun(part: MeshPart, l: FaceLayout, headCenter: Vec3): void {
  const c = add(headCenter, [0, l.top * 0.42, -l.depthBack * 1.02]);
  const radius = 0.036;
  const rings = 12;
  const segments = 20;
  const rows: number[][] = [];
  for (let i = 1; i < rings; i++) {
    const phi = (Math.PI * i) / rings;
    const row: number[] = [];
    for (let k = 0; k < segments; k++) {
      const theta = (2 * Math.PI * k) / segments;
      const p: Vec3 = [Math.sin(phi) * Math.sin(theta), Math.cos(phi), Math.sin(phi) * Math.cos(theta)];
      row.push(part.addVertex(add(c, scale(p, radius)), [['head', 1]]));
    }
    rows.push(row);
  }
  part.addGrid(rows, true);
  part.capRing(rows[0] ?? [], add(c, [0, radius, 0]), [['head', 1]]);
  part.capRing(rows[rows.length - 1] ?? [], add(c, [0, -radius, 0]), [['head', 1]], true);
}
