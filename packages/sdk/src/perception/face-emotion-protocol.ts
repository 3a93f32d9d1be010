import type { DigimensErrorCode } from '../errors';
import type { OnnxBackend } from './onnx';
import type { EmotionModelName } from './face-emotion-models';

/** Messages to the facial-emotion worker. */
export type EmotionWorkerRequest =
  | { type: 'init'; models: EmotionModelName[]; modelBaseUrl: string; wasmPaths: string; preferWebGpu: boolean }
  /** `rgba`: a square aligned face crop, `size`×`size` RGBA (transferred, not copied). */
  | { type: 'classify'; id: number; rgba: ArrayBuffer; size: number; flip: boolean };

/** Messages from the facial-emotion worker. */
export type EmotionWorkerResponse =
  | { type: 'progress'; file: string; loaded: number; total: number | undefined }
  | { type: 'ready'; backend: OnnxBackend }
  /** Probabilities in `EMOTIONS` order, averaged over models (and the mirror image); `ms`: inference time. */
  | { type: 'result'; id: number; probabilities: number[]; ms: number }
  | { type: 'error'; id: number | null; code: DigimensErrorCode; message: string };
