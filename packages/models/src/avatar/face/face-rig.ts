import { bump, rotateAboutX, smoothstep, type Vec3 } from '../math.js';
import type { FaceLayout } from './face-layout.js';

/**
 * Muscle-like controls the expressions are mixed from. Each expression (see expressions.ts) is
 * one setting of these; its morph target is the face evaluated with it minus the face at rest.
 */
export interface FaceControls {
  /** Jaw rotation, 0..1 (1 ≈ a wide "aa"). */
  jawOpen: number;
  /** Lips part without the jaw (upper lip up, lower lip down), 0..1. */
  lipPart: number;
  /** Mouth corners outward (+) or inward (−), −1..1. */
  mouthWide: number;
  /** Lips pushed forward and rounded, 0..1. */
  pucker: number;
  /** Mouth corners up (+, smile) or down (−, frown), −1..1. */
  smile: number;
  /** Cheeks lifted, 0..1. */
  cheekRaise: number;
  browInnerUp: number;
  /** Outer brow up (+) or down (−). */
  browOuterUp: number;
  browDown: number;
  /** Inner brows drawn together. */
  browSqueeze: number;
  blinkLeft: number;
  blinkRight: number;
  /** Lower lids lifted (smiling or squinting eyes), 0..1. */
  lowerLidRaise: number;
  /** Upper lids lifted (surprise), 0..1. */
  eyeWide: number;
}

export const REST_CONTROLS: Readonly<FaceControls> = Object.freeze({
  jawOpen: 0,
  lipPart: 0,
  mouthWide: 0,
  pucker: 0,
  smile: 0,
  cheekRaise: 0,
  browInnerUp: 0,
  browOuterUp: 0,
  browDown: 0,
  browSqueeze: 0,
  blinkLeft: 0,
  blinkRight: 0,
  lowerLidRaise: 0,
  eyeWide: 0,
});

/** An eyelid shell vertex: which lid, where along it, and its rest angles about the eye centre. */
export interface LidTag {
  /** +1 left eye, −1 right eye. */
  side: 1 | -1;
  upper: boolean;
  /** 0 at the lid margin, 1 at the shell's hidden outer edge. */
  s: number;
  /** Rotation (radians about the eye's X axis) that closes this vertex's column fully. */
  closeAngle: number;
}

/**
 * A face vertex at rest (head-local) with what the rig needs to move it. Skin-like parts are
 * moved by position-based regions; tags mark what position cannot tell (which lip a vertex of
 * the mouth slit belongs to, how much it follows the jaw, lid membership).
 */
export interface FaceVertex {
  rest: Vec3;
  /** 0..1 share of the jaw rotation. */
  jaw: number;
  /** Weight of the upper-lip raise of `lipPart`. */
  upperLip: number;
  /** Weight of the lower-lip drop of `lipPart`. */
  lowerLip: number;
  /** Whether the position-based regions (brows, cheeks, mouth corners) move this vertex. */
  soft: boolean;
  lid?: LidTag;
}

const MAX_JAW_ANGLE = 0.2;

/** Position of a face vertex under the given controls (head-local). */
export function deformFace(l: FaceLayout, v: FaceVertex, c: FaceControls): Vec3 {
  let [x, y, z] = v.rest;
  if (v.lid) return deformLid(l, v.rest, v.lid, c);
  if (v.soft) {
    const [rx, ry] = v.rest;
    const ax = Math.abs(rx);
    const sx = Math.sign(rx) || 1;
    const [ex, ey] = l.eyeCenter;
    const r = l.eyeRadius;

    // Brows: inner and outer halves move separately; the whole brow lowers for anger.
    const browY = ey + l.browHeight;
    const brow = bump(ax, ry, ex, browY, r * 2.6, r * 1.9);
    if (brow > 0) {
      const inner = smoothstep(ex + r * 0.8, ex - r * 1.4, ax);
      const outer = 1 - inner;
      y += brow * (0.0055 * c.browInnerUp * inner + 0.0045 * c.browOuterUp * outer);
      y -= brow * c.browDown * (0.0032 + 0.0022 * inner);
      z += brow * c.browDown * 0.0012 * inner;
      x -= sx * brow * inner * 0.0028 * c.browSqueeze;
      // Raised brows also lift the upper lid fold below them a little.
      y += 0.0015 * c.eyeWide * brow;
    }

    // Cheeks lift toward the eyes.
    const cheek = bump(ax, ry, ex + 0.004, ey - 0.026, 0.028, 0.024);
    y += 0.0032 * c.cheekRaise * cheek;
    z += 0.0022 * c.cheekRaise * cheek;

    // Mouth corners: smile (up, out and back) or frown (down).
    const m = l.mouthY;
    const mw = l.mouthHalfWidth;
    const corner = bump(ax, ry, mw, m, 0.021, 0.02);
    if (corner > 0) {
      y += corner * (c.smile > 0 ? 0.0052 : 0.0042) * c.smile;
      x += sx * corner * 0.0022 * Math.max(0, c.smile);
      z -= corner * 0.0016 * Math.max(0, c.smile);
    }
    // Width and rounding act on the whole lip region.
    const lips = bump(rx, ry, 0, m, mw * 1.9, 0.03);
    if (lips > 0) {
      const across = Math.max(-1, Math.min(1, rx / mw));
      x += 0.0055 * c.mouthWide * across * lips;
      x -= c.pucker * rx * 0.3 * lips;
      const round = bump(rx, ry, 0, m, mw * 1.35, 0.02);
      z += c.pucker * 0.0065 * round;
    }
    // Lips part around the slit without moving the jaw.
    y += c.lipPart * (0.0032 * v.upperLip - 0.003 * v.lowerLip);
    z -= c.lipPart * 0.0012 * (v.upperLip + v.lowerLip);
  }
  if (v.jaw > 0 && c.jawOpen > 0) {
    [x, y, z] = rotateAboutX([x, y, z], l.jawPivot, c.jawOpen * MAX_JAW_ANGLE * v.jaw);
  }
  return [x, y, z];
}

/** Eyelid shells rotate about the eye centre: closing, widening and the lower lid's lift. */
function deformLid(l: FaceLayout, rest: Vec3, lid: LidTag, c: FaceControls): Vec3 {
  const center: Vec3 = [lid.side * l.eyeCenter[0], l.eyeCenter[1], l.eyeCenter[2]];
  const follow = (1 - lid.s) ** 1.4;
  let angle = 0;
  if (lid.upper) {
    const blink = lid.side === 1 ? c.blinkLeft : c.blinkRight;
    angle += lid.closeAngle * blink * follow;
    angle -= 0.12 * c.eyeWide * follow;
    // Smiling cheeks push the lids a little closed from below; the upper lid relaxes with them.
    angle += 0.05 * c.lowerLidRaise * follow;
  } else {
    angle -= lid.closeAngle * c.lowerLidRaise * follow;
    angle += 0.06 * c.eyeWide * follow;
  }
  // Positive rotateAboutX turns +Y toward +Z, i.e. down over the front of the eye.
  return rotateAboutX(rest, center, angle);
}
