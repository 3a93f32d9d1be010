/** Small vector and easing helpers shared by the geometry modules. */

export type Vec3 = [number, number, number];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const normalize = (a: Vec3): Vec3 => {
  const l = length(a);
  return l > 1e-12 ? scale(a, 1 / l) : [0, 1, 0];
};
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Hermite smoothstep from edge0 to edge1 (edges may be in either order). */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = clamp01((x - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}

/**
 * A smooth bump of compact support: 1 at (cx, cy), falling to exactly 0 on the ellipse with
 * radii (rx, ry). Compact support keeps morph targets sparse and features local.
 */
export function bump(x: number, y: number, cx: number, cy: number, rx: number, ry: number): number {
  const dx = (x - cx) / rx;
  const dy = (y - cy) / ry;
  const d = dx * dx + dy * dy;
  if (d >= 1) return 0;
  const f = 1 - d;
  return f * f * (3 - 2 * f);
}

/** Rotates p around an axis through `pivot` parallel to X by `angle` radians (positive: +Y toward +Z). */
export function rotateAboutX(p: Vec3, pivot: Vec3, angle: number): Vec3 {
  const y = p[1] - pivot[1];
  const z = p[2] - pivot[2];
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [p[0], pivot[1] + y * c - z * s, pivot[2] + y * s + z * c];
}

/**
 * `n + 1` samples from `from` to `to` spaced inversely to `density`, so that regions with more
 * detail (the face) get more rows or columns of vertices than the back of the head.
 */
export function distribute(n: number, from: number, to: number, density: (x: number) => number): number[] {
  const fine = 2048;
  const cumulative: number[] = [0];
  for (let i = 1; i <= fine; i++) {
    const x = lerp(from, to, (i - 0.5) / fine);
    cumulative.push((cumulative[i - 1] ?? 0) + density(x));
  }
  const total = cumulative[fine] ?? 1;
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i <= n; i++) {
    const target = (total * i) / n;
    while (k < fine && (cumulative[k + 1] ?? total) < target) k++;
    const c0 = cumulative[k] ?? 0;
    const c1 = cumulative[k + 1] ?? total;
    const t = c1 > c0 ? (target - c0) / (c1 - c0) : 0;
    out.push(lerp(from, to, (k + t) / fine));
  }
  out[0] = from;
  out[n] = to;
  return out;
}
