/**
 * Which materials of a VRM are its skin, hair, eyes and clothing. Model files say this in
 * different ways, so three sources are combined, most explicit first:
 * 1. names of materials and meshes (VRoid's `Face_00_SKIN`, `HairBack`, `EyeIris`, `Tops_01_CLOTH`;
 *    the Digimens generator's `skin`, `hair`, `iris`, `cloth`), with the parts that must never be
 *    tinted (eye whites, lashes, brows, mouth interior) excluded by name;
 * 2. VRM metadata: what the humanoid and spring bones move. Surfaces on the eye bones are the
 *    eyes; surfaces on spring bones hanging from the head are hair;
 * 3. texture (and colour) analysis, for models that name nothing: the iris is the chromatic
 *    one among the eye-bone surfaces, and a model made of one material is all skin.
 */

import { chroma, luminance, type Rgb } from './linear-color';

/** The parts of an avatar {@link AppearanceRole} colours address. */
export const APPEARANCE_ROLES = ['skin', 'hair', 'eyes', 'clothing'] as const;
export type AppearanceRole = (typeof APPEARANCE_ROLES)[number];

/** A name's verdict: a role, `'keep'` for parts that must not be tinted, or null (no idea). */
export type NameVerdict = AppearanceRole | 'keep' | null;

const KEEP = /white|sclera|highlight|\bhl\b|lash|brow|eyeline|line|mouth|teeth|tooth|tongue|cavity|shadow|outline|pupil|frame|glass|lens/;
const EYES = /iris|eye/;
const HAIR = /hair|bang|fringe|ponytail|braid|ahoge|tail_hair/;
const CLOTHING = /cloth|shirt|\btops?\b|tops_|sweater|jacket|coat|dress|skirt|pant|trouser|shoe|boot|sock|costume|outfit|uniform|wear|hoodie|sleeve|collar|bottoms/;
const SKIN = /skin|face|body|head|neck|hand|arm|leg|lip/;

/**
 * Classifies one material or mesh name. Exclusions win (an `EyeWhite` is not the eyes' colour),
 * then the specific roles, then skin, whose words (`face`, `body`) are the most generic.
 */
export function roleFromName(name: string): NameVerdict {
  const n = name.toLowerCase().replace(/[\s-]+/g, '_');
  // The generator's limbus is the iris's darker rim: it follows the iris.
  if (/limbus/.test(n)) return 'eyes';
  if (KEEP.test(n)) return 'keep';
  if (EYES.test(n)) return 'eyes';
  if (HAIR.test(n)) return 'hair';
  if (CLOTHING.test(n)) return 'clothing';
  if (SKIN.test(n)) return 'skin';
  return null;
}

/** What the detector knows about one material. */
export interface MaterialFacts {
  /** Material name first, then the names of the meshes that use it. */
  names: string[];
  /** Vertices drawn with it: how much of the avatar it covers. */
  vertexCount: number;
  /** Shares (0–1) of its skin weight on the eye bones, head-hung spring bones (hair) and head/neck. */
  eyeShare: number;
  hairShare: number;
  headShare: number;
  /** Its mean rendered colour before lighting (colour factor × used texels × vertex colours). */
  color: Rgb;
}

/** Which role each material (by index into the facts) plays; materials without one are absent. */
export function assignRoles(facts: readonly MaterialFacts[]): Map<number, AppearanceRole> {
  const roles = new Map<number, AppearanceRole>();
  const kept = new Set<number>();
  facts.forEach((f, i) => {
    const verdict = f.names.map(roleFromName).find((v) => v !== null) ?? null;
    if (verdict === 'keep') kept.add(i);
    else if (verdict) roles.set(i, verdict);
  });
  const open = (): number[] => facts.map((_, i) => i).filter((i) => !roles.has(i) && !kept.has(i));
  const has = (role: AppearanceRole): boolean => [...roles.values()].includes(role);

  // Metadata: eye bones and head-hung spring bones.
  if (!has('eyes')) {
    const eyeParts = open().filter((i) => (facts[i]?.eyeShare ?? 0) > 0.6);
    const iris = mostChromatic(facts, eyeParts);
    for (const i of eyeParts) (i === iris ? roles.set(i, 'eyes') : kept.add(i));
  }
  if (!has('hair')) for (const i of open()) if ((facts[i]?.hairShare ?? 0) > 0.5) roles.set(i, 'hair');

  // Fallbacks by coverage: a one-material model is its skin; otherwise the largest open surface
  // on the head is the face, and the largest one left on the body is the clothing.
  if (!has('skin')) {
    const candidates = facts.length === 1 ? open() : open().filter((i) => (facts[i]?.headShare ?? 0) > 0.5 && plausibleSurface(facts[i]));
    const skin = largest(facts, candidates);
    if (skin !== null) roles.set(skin, 'skin');
  }
  if (!has('clothing')) {
    const clothing = largest(facts, open().filter((i) => (facts[i]?.headShare ?? 1) < 0.2 && plausibleSurface(facts[i])));
    if (clothing !== null) roles.set(clothing, 'clothing');
  }
  return roles;
}

/** Near-black or near-white surfaces are lines, pupils or eye whites, not skin or cloth. */
function plausibleSurface(f: MaterialFacts | undefined): boolean {
  if (!f) return false;
  const y = luminance(f.color);
  return y > 0.01 && !(y > 0.8 && chroma(f.color) < 0.05);
}

function largest(facts: readonly MaterialFacts[], indices: number[]): number | null {
  let best: number | null = null;
  for (const i of indices) if (best === null || (facts[i]?.vertexCount ?? 0) > (facts[best]?.vertexCount ?? 0)) best = i;
  return best;
}

function mostChromatic(facts: readonly MaterialFacts[], indices: number[]): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (const i of indices) {
    const f = facts[i];
    if (!f) continue;
    const score = chroma(f.color) + 0.5 * Math.min(luminance(f.color), 0.8 - luminance(f.color));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
