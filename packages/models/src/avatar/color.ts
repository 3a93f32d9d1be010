/** Colour helpers. glTF colour factors and vertex colours are linear; UI colours are sRGB hex. */

/** A linear RGB triple, each channel 0..1. */
export type LinearRgb = [number, number, number];

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Parses `#rrggbb` into linear RGB. */
export function hexToLinear(hex: string): LinearRgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [srgbToLinear(((n >> 16) & 255) / 255), srgbToLinear(((n >> 8) & 255) / 255), srgbToLinear((n & 255) / 255)];
}

export function mixRgb(a: LinearRgb, b: LinearRgb, t: number): LinearRgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function scaleRgb(a: LinearRgb, s: number): LinearRgb {
  return [a[0] * s, a[1] * s, a[2] * s];
}

/** Relative luminance of a linear colour. */
export function luminance(c: LinearRgb): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/**
 * The toon "shade" colour for a base colour: darker and slightly warmer/more saturated, as
 * painted shadows are, so shaded skin reads as skin rather than as grey.
 */
export function shadeOf(base: LinearRgb, depth = 0.55): LinearRgb {
  const l = luminance(base);
  const saturated: LinearRgb = [
    Math.max(0, base[0] + (base[0] - l) * 0.35),
    Math.max(0, base[1] + (base[1] - l) * 0.35),
    Math.max(0, base[2] + (base[2] - l) * 0.35),
  ];
  const warm: LinearRgb = [saturated[0] * 1.04, saturated[1] * 0.96, saturated[2] * 1.0];
  return scaleRgb(warm, depth);
}
