/** Name of the built-in avatar (a preset of the `@digimens/models` generator). */
export const DEFAULT_AVATAR_PRESET = 'nova';

/**
 * URL of the script the SDK was loaded from, captured while it first runs: for the IIFE
 * build that is `document.currentScript` (only set during that first evaluation); for ESM
 * it is the module's own URL.
 */
const scriptUrl: string =
  (typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement && document.currentScript.src) ||
  import.meta.url;

/** Folder the SDK's own files are served from: `override`, else beside the script. */
export function assetBase(override: string | null): string {
  const base = override ?? scriptUrl;
  const absolute = new URL(base, typeof location !== 'undefined' ? location.href : undefined).href;
  if (override !== null && !absolute.endsWith('/')) return `${absolute}/`;
  return absolute;
}

/** URL of the built-in avatar file under an asset base. */
export function builtInAvatarUrl(base: string, preset: string = DEFAULT_AVATAR_PRESET): string {
  return new URL(`avatars/${preset}.vrm`, base).href;
}

/**
 * URL of a runtime file copied into the SDK's asset folder at build time (see
 * `runtime-assets.ts`), e.g. `runtimeAssetUrl(base, 'ort/')` for ONNX Runtime's WASM.
 */
export function runtimeAssetUrl(base: string, path: string): string {
  return new URL(path, base).href;
}
