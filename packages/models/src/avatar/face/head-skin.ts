import { distribute, smoothstep, type Vec3 } from '../math.js';
import { baseHeadPoint, direction, solveAngles, type FaceLayout } from './face-layout.js';
import { featureOffset, frontnessOf } from './face-features.js';
import type { FaceVertex } from './face-rig.js';
import { mouthAwareVertex } from './mouth-weights.js';

/** The head's skin as a closed surface whose only opening is the mouth slit. */
export interface HeadSkin {
  vertices: FaceVertex[];
  indices: number[];
}

const COLUMNS = 96;
const ROWS = 72;

/** Longitudes, mirrored about the front (θ = 0) and denser over the face. */
function columnAngles(cornerTheta: number): number[] {
  const half = distribute(COLUMNS / 2, 0, Math.PI, (t) => 1 + 2.6 * Math.exp(-((t / 0.75) ** 2)));
  // Snap the column nearest the mouth corner onto it so the slit ends exactly at the corners.
  let nearest = 1;
  for (let i = 1; i < half.length; i++) {
    if (Math.abs((half[i] ?? 0) - cornerTheta) < Math.abs((half[nearest] ?? 0) - cornerTheta)) nearest = i;
  }
  half[nearest] = cornerTheta;
  const negative = half.slice(1).reverse().map((t) => -t);
  return [...negative, ...half.slice(0, COLUMNS / 2)];
}

/** Polar angles, denser from the brows to the chin, with one row exactly on the mouth line. */
function rowAngles(mouthPhi: number): number[] {
  const rows = distribute(ROWS, 0, Math.PI, (p) => 1 + 2.4 * smoothstep(0.85, 1.2, p) * smoothstep(2.75, 2.35, p));
  let nearest = 1;
  for (let i = 1; i < ROWS; i++) {
    if (Math.abs((rows[i] ?? 0) - mouthPhi) < Math.abs((rows[nearest] ?? 0) - mouthPhi)) nearest = i;
  }
  rows[nearest] = mouthPhi;
  return rows;
}

export function buildHeadSkin(l: FaceLayout): HeadSkin {
  // The slit runs along the row through the mouth's centre; its ends are the mouth corners.
  const [mouthTheta] = solveAngles(l, l.mouthHalfWidth, l.mouthY);
  const [, mouthPhi] = solveAngles(l, 0, l.mouthY);
  const thetas = columnAngles(mouthTheta);
  const phis = rowAngles(mouthPhi);
  const vertices: FaceVertex[] = [];
  const indices: number[] = [];

  const pointAt = (theta: number, phi: number): Vec3 => {
    const base = baseHeadPoint(l, theta, phi);
    const off = featureOffset(l, base[0], base[1], frontnessOf(direction(theta, phi)[2]));
    return [base[0] + off[0], base[1] + off[1], base[2] + off[2]];
  };
  const add = (p: Vec3, lowerSide: boolean): number => {
    vertices.push(mouthAwareVertex(l, p, lowerSide));
    return vertices.length - 1;
  };

  const mouthRow = phis.indexOf(mouthPhi);
  const inSlit = (c: number): boolean => Math.abs(thetas[c] ?? 0) < mouthTheta - 1e-9;
  const top = add(pointAt(0, 0), false);
  const grid: number[][] = [];
  const lowerCopies = new Map<number, number>();
  for (let r = 1; r < ROWS; r++) {
    const row: number[] = [];
    const phi = phis[r] ?? 0;
    for (let c = 0; c < COLUMNS; c++) {
      const p = pointAt(thetas[c] ?? 0, phi);
      row.push(add(p, r > mouthRow));
      if (r === mouthRow && inSlit(c)) lowerCopies.set(c, add(p, true));
    }
    grid.push(row);
  }
  const bottom = add(pointAt(0, Math.PI), true);

  // Top cap, body rows (the row below the mouth line attaches to the lower-lip copies), bottom cap.
  const first = grid[0] ?? [];
  for (let c = 0; c < COLUMNS; c++) indices.push(top, first[c] ?? 0, first[(c + 1) % COLUMNS] ?? 0);
  for (let r = 0; r + 1 < grid.length; r++) {
    const a = grid[r] ?? [];
    const b = grid[r + 1] ?? [];
    const upperRowIsMouth = r + 1 === mouthRow;
    for (let c = 0; c < COLUMNS; c++) {
      const c1 = (c + 1) % COLUMNS;
      const pick = (col: number): number =>
        upperRowIsMouth ? (lowerCopies.get(col) ?? a[col] ?? 0) : (a[col] ?? 0);
      quad(indices, vertices, pick(c), b[c] ?? 0, b[c1] ?? 0, pick(c1));
    }
  }
  const last = grid[grid.length - 1] ?? [];
  for (let c = 0; c < COLUMNS; c++) indices.push(bottom, last[(c + 1) % COLUMNS] ?? 0, last[c] ?? 0);
  return { vertices, indices };
}

/** Quad a(top-left) b(bottom-left) c(bottom-right) d(top-right), split on the shorter diagonal. */
function quad(indices: number[], v: FaceVertex[], a: number, b: number, c: number, d: number): void {
  const dist = (i: number, j: number): number => {
    const p = v[i]?.rest ?? [0, 0, 0];
    const q = v[j]?.rest ?? [0, 0, 0];
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;
  };
  if (dist(a, c) <= dist(b, d)) indices.push(a, b, c, a, c, d);
  else indices.push(a, b, d, b, c, d);
}
