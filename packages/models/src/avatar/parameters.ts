/**
 * The avatar's parameter space: every visual trait is a continuous value or a neutral choice
 * (never an ethnicity or gender label), so a configurator can offer one slider per trait.
 */

/** Hair styles the generator can build. `none` leaves the head bare. */
export const HAIR_STYLES = ['none', 'short', 'bob', 'long', 'tied'] as const;
export type HairStyle = (typeof HAIR_STYLES)[number];

/** A colour as `#rrggbb` (sRGB, as a colour picker gives it). */
export type HexColor = `#${string}`;

/** Parameters of one avatar. Numeric traits run 0..1 with 0.5 as the average shape. */
export interface AvatarParameters {
  /** Width of the whole face and skull. 0 = narrow, 1 = broad. Range 0..1. */
  faceWidth: number;
  /** Width of the jaw at its angle, relative to the cheekbones. 0 = tapered, 1 = square. Range 0..1. */
  jawWidth: number;
  /** How far the chin reaches down and forward. 0 = short and soft, 1 = long and prominent. Range 0..1. */
  chinLength: number;
  /** Soft-tissue fullness of the cheeks. 0 = lean, 1 = round. Range 0..1. */
  cheekFullness: number;
  /** Height of the forehead above the brows. 0 = low, 1 = high. Range 0..1. */
  foreheadHeight: number;
  /** Size of the eyes (eyeball and opening). 0 = small, 1 = large. Range 0..1. */
  eyeSize: number;
  /** Distance between the eyes. 0 = close-set, 1 = wide-set. Range 0..1. */
  eyeSpacing: number;
  /** Width of the nose at the wings. 0 = narrow, 1 = wide. Range 0..1. */
  noseWidth: number;
  /** Length of the nose from bridge to tip. 0 = short, 1 = long. Range 0..1. */
  noseLength: number;
  /** Volume of the lips. 0 = thin, 1 = full. Range 0..1. */
  lipFullness: number;
  /** Thickness of the eyebrows. 0 = fine, 1 = bold. Range 0..1. */
  browThickness: number;
  /** Width of the shoulders. 0 = narrow, 1 = broad. Range 0..1. */
  shoulderWidth: number;
  /** Volume of the hair mass away from the scalp. 0 = flat, 1 = voluminous. Range 0..1. */
  hairVolume: number;
  /** Skin colour, any tone including non-naturalistic ones (grey, lavender, teal, gold). */
  skinColor: HexColor;
  /** Iris colour. */
  eyeColor: HexColor;
  /** Hair colour (also used for the eyelashes' tint). */
  hairColor: HexColor;
  /** Eyebrow colour. */
  browColor: HexColor;
  /** Colour of the top (sweater). */
  clothingColor: HexColor;
  /** Hair style; `none` builds no hair. */
  hairStyle: HairStyle;
  /** Whether the avatar wears glasses. */
  glasses: boolean;
  /** Colour of the glasses frame (used only when `glasses` is true). */
  glassesColor: HexColor;
}

/** Schema entry of a continuous parameter: a UI renders it as a slider. */
export interface NumberParameterSchema {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  label: string;
}
/** Schema entry of a colour parameter: a UI renders it as a colour picker. */
export interface ColorParameterSchema {
  kind: 'color';
  label: string;
}
/** Schema entry of a choice parameter: a UI renders it as a select. */
export interface ChoiceParameterSchema {
  kind: 'choice';
  values: readonly string[];
  label: string;
}
/** Schema entry of an on/off parameter: a UI renders it as a checkbox. */
export interface BooleanParameterSchema {
  kind: 'boolean';
  label: string;
}
export type ParameterSchema =
  | NumberParameterSchema
  | ColorParameterSchema
  | ChoiceParameterSchema
  | BooleanParameterSchema;

const slider = (label: string): NumberParameterSchema => ({ kind: 'number', min: 0, max: 1, step: 0.01, label });
const colour = (label: string): ColorParameterSchema => ({ kind: 'color', label });

/**
 * One entry per parameter, in the order a configurator should show them. Iterate it to build
 * sliders, colour pickers and selects; `validateParameters` checks against the same table.
 */
export const PARAMETER_SCHEMA: { readonly [K in keyof AvatarParameters]: ParameterSchema } = {
  faceWidth: slider('Face width'),
  jawWidth: slider('Jaw width'),
  chinLength: slider('Chin'),
  cheekFullness: slider('Cheek fullness'),
  foreheadHeight: slider('Forehead height'),
  eyeSize: slider('Eye size'),
  eyeSpacing: slider('Eye spacing'),
  noseWidth: slider('Nose width'),
  noseLength: slider('Nose length'),
  lipFullness: slider('Lip fullness'),
  browThickness: slider('Brow thickness'),
  shoulderWidth: slider('Shoulder width'),
  hairVolume: slider('Hair volume'),
  skinColor: colour('Skin colour'),
  eyeColor: colour('Eye colour'),
  hairColor: colour('Hair colour'),
  browColor: colour('Brow colour'),
  clothingColor: colour('Clothing colour'),
  hairStyle: { kind: 'choice', values: HAIR_STYLES, label: 'Hair style' },
  glasses: { kind: 'boolean', label: 'Glasses' },
  glassesColor: colour('Glasses colour'),
};

/** The average face: every slider centred, a calm non-naturalistic tone, short hair. */
export const DEFAULT_PARAMETERS: Readonly<AvatarParameters> = Object.freeze({
  faceWidth: 0.5,
  jawWidth: 0.5,
  chinLength: 0.5,
  cheekFullness: 0.5,
  foreheadHeight: 0.5,
  eyeSize: 0.5,
  eyeSpacing: 0.5,
  noseWidth: 0.5,
  noseLength: 0.5,
  lipFullness: 0.5,
  browThickness: 0.5,
  shoulderWidth: 0.5,
  hairVolume: 0.5,
  skinColor: '#b8b4c8',
  eyeColor: '#4a6a8a',
  hairColor: '#3a3440',
  browColor: '#3a3440',
  clothingColor: '#5b7fa6',
  hairStyle: 'short',
  glasses: false,
  glassesColor: '#2b2b30',
});
