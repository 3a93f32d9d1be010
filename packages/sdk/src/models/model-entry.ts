/**
 * One model file the SDK can load: where it officially comes from, how to verify it,
 * and under which licence it may be used. Manifests are lists of these.
 */
export interface ModelEntry {
  /** Stable name, e.g. `face_landmarker`. */
  name: string;
  /** File name under the model base URL (what `pnpm models:fetch` writes). */
  file: string;
  /** Official download URL, used by `pnpm models:fetch` (never fetched by the browser). */
  sourceUrl: string;
  /** Lower-case hex sha256 of the file; the loader refuses a file that differs. */
  sha256: string;
  /** Size in bytes (for progress before Content-Length is known, and sanity checks). */
  size: number;
  /** SPDX licence id or short licence name, shown in the README's model table. */
  licence: string;
}
