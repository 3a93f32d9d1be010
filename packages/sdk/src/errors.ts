/**
 * Machine-readable error codes carried by every `error` event.
 * - `config-invalid`: a config field or element attribute has a bad value.
 * - `webgl-unavailable`: the browser cannot create a WebGL 2 context.
 * - `avatar-load-failed`: the avatar file could not be fetched (network, HTTP status).
 * - `avatar-invalid`: the file arrived but is not a usable VRM (malformed glTF, no VRM data).
 */
export type DigimensErrorCode =
  | 'config-invalid'
  | 'webgl-unavailable'
  | 'avatar-load-failed'
  | 'avatar-invalid';

/** An error with a stable `code` and a message written for the person who must fix it. */
export class DigimensError extends Error {
  override name = 'DigimensError';
  constructor(
    readonly code: DigimensErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
