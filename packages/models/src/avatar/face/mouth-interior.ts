import { lerp, smoothstep, type Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import { skinPointAt } from './face-features.js';
import { gridIndices, type FacePart } from './face-part.js';
import type { FaceVertex } from './face-rig.js';

const still = (rest: Vec3, jaw: number): FaceVertex => ({ rest, jaw, upperLip: 0, lowerLip: 0, soft: false });

/**
 * What shows through the open mouth: a dark cavity, upper and lower teeth and a tongue. The
 * cavity faces inward, so from outside it is invisible except through the lips' opening, and
 * it may safely poke through the skin. The lower half of everything follows the jaw.
 */
export function buildMouthInterior(l: FaceLayout): FacePart[] {
  const slitZ = skinPointAt(l, 0, l.mouthY).point[2];
  const m = l.mouthY;
  const mw = l.mouthHalfWidth;

  // Kept inside the lower face at every jaw angle: its lower half turns with the jaw.
  const cavityCenter: Vec3 = [0, m - 0.004, slitZ - 0.026];
  const cavity = ellipsoid('mouth-cavity', 'mouth', cavityCenter, [mw * 1.2, 0.0145, 0.021], true, (p) =>
    smoothstep(cavityCenter[1] + 0.004, cavityCenter[1] - 0.004, p[1]),
  );
  const tongue = ellipsoid('tongue', 'tongue', [0, m - 0.0115, slitZ - 0.026], [mw * 0.7, 0.0045, 0.012], false, () => 1);

  // Teeth: two arcs following the dental curve behind the lips; the upper row slightly in front.
  const arc = (name: string, top: number, bottom: number, inset: number, jaw: number): FacePart => {
    const radius = 0.021;
    const centerZ = slitZ - 0.0035 - inset - radius;
    const vertices: FaceVertex[] = [];
    const rows: number[][] = [[], []];
    const steps = 16;
    for (let j = 0; j <= steps; j++) {
      const g = lerp(-1.05, 1.05, j / steps);
      const x = Math.sin(g) * radius;
      const z = centerZ + Math.cos(g) * radius;
      // Teeth edges curve up toward the back so the front teeth read longer.
      const lift = 0.0018 * g * g;
      for (const [k, y] of [top, bottom].entries()) {
        vertices.push(still([x, y + (k === 1 ? lift * Math.sign(bottom - top) * -1 : 0), z], jaw));
        rows[k]?.push(vertices.length - 1);
      }
    }
    // Rows run down (top → bottom) and columns +X: the grid's default order faces forward.
    return { name, material: 'teeth', vertices, indices: gridIndices(rows, false) };
  };
  const upperTeeth = arc('teeth-upper', m + 0.004, m - 0.0042, 0, 0);
  const lowerTeeth = arc('teeth-lower', m - 0.0035, m - 0.0100, 0.0025, 1);
  return [cavity, tongue, upperTeeth, lowerTeeth];
}

function ellipsoid(
  name: string,
  material: 'mouth' | 'tongue',
  c: Vec3,
  radii: Vec3,
  inward: boolean,
  jawOf: (p: Vec3) => number,
): FacePart {
  const vertices: FaceVertex[] = [];
  const rows: number[][] = [];
  const rings = 12;
  const segments = 20;
  for (let i = 0; i <= rings; i++) {
    const phi = (Math.PI * i) / rings;
    const row: number[] = [];
    for (let k = 0; k < segments; k++) {
      const theta = (2 * Math.PI * k) / segments;
      const p: Vec3 = [
        c[0] + radii[0] * Math.sin(phi) * Math.sin(theta),
        c[1] + radii[1] * Math.cos(phi),
        c[2] + radii[2] * Math.sin(phi) * Math.cos(theta),
      ];
      vertices.push(still(p, jawOf(p)));
      row.push(vertices.length - 1);
      if (i === 0 || i === rings) break; // poles are single vertices
    }
    rows.push(row);
  }
  const indices: number[] = [];
  const tri = (a: number, b: number, d: number): void => {
    if (inward) indices.push(a, d, b);
    else indices.push(a, b, d);
  };
  const top = rows[0]?.[0] ?? 0;
  const bottom = rows[rings]?.[0] ?? 0;
  for (let k = 0; k < segments; k++) {
    const k1 = (k + 1) % segments;
    tri(top, rows[1]?.[k] ?? 0, rows[1]?.[k1] ?? 0);
    tri(bottom, rows[rings - 1]?.[k1] ?? 0, rows[rings - 1]?.[k] ?? 0);
  }
  const body = gridIndices(rows.slice(1, rings), false, true);
  for (let i = 0; i + 2 < body.length; i += 3) tri(body[i] ?? 0, body[i + 1] ?? 0, body[i + 2] ?? 0);
  return { name, material, vertices, indices };
}
