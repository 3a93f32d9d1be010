import { bump, smoothstep, type Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';
import type { FaceVertex } from './face-rig.js';

/**
 * Rig tags for a point on or over the skin, from its position and the side of the mouth line
 * it belongs to. Skin and the lip overlay both use this, so they move as one surface.
 */
export function mouthAwareVertex(l: FaceLayout, p: Vec3, lowerSide: boolean): FaceVertex {
  return {
    rest: p,
    jaw: jawWeight(l, p, lowerSide),
    upperLip: lowerSide ? 0 : lipWeight(l, p, true),
    lowerLip: lowerSide ? lipWeight(l, p, false) : 0,
    soft: true,
  };
}

/** How much a point takes part in parting the lips: most at the mouth line, none a centimetre away. */
function lipWeight(l: FaceLayout, p: Vec3, upperSide: boolean): number {
  return bump(p[0], p[1], 0, l.mouthY + (upperSide ? 0.003 : -0.003), l.mouthHalfWidth * 1.15, 0.011);
}

/** Jaw share: the lower face follows the jaw; beside the mouth corners both sides share it. */
function jawWeight(l: FaceLayout, p: Vec3, lowerSide: boolean): number {
  const [x, y, z] = p;
  const beyondCorner = Math.abs(x) - l.mouthHalfWidth;
  const cornerShare =
    0.5 * smoothstep(-0.004, 0.006, beyondCorner) * (1 - smoothstep(0, 0.012, Math.abs(y - l.mouthY)));
  if (!lowerSide) return cornerShare;
  const lateral = 1 - smoothstep(0.035, 0.078, Math.abs(x));
  const back = smoothstep(-0.07, 0.0, z);
  const below = smoothstep(l.mouthY + 0.002, l.mouthY - 0.01, y);
  const lower = lateral * back * (1 + (below - 1) * smoothstep(0.0, 0.01, beyondCorner));
  return lower * (1 - cornerShare) + cornerShare;
}
