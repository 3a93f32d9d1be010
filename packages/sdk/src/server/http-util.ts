import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error answered in OpenAI's shape, so any OpenAI client shows its message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable kind, e.g. `upstream_timeout`. */
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `{ "error": { message, type, code } }`: the body OpenAI-compatible clients parse. */
export function errorBody(type: string, message: string, code: number | string): string {
  return JSON.stringify({ error: { message, type, code } });
}

export function sendError(response: ServerResponse, error: HttpError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(error.status, { ...error.headers, 'content-type': 'application/json' });
  response.end(errorBody(error.type, error.message, error.status));
}

/**
 * Reads a request body, refusing more than `limit` bytes with 413 as early as possible:
 * from `Content-Length` before reading, otherwise as soon as the count passes the limit.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'body_too_large', `Request body larger than the proxy's limit of ${limit} bytes.`, { connection: 'close' });
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
