/** Per-feature mean and scale (1/std) learned from training rows; baked into the ONNX graph. */
export interface Standardiser {
  mean: Float64Array;
  scale: Float64Array;
}

/** Standardised values are clipped to ±CLIP so one wild feature (odd microphone) cannot dominate. */
export const STANDARD_CLIP = 5;

export function fitStandardiser(rows: readonly ArrayLike<number>[]): Standardiser {
  const d = rows[0]!.length;
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (const row of rows) for (let i = 0; i < d; i++) mean[i] = mean[i]! + row[i]! / rows.length;
  for (const row of rows) for (let i = 0; i < d; i++) variance[i] = variance[i]! + (row[i]! - mean[i]!) ** 2 / rows.length;
  // A constant feature gets scale 1 (it standardises to 0), not a division by zero.
  const scale = variance.map((v) => (v > 1e-12 ? 1 / Math.sqrt(v) : 1));
  return { mean, scale };
}

export function standardise(s: Standardiser, row: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: s.mean.length }, (_, i) => Math.max(-STANDARD_CLIP, Math.min(STANDARD_CLIP, (row[i]! - s.mean[i]!) * s.scale[i]!)));
}
