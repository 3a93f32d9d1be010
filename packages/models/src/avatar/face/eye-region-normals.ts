import { computeNormals } from '../mesh-part.js';
import { bump, lerp, normalize, smoothstep, sub, cross, type Vec3 } from '../math.js';
import { baseHeadPoint, solveAngles, type FaceLayout } from './face-layout.js';
import type { FacePart } from './face-part.js';

/**
 * Shading normals for the skin part around the eyes. The lid shells are concentric with the
 * eyeball, so their geometric normals fan out radially while the socket wall around them tilts
 * the other way; lit, that draws a lighter ring where shell meets skin. Stylised characters
 * hide this by transferring a smooth surface's normals onto the eye region: here, the lids'
 * outer band and the socket take the normal of the unsculpted head at the same (x, y), blended
 * in so the lid margins keep their roundness.
 */
export function eyeRegionNormals(l: FaceLayout, part: FacePart): Vec3[] {
  const rest = part.vertices.map((v) => v.rest);
  const normals = computeNormals(rest, part.indices);
  const [ex, ey] = l.eyeCenter;
  const r = l.eyeRadius;
  return part.vertices.map((v, i) => {
    const own = normals[i] ?? [0, 0, 1];
    const [x, y] = v.rest;
    const weight = v.lid
      ? smoothstep(0.08, 0.5, v.lid.s)
      : v.rest[2] > 0
        ? bump(Math.abs(x), y, ex, ey, r * 1.9, r * 1.6)
        : 0;
    if (weight <= 0) return own;
    const smooth = baseNormalAt(l, x, y);
    return normalize([lerp(own[0], smooth[0], weight), lerp(own[1], smooth[1], weight), lerp(own[2], smooth[2], weight)]);
  });
}

/** Outward normal of the base head (no features) in front at (x, y), by finite differences. */
function baseNormalAt(l: FaceLayout, x: number, y: number): Vec3 {
  const [theta, phi] = solveAngles(l, x, y);
  const h = 1e-4;
  const p = baseHeadPoint(l, theta, phi);
  const dt = sub(baseHeadPoint(l, theta + h, phi), p);
  const dp = sub(baseHeadPoint(l, theta, phi + h), p);
  // θ grows toward +X and φ downward, so dθ × dφ points into the head; flip it.
  return normalize(cross(dp, dt));
}
