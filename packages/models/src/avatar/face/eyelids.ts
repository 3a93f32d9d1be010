import { lerp, smoothstep, type Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import { gridIndices, mirrorPart, type FacePart } from './face-part.js';
import type { FaceVertex } from './face-rig.js';

const COLUMNS = 26;
const ROWS = 10;

/**
 * Eyelids as thin shells concentric with the eyeball. The skin's eye socket is pushed behind
 * them, so what shows is lid over eyeball; blinking rotates the upper shell down over the eye
 * (a rotation about the eye centre keeps it off the eyeball at every weight). The upper shell
 * is a little larger than the lower so it slides in front of it when closing.
 */
export function buildEyelids(l: FaceLayout): { lids: FacePart[]; lashes: FacePart[] } {
  const leftLids = lidShells(l, false);
  // The upper lid's margin band is drawn in the lash colour: a clean eyeliner line.
  const leftLine = lidShells(l, true);
  const leftLash = lashStrip(l);
  return {
    lids: [leftLids, mirrorPart(leftLids, 'lids-right')],
    lashes: [leftLash, mirrorPart(leftLash, 'lashes-right'), leftLine, mirrorPart(leftLine, 'lash-line-right')],
  };
}

/** Upper and lower margin angles (radians above the eye's forward axis) at horizontal angle β. */
export function lidMargins(l: FaceLayout, beta: number): { upper: number; lower: number } {
  const t = Math.max(-1, Math.min(1, beta / l.eyeCornerAngle));
  const open = Math.cos((Math.PI / 2) * t);
  // Outer corner (+β) slightly higher than the inner one: a calm, friendly tilt. The upper lid
  // peaks a little toward the inner side, the lower lid a little toward the outer side.
  const tilt = -0.02 + 0.07 * t;
  const upper = tilt + 0.46 * open ** 0.75 * (1 - 0.08 * t);
  const lower = tilt - 0.4 * open ** 0.95 * (1 + 0.06 * t);
  return { upper, lower };
}

function lidPoint(center: Vec3, alpha: number, beta: number, radius: number): Vec3 {
  return [
    center[0] + radius * Math.cos(alpha) * Math.sin(beta),
    center[1] + radius * Math.sin(alpha),
    center[2] + radius * Math.cos(alpha) * Math.cos(beta),
  ];
}

/** Margin band of the upper lid: the shell's first rows, split off so it can take the lash colour. */
const LINE_END = 0.09;

/** Both lid shells of the left eye, or (`line`) just the upper lid's margin band. */
function lidShells(l: FaceLayout, line: boolean): FacePart {
  const r = l.eyeRadius;
  const c = l.eyeCenter;
  const vertices: FaceVertex[] = [];
  const indices: number[] = [];
  const betaMax = l.eyeCornerAngle + 0.5;
  for (const upper of line ? [true] : [true, false]) {
    const rows: number[][] = [];
    const shellRadius = upper ? 1.1 : 1.065;
    // Upper shell rows start after the margin band (shared boundary positions, no crack).
    const from = upper && !line ? LINE_END : 0;
    const to = line ? LINE_END : 1;
    const count = line ? 2 : ROWS;
    for (let i = 0; i <= count; i++) {
      const s = lerp(from, to, i / count);
      const row: number[] = [];
      for (let j = 0; j <= COLUMNS; j++) {
        const beta = lerp(-betaMax, betaMax, j / COLUMNS);
        const m = lidMargins(l, beta);
        const margin = upper ? m.upper : m.lower;
        const far = upper ? 1.45 : -1.4;
        const alpha = lerp(margin, far, s ** 1.3);
        // Rolled margin touching the eyeball, full shell, then tucked into the eyeball at the
        // hidden outer edge.
        const radius = r * (1.012 + (shellRadius - 1.012) * smoothstep(0, 0.14, s) - 0.28 * smoothstep(0.8, 1, s));
        vertices.push({
          rest: lidPoint(c, alpha, beta, radius),
          jaw: 0,
          upperLip: 0,
          lowerLip: 0,
          soft: false,
          lid: {
            side: 1,
            upper,
            s,
            closeAngle: upper ? m.upper - m.lower + 0.06 : 0.32 * (m.upper - m.lower),
          },
        });
        row.push(vertices.length - 1);
      }
      rows.push(row);
    }
    // Upper rows climb (+Y) as columns go +X: that order is clockwise seen from the front.
    indices.push(...gridIndices(rows, upper));
  }
  return line
    ? { name: 'lash-line-left', material: 'lash', vertices, indices }
    : { name: 'lids-left', material: 'skin', vertices, indices };
}

/** A short flared strip of lashes riding on the upper lid margin, longer toward the outer corner. */
function lashStrip(l: FaceLayout): FacePart {
  const r = l.eyeRadius;
  const c = l.eyeCenter;
  const vertices: FaceVertex[] = [];
  const rows: number[][] = [[], []];
  const steps = 18;
  const from = -l.eyeCornerAngle * 0.8;
  const to = l.eyeCornerAngle * 1.08;
  for (let j = 0; j <= steps; j++) {
    const t = j / steps;
    const beta = lerp(from, to, t);
    const m = lidMargins(l, beta).upper;
    const taper = Math.sin(Math.PI * Math.min(1, t * 1.15)) ** 0.5;
    const length = r * (0.08 + 0.22 * t * t) * (0.3 + 0.7 * taper);
    const root = lidPoint(c, m + 0.05, beta, r * 1.1);
    const tip = lidPoint(c, m + 0.05 + 0.12 * t * t, beta + 0.08 * t * t, r * 1.1 + length);
    for (const [k, p] of [root, tip].entries()) {
      vertices.push({
        rest: p,
        jaw: 0,
        upperLip: 0,
        lowerLip: 0,
        soft: false,
        lid: { side: 1, upper: true, s: 0, closeAngle: m - lidMargins(l, beta).lower + 0.06 },
      });
      rows[k]?.push(vertices.length - 1);
    }
  }
  return { name: 'lashes-left', material: 'lash', vertices, indices: gridIndices(rows, true) };
}
