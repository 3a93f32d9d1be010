import { DigimensError } from '../errors';
import { DownloadError, fetchBytes, type DownloadProgress } from '../util/fetch-bytes';
import type { ModelEntry } from './model-entry';

/** Where and how to load model files. */
export interface ModelLoadOptions {
  /** Folder URL the model files are served from (self-hosted: never a CDN by default). */
  baseUrl: string;
  onProgress?: DownloadProgress;
  signal?: AbortSignal;
}

/**
 * Loads a model file from `baseUrl` and verifies its sha256 against the manifest entry.
 * A missing file names the file and where it was looked for (and how to get it); a
 * mismatching file is refused with both hashes.
 */
export async function loadModel(entry: ModelEntry, options: ModelLoadOptions): Promise<Uint8Array> {
  const url = new URL(entry.file, options.baseUrl).href;
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, (loaded, total) => options.onProgress?.(loaded, total ?? entry.size), options.signal);
  } catch (cause) {
    if (!(cause instanceof DownloadError)) throw cause;
    throw new DigimensError(
      'model-load-failed',
      `Model "${entry.name}" (${entry.file}) could not be loaded from ${url}: ${cause.message}. ` +
        `Run \`pnpm models:fetch\` to download it from ${entry.sourceUrl}, and serve it from that folder.`,
      { cause },
    );
  }
  const actual = await sha256Hex(bytes);
  if (actual !== entry.sha256.toLowerCase()) {
    throw new DigimensError(
      'model-integrity',
      `Model "${entry.name}" from ${url} was refused: its sha256 is ${actual}, but the manifest expects ${entry.sha256}. ` +
        'The file is corrupt or a different version; download it again with `pnpm models:fetch`.',
    );
  }
  return bytes;
}

/** Lower-case hex sha256 of bytes, via Web Crypto (browser and Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
