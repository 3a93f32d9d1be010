import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The SDK's build output: what a website serves. */
export const SDK_DIST = join(ROOT, 'packages/sdk/dist');
/** Test-only assets beside the checkout (never committed): VRM fixtures, models, eval data. */
export const SHARED = resolve(ROOT, '..', 'shared');
/** Static pages that exercise the SDK exactly as a website would. */
export const PAGES = join(ROOT, 'test/pages');
