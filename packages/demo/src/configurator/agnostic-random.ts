import { DEFAULT_PARAMETERS, HAIR_STYLES, PARAMETER_SCHEMA, type AvatarParameters, type HexColor } from '@digimens/models/avatar';

/** A uniform random number in [0, 1). Injected so a caller can seed it. */
export type Random = () => number;

/** Hue (degrees), saturation and lightness ranges of one family of tones. */
interface ToneFamily {
  hue: [number, number];
  saturation: [number, number];
  lightness: [number, number];
}

/**
 * Skin tones no human has, so a random face stands for no ethnicity: soft greys, lavenders,
 * teals, mint, sky blue and a saturated gold, each kept light and soft enough to look friendly.
 */
const NON_NATURALISTIC_SKIN: readonly ToneFamily[] = [
  { hue: [0, 360], saturation: [0, 0.06], lightness: [0.62, 0.78] }, // soft grey
  { hue: [248, 285], saturation: [0.22, 0.42], lightness: [0.7, 0.8] }, // lavender
  { hue: [168, 188], saturation: [0.28, 0.42], lightness: [0.52, 0.66] }, // teal
  { hue: [140, 160], saturation: [0.22, 0.36], lightness: [0.68, 0.78] }, // mint
  { hue: [200, 215], saturation: [0.35, 0.5], lightness: [0.7, 0.8] }, // sky
  { hue: [44, 50], saturation: [0.62, 0.72], lightness: [0.55, 0.62] }, // gold
];

/**
 * "Agnostic random": a fresh avatar whose skin is a non-naturalistic tone and whose features
 * all stay near the average (no trait pushed to an extreme that reads as a group's
 * stereotype). Hair, eyes and clothing take any hue.
 */
export function agnosticRandom(random: Random = Math.random): AvatarParameters {
  const params: AvatarParameters = { ...DEFAULT_PARAMETERS };
  for (const [key, schema] of Object.entries(PARAMETER_SCHEMA)) {
    if (schema.kind === 'number') (params as unknown as Record<string, number>)[key] = round(between(random, 0.35, 0.65));
  }
  const family = NON_NATURALISTIC_SKIN[Math.floor(random() * NON_NATURALISTIC_SKIN.length)] ?? NON_NATURALISTIC_SKIN[0]!;
  params.skinColor = tone(random, family);
  const hairHue = between(random, 0, 360);
  params.hairColor = hsl(hairHue, between(random, 0.15, 0.5), between(random, 0.15, 0.35));
  params.browColor = params.hairColor;
  params.eyeColor = hsl(between(random, 0, 360), between(random, 0.3, 0.6), between(random, 0.25, 0.45));
  params.clothingColor = hsl(between(random, 0, 360), between(random, 0.3, 0.55), between(random, 0.35, 0.6));
  params.hairStyle = HAIR_STYLES[Math.floor(random() * HAIR_STYLES.length)] ?? 'short';
  params.glasses = random() < 0.25;
  params.glassesColor = hsl(between(random, 0, 360), between(random, 0, 0.3), between(random, 0.15, 0.35));
  return params;
}

function tone(random: Random, f: ToneFamily): HexColor {
  return hsl(between(random, ...f.hue), between(random, ...f.saturation), between(random, ...f.lightness));
}

function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** HSL (hue in degrees, s and l 0–1) to `#rrggbb`. */
export function hsl(h: number, s: number, l: number): HexColor {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string =>
    Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
