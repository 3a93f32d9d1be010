import { hexToLinear, mixRgb, scaleRgb, shadeOf, type LinearRgb } from './color.js';
import type { AvatarParameters } from './parameters.js';

/** The avatar's materials; each primitive uses one. */
export const MATERIAL_KEYS = [
  'skin',
  'lips',
  'mouth',
  'tongue',
  'teeth',
  'sclera',
  'iris',
  'limbus',
  'pupil',
  'highlight',
  'brow',
  'lash',
  'hair',
  'cloth',
  'frame',
] as const;
export type MaterialKey = (typeof MATERIAL_KEYS)[number];

/** The parts of VRMC_materials_mtoon this generator sets, plus the core glTF material fields. */
export interface MaterialSpec {
  baseColor: LinearRgb;
  shadeColor: LinearRgb;
  /** 0 = smooth gradient between lit and shade, 1 = hard toon step. */
  shadingToony: number;
  /** Moves the lit/shade boundary; negative values keep more of the surface lit. */
  shadingShift: number;
  rimColor: LinearRgb;
  rimFresnelPower: number;
  rimLift: number;
  emissive: LinearRgb;
  /** World-space outline width in metres (0 = no outline). */
  outlineWidth: number;
  outlineColor: LinearRgb;
  /** Render both faces (thin sheets such as lashes). */
  doubleSided: boolean;
}

const BLACK: LinearRgb = [0, 0, 0];

function spec(base: LinearRgb, overrides: Partial<MaterialSpec> = {}): MaterialSpec {
  return {
    baseColor: base,
    shadeColor: shadeOf(base, 0.62),
    shadingToony: 0.55,
    shadingShift: -0.15,
    rimColor: BLACK,
    rimFresnelPower: 5,
    rimLift: 0,
    emissive: BLACK,
    outlineWidth: 0,
    outlineColor: BLACK,
    doubleSided: false,
    ...overrides,
  };
}

/**
 * Material colours and toon settings from the parameters. Skin carries a soft warm rim so any
 * tone (natural or not) looks lit from within rather than flat.
 */
export function buildMaterials(params: AvatarParameters): Record<MaterialKey, MaterialSpec> {
  const skin = hexToLinear(params.skinColor);
  const hair = hexToLinear(params.hairColor);
  const cloth = hexToLinear(params.clothingColor);
  return {
    skin: spec(skin, {
      shadeColor: shadeOf(skin, 0.72),
      shadingToony: 0.45,
      shadingShift: -0.2,
      rimColor: scaleRgb(mixRgb(skin, [1, 0.85, 0.8], 0.5), 0.25),
      rimFresnelPower: 3,
    }),
    // Lips: the skin tone drawn toward a muted rose, so they read on any tone.
    lips: spec(mixRgb(skin, [0.5, 0.16, 0.2], 0.38), { shadeColor: shadeOf(mixRgb(skin, [0.5, 0.16, 0.2], 0.38), 0.7), shadingToony: 0.45, shadingShift: -0.2 }),
    mouth: spec([0.22, 0.05, 0.06], { shadeColor: [0.12, 0.02, 0.03], shadingToony: 0.2 }),
    tongue: spec([0.55, 0.18, 0.2], { shadeColor: [0.3, 0.07, 0.09], shadingToony: 0.3 }),
    teeth: spec([0.86, 0.85, 0.82], { shadeColor: [0.55, 0.54, 0.55], shadingToony: 0.3 }),
    sclera: spec([0.8, 0.79, 0.78], { shadeColor: [0.5, 0.5, 0.56], shadingToony: 0.3, shadingShift: -0.1 }),
    iris: spec(hexToLinear(params.eyeColor), {
      shadeColor: scaleRgb(hexToLinear(params.eyeColor), 0.55),
      shadingToony: 0.2,
      shadingShift: -0.4,
    }),
    limbus: spec(scaleRgb(hexToLinear(params.eyeColor), 0.35), { shadeColor: scaleRgb(hexToLinear(params.eyeColor), 0.2), shadingToony: 0.2 }),
    pupil: spec([0.01, 0.01, 0.012], { shadeColor: [0.005, 0.005, 0.006] }),
    highlight: spec([1, 1, 1], { shadeColor: [1, 1, 1], emissive: [0.9, 0.9, 0.9] }),
    brow: spec(hexToLinear(params.browColor), { shadeColor: shadeOf(hexToLinear(params.browColor), 0.7) }),
    lash: spec(scaleRgb(hair, 0.3), { shadeColor: scaleRgb(hair, 0.2), doubleSided: true }),
    hair: spec(hair, {
      shadeColor: shadeOf(hair, 0.5),
      shadingToony: 0.6,
      rimColor: scaleRgb(mixRgb(hair, [1, 1, 1], 0.4), 0.35),
      rimFresnelPower: 4,
    }),
    cloth: spec(cloth, { shadeColor: shadeOf(cloth, 0.6), shadingToony: 0.5 }),
    frame: spec(hexToLinear(params.glassesColor), { shadeColor: shadeOf(hexToLinear(params.glassesColor), 0.6) }),
  };
}
