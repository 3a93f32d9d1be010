import type { AvatarParameters } from '../parameters.js';
import { bump, lerp, smoothstep, type Vec3 } from '../math.js';

/**
 * Dimensions of the face in head-local metres (origin at the skull centre, +Y up, +Z forward,
 * +X the avatar's left), derived once from the parameters and shared by every face part so
 * that features line up (lids on eyes, brows on skin, lips on the mouth slit).
 */
export interface FaceLayout {
  halfWidth: number;
  top: number;
  /** Depth of the chin below the centre (positive). */
  bottom: number;
  depthFront: number;
  depthBack: number;
  jawRatio: number;
  eyeRadius: number;
  /** Centre of the left eyeball (+X); the right one mirrors it. */
  eyeCenter: Vec3;
  /** Horizontal half-angle of the eye opening, radians. */
  eyeCornerAngle: number;
  mouthY: number;
  mouthHalfWidth: number;
  noseTipY: number;
  noseWidth: number;
  noseProjection: number;
  lipFullness: number;
  cheekFullness: number;
  chinLength: number;
  browHeight: number;
  browThickness: number;
  /** Pivot of the jaw's hinge (a line parallel to X). */
  jawPivot: Vec3;
}

export function buildFaceLayout(p: AvatarParameters): FaceLayout {
  const eyeRadius = lerp(0.0138, 0.0166, p.eyeSize);
  const halfWidth = lerp(0.07, 0.079, p.faceWidth);
  const eyeX = lerp(0.0305, 0.0355, p.eyeSpacing) * (halfWidth / 0.0745);
  const layout: FaceLayout = {
    halfWidth,
    top: lerp(0.104, 0.114, p.foreheadHeight),
    bottom: lerp(0.113, 0.127, p.chinLength),
    depthFront: 0.094,
    depthBack: 0.104,
    jawRatio: lerp(0.66, 0.86, p.jawWidth),
    eyeRadius,
    eyeCenter: [eyeX, 0.004, 0],
    eyeCornerAngle: lerp(0.92, 1.0, p.eyeSize),
    mouthY: -0.054 - 0.004 * p.chinLength,
    mouthHalfWidth: lerp(0.0205, 0.0235, p.faceWidth),
    noseTipY: lerp(-0.024, -0.036, p.noseLength),
    noseWidth: lerp(0.0105, 0.0155, p.noseWidth),
    noseProjection: lerp(0.016, 0.02, p.noseLength),
    lipFullness: p.lipFullness,
    cheekFullness: p.cheekFullness,
    chinLength: p.chinLength,
    browHeight: 0.004 + eyeRadius * 1.75,
    browThickness: p.browThickness,
    jawPivot: [0, -0.012, -0.012],
  };
  // Sit the eyeballs so their front shows a little proud of the surrounding skin.
  const surfaceZ = baseFrontDepth(layout, eyeX, layout.eyeCenter[1]);
  layout.eyeCenter = [eyeX, layout.eyeCenter[1], surfaceZ - eyeRadius * 0.62];
  return layout;
}

/** Unit direction for longitude θ (0 = front, +π/2 = left) and polar angle φ (0 = top). */
export function direction(theta: number, phi: number): Vec3 {
  return [Math.sin(phi) * Math.sin(theta), Math.cos(phi), Math.sin(phi) * Math.cos(theta)];
}

/**
 * The skull-and-jaw shape before facial features: an egg that is flatter at the front, taller
 * above the centre than below, narrowing into the jaw and with the jaw's underside sloping up
 * to the neck. Every blend is smooth, so the surface has no creases.
 */
export function baseHeadPoint(l: FaceLayout, theta: number, phi: number): Vec3 {
  const [dx, dy, dz] = squarer(direction(theta, phi));
  // The chin reaches lower at the front than the back, which slopes the jaw's underside.
  const bottom = lerp(l.bottom * 0.62, l.bottom, smoothstep(-0.55, 0.75, dz));
  const yScale = lerp(bottom, l.top, smoothstep(-0.35, 0.35, dy));
  const y = yScale * dy;
  // A flatter face: push the front's mid latitudes forward.
  const front = dz + 0.28 * dz * (1 - dz * dz) * smoothstep(0, 0.35, dz);
  // The back of the lower head tucks in toward the neck.
  const backTuck = 1 - 0.35 * smoothstep(-0.1, -0.9, dy) * smoothstep(0.1, -0.6, dz);
  const zScale = lerp(l.depthBack * backTuck, l.depthFront, smoothstep(-0.35, 0.35, dz));
  const z = zScale * front;
  const jawT = smoothstep(0.0, -l.bottom * 0.95, y);
  const taper = lerp(1, l.jawRatio, jawT * jawT * (1.4 - 0.4 * jawT));
  // Cheekbones are the widest point of the face, a little below the eyes.
  const cheekbone = 1 + 0.035 * bump(0, y, 0, -0.01, 1, 0.05);
  const x = l.halfWidth * dx * taper * cheekbone;
  return [x, y, z];
}

/**
 * Pushes the lower half of the unit sphere toward a superellipse (exponent up to 2.6), so the
 * jaw and chin are a soft U rather than the V an ellipsoid gives when it tapers.
 */
function squarer(d: Vec3): Vec3 {
  const n = 2 + 0.6 * smoothstep(0.05, -0.55, d[1]);
  const k = (Math.abs(d[0]) ** n + Math.abs(d[1]) ** n + Math.abs(d[2]) ** n) ** (1 / n);
  return [d[0] / k, d[1] / k, d[2] / k];
}

/** Depth (z) of the base head surface straight in front at (x, y), found by bisection on φ/θ. */
export function baseFrontDepth(l: FaceLayout, x: number, y: number): number {
  const [theta, phi] = solveAngles(l, x, y);
  return baseHeadPoint(l, theta, phi)[2];
}

/** Angles whose base point lies at (x, y) on the front of the head (Gauss–Newton, a few steps). */
export function solveAngles(l: FaceLayout, x: number, y: number): [number, number] {
  let theta = Math.asin(Math.max(-0.95, Math.min(0.95, x / l.halfWidth)));
  let phi = Math.acos(Math.max(-0.95, Math.min(0.95, y / (y > 0 ? l.top : l.bottom))));
  const h = 1e-5;
  for (let i = 0; i < 20; i++) {
    const p = baseHeadPoint(l, theta, phi);
    const ex = p[0] - x;
    const ey = p[1] - y;
    if (Math.abs(ex) + Math.abs(ey) < 1e-7) break;
    const pt = baseHeadPoint(l, theta + h, phi);
    const pp = baseHeadPoint(l, theta, phi + h);
    const a = (pt[0] - p[0]) / h;
    const b = (pp[0] - p[0]) / h;
    const c = (pt[1] - p[1]) / h;
    const d = (pp[1] - p[1]) / h;
    const det = a * d - b * c;
    if (Math.abs(det) < 1e-12) break;
    theta -= (d * ex - b * ey) / det;
    phi -= (-c * ex + a * ey) / det;
  }
  return [theta, phi];
}
