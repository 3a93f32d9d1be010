/** Bytes received so far; `total` when the server sends Content-Length. */
export type DownloadProgress = (loaded: number, total: number | undefined) => void;

/** Why a download failed: the network/CORS, or an HTTP status. */
export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Fetches a URL into memory with progress reports. Rejects with a {@link DownloadError}
 * whose message says what happened (network failure or HTTP status); callers wrap it in
 * their own error code.
 */
export async function fetchBytes(url: string, onProgress: DownloadProgress, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DownloadError(url, null, `network error (${reason})`, { cause });
  }
  if (!response.ok) {
    throw new DownloadError(url, response.status, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const lengthHeader = Number(response.headers.get('content-length'));
  const total = Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : undefined;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
