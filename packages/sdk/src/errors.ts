/**
 * Machine-readable error codes carried by every `error` event.
 * - `config-invalid`: a config field or element attribute has a bad value.
 * - `webgl-unavailable`: the browser cannot create a WebGL 2 context.
 * - `avatar-load-failed`: the avatar file could not be fetched (network, HTTP status).
 * - `avatar-invalid`: the file arrived but is not a usable VRM (malformed glTF, no VRM data).
 * - `model-load-failed`: a model file could not be fetched (names the file and the URL tried).
 * - `model-integrity`: a model file's sha256 differs from the manifest (gives both hashes).
 * - `inference-unavailable`: no ONNX Runtime backend (WebGPU or WASM) could start.
 * - `camera-unavailable`: no camera, or it could not be opened (busy, unsupported, insecure page).
 * - `camera-denied`: the person or the browser's policy refused camera access.
 * - `frame-invalid`: a camera frame or face crop could not be read; it is skipped.
 * - `microphone-unavailable`: no microphone, or it could not be opened (busy, unsupported, insecure page); text input stays available.
 * - `microphone-denied`: the person or the browser's policy refused microphone access; text input stays available.
 */
export type DigimensErrorCode =
  | 'config-invalid'
  | 'webgl-unavailable'
  | 'avatar-load-failed'
  | 'avatar-invalid'
  | 'model-load-failed'
  | 'model-integrity'
  | 'inference-unavailable'
  | 'camera-unavailable'
  | 'camera-denied'
  | 'frame-invalid'
  | 'microphone-unavailable'
  | 'microphone-denied';

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
