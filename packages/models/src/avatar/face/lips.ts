import { add, lerp, scale } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import { skinPointAt } from './face-features.js';
import { gridIndices, type FacePart } from './face-part.js';
import type { FaceVertex } from './face-rig.js';
import { mouthAwareVertex } from './mouth-weights.js';

const ACROSS = 24;
const UP = 5;

/**
 * The lips' colour as a thin overlay laid a fraction of a millimetre over the skin (MToon has
 * no vertex colours, and the skin grid does not follow the lip outline). Each vertex gets the
 * same rig tags as the skin beneath it, so the overlay opens, smiles and puckers with it.
 */
export function buildLips(l: FaceLayout): FacePart {
  const mw = l.mouthHalfWidth;
  const full = 0.6 + 0.8 * l.lipFullness;
  const upperHeight = (t: number): number => {
    const a = Math.abs(t);
    // Rounded ends and a soft cupid's bow: a dip in the middle between two low peaks.
    return 0.0052 * full * (1 - a ** 2.4) ** 0.55 * (1 - 0.16 * Math.exp(-((t / 0.14) ** 2)) + 0.06 * Math.exp(-(((a - 0.3) / 0.15) ** 2)));
  };
  const lowerHeight = (t: number): number => 0.0068 * full * (1 - Math.abs(t) ** 2.1) ** 0.6;
  const vertices: FaceVertex[] = [];
  const indices: number[] = [];
  for (const upper of [true, false]) {
    const rows: number[][] = [];
    for (let i = 0; i <= UP; i++) {
      const v = i / UP;
      const row: number[] = [];
      for (let j = 0; j <= ACROSS; j++) {
        const t = lerp(-1, 1, j / ACROSS);
        const h = (upper ? upperHeight(t) : -lowerHeight(t)) * v;
        const { point, normal } = skinPointAt(l, t * mw, l.mouthY + h);
        vertices.push(mouthAwareVertex(l, add(point, scale(normal, 0.0005)), !upper));
        row.push(vertices.length - 1);
      }
      rows.push(row);
    }
    // Upper rows climb (clockwise from the front: flip); lower rows descend.
    indices.push(...gridIndices(rows, upper));
  }
  return { name: 'lips', material: 'lips', vertices, indices };
}
