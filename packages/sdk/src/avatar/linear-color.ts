/**
 * Colour helpers for the appearance API. Material colour factors in three.js are linear;
 * people and colour pickers speak sRGB hex, so conversions happen only at the API's edge.
 */

/** A linear-light RGB triple, channels nominally 0–1. */
export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Whether `value` is `#rgb` or `#rrggbb`. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX.test(value);
}

export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb(c: number): number {
  const x = Math.min(1, Math.max(0, c));
  return x <= 0.0031308 ? x * 12.92 : 1.055 * x ** (1 / 2.4) - 0.055;
}

/** Parses `#rgb` / `#rrggbb` into linear RGB. The caller validates with {@link isHexColor}. */
export function hexToLinear(hex: string): Rgb {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const n = Number.parseInt(digits, 16);
  return [srgbToLinear(((n >> 16) & 255) / 255), srgbToLinear(((n >> 8) & 255) / 255), srgbToLinear((n & 255) / 255)];
}

/** Linear RGB to `#rrggbb` (clamped to the sRGB gamut). */
export function linearToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(linearToSrgb(c) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (Rec. 709 weights) of a linear colour. */
export function luminance(c: Rgb): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function multiply(a: Rgb, b: Rgb): Rgb {
  return [a[0] * b[0], a[1] * b[1], a[2] * b[2]];
}

/** Chroma (max − min channel) of a linear colour: 0 for greys. */
export function chroma(c: Rgb): number {
  return Math.max(...c) - Math.min(...c);
}
