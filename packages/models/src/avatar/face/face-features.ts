import { bump, cross, normalize, smoothstep, type Vec3 } from '../math.js';
import { baseHeadPoint, direction, solveAngles, type FaceLayout } from './face-layout.js';

/**
 * Offsets that sculpt the facial features onto the base head at rest, evaluated at the base
 * point's (x, y). Each feature is a compact bump so it stays local. `frontness` (0..1) fades
 * the features out toward the sides and back of the head.
 */
export function featureOffset(l: FaceLayout, x: number, y: number, frontness: number): Vec3 {
  if (frontness <= 0) return [0, 0, 0];
  const ax = Math.abs(x);
  const sx = Math.sign(x) || 1;
  const [ex, ey] = l.eyeCenter;
  const r = l.eyeRadius;
  let dz = 0;
  let dx = 0;
  let dy = 0;

  // Brow ridge and forehead roundness.
  dz += 0.0035 * bump(ax, y, ex * 0.8, ey + r * 1.9, 0.04, 0.016);
  dz += 0.003 * bump(x, y, 0, ey + 0.045, 0.06, 0.04);

  // Eye sockets: pull the skin back to sit behind the eyeball so the lids frame it.
  const socket = bump(ax, y, ex, ey - r * 0.02, r * 1.3, r * 1.02);
  dz -= socket * r * 0.95;
  // Upper-lid fold shadow and soft under-eye.
  dz += 0.0012 * bump(ax, y, ex, ey - r * 1.35, r * 1.2, r * 0.45);

  // Cheekbones and cheek fullness (forward and a little outward).
  const cheek = bump(ax, y, ex + 0.008, ey - 0.028, 0.03, 0.028);
  dz += (0.002 + 0.004 * l.cheekFullness) * cheek;
  dx += sx * 0.005 * l.cheekFullness * bump(ax, y, ex + 0.018, -0.042, 0.03, 0.035);

  // Nose: a ridge that grows from the bridge to a rounded tip, then wings and a short underside.
  const bridgeTop = ey + 0.002;
  const tipY = l.noseTipY;
  const along = smoothstep(bridgeTop, tipY, y);
  const under = smoothstep(tipY, tipY - 0.011, y);
  const profile = l.noseProjection * (0.22 + 0.78 * along * along) * (1 - under);
  const width = 0.0055 + (l.noseWidth * 0.72 - 0.0055) * along * along;
  const across = Math.exp(-((x / width) ** 2) * 1.6);
  const noseRegion = y < bridgeTop + 0.012 ? smoothstep(bridgeTop + 0.012, bridgeTop, y) : 1;
  dz += profile * across * noseRegion;
  dz += 0.0072 * bump(x, y, 0, tipY + 0.002, l.noseWidth * 0.5, 0.0068);
  dz += 0.0065 * bump(ax, y, l.noseWidth * 0.62, tipY + 0.001, 0.0065, 0.0065);
  // A shallow crease round the back of each wing and a tucked underside give the nose a
  // readable outline under soft toon shading.
  dz -= 0.0018 * bump(ax, y, l.noseWidth * 1.02, tipY + 0.002, 0.0035, 0.008);
  dz -= 0.0016 * bump(x, y, 0, tipY - 0.0065, l.noseWidth * 0.7, 0.0035);

  // Philtrum ridge line and the muzzle over the teeth.
  const m = l.mouthY;
  const mw = l.mouthHalfWidth;
  dz += 0.006 * bump(x, y, 0, m + 0.002, mw * 1.9, 0.03);

  // Lips: fuller in the middle, the upper lip with a slight bow; a crease on the mouth line.
  const full = 0.55 + 0.9 * l.lipFullness;
  dz += 0.0032 * full * bump(x, y, 0, m + 0.0045, mw * 1.05, 0.0058);
  dz += 0.0038 * full * bump(x, y, 0, m - 0.0055, mw * 0.95, 0.0072);
  dz -= 0.0009 * bump(x, y, 0, m + 0.0105, 0.004, 0.004);
  dz -= 0.0022 * bump(ax, y, mw + 0.001, m, 0.006, 0.006);
  dz -= 0.0025 * bump(x, y, 0, m - 0.015, mw * 1.1, 0.005);

  // Chin.
  const chin = 0.5 + l.chinLength;
  dz += 0.0055 * chin * bump(x, y, 0, -l.bottom * 0.86, 0.022, 0.02);
  dy -= 0.003 * chin * bump(x, y, 0, -l.bottom * 0.95, 0.03, 0.02);

  return [dx * frontness, dy * frontness, dz * frontness];
}

/** How much of the facial sculpting applies at a base direction's forward component. */
export function frontnessOf(dz: number): number {
  return smoothstep(0.25, 0.75, dz);
}

/** The sculpted skin point in front at (x, y), with its outward normal (finite differences). */
export function skinPointAt(l: FaceLayout, x: number, y: number): { point: Vec3; normal: Vec3 } {
  const at = (px: number, py: number): Vec3 => {
    const [theta, phi] = solveAngles(l, px, py);
    const base = baseHeadPoint(l, theta, phi);
    const off = featureOffset(l, base[0], base[1], frontnessOf(direction(theta, phi)[2]));
    return [base[0] + off[0], base[1] + off[1], base[2] + off[2]];
  };
  const h = 0.0005;
  const p = at(x, y);
  const px = at(x + h, y);
  const py = at(x, y + h);
  const tx: Vec3 = [px[0] - p[0], px[1] - p[1], px[2] - p[2]];
  const ty: Vec3 = [py[0] - p[0], py[1] - p[1], py[2] - p[2]];
  return { point: p, normal: normalize(cross(tx, ty)) };
}
