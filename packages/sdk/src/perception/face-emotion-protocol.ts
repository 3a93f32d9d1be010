import type { DigimensErrorCode } from '../errors';
import type { EmotionProbabilities } from './face-affect';
import type { EmotionModelName } from './face-emotion-models';
import type { FaceObservation } from './face-tracker';
import type { CropGeometry } from './face-geometry';

/** Everything the face worker needs to load its models (all URLs absolute). */
export interface FaceWorkerInit {
  /** `video` tracks between frames (camera); `image` treats every frame as a new photo. */
  mode: 'video' | 'image';
  /** Folder URL of `face_landmarker.task`. */
  landmarkerBaseUrl: string;
  /** Folder URL of the self-hosted MediaPipe runtime (`vision_bundle.mjs`, `wasm/`). */
  mediapipeUrl: string;
  /** Emotion classifiers to run (an ensemble when several). */
  models: EmotionModelName[];
  /** Each classifier's exponent in the log-linear ensemble (missing: 1); see FacePerceptionOptions.emotionWeights. */
  emotionWeights: Partial<Record<EmotionModelName, number>>;
  /** Folder URL of the emotion `.onnx` files. */
  emotionBaseUrl: string;
  /** Folder URL of ONNX Runtime's WASM files. */
  wasmPaths: string;
  preferWebGpu: boolean;
  /** Also classify the mirror image when the first pass's top probability is below this (1 = always, 0 = never). */
  flipBelow: number;
  /** Weight of the blendshape cues in the fusion (0 = classifier only). */
  cueWeight: number;
  /** Where the classifier's crop sits relative to the eyes. */
  cropGeometry: CropGeometry;
}

/** What one analysed frame gave. */
export interface FaceAnalysis {
  face: FaceObservation | null;
  /** Classifier output (ensemble, flip-averaged when flipped), before fusion; null without a face. */
  classifier: EmotionProbabilities | null;
  /** Classifier fused with the blendshape cues, before smoothing. */
  fused: EmotionProbabilities | null;
  /** Milliseconds in the worker: landmarks (MediaPipe), emotion (crop + classifier). */
  landmarksMs: number;
  emotionMs: number;
  /** Whether the mirror image was classified too (the first pass was unsure). */
  flipped: boolean;
}

/**
 * A frame handed to the face worker: a camera `VideoFrame` (zero-copy: it references the
 * camera's buffer, so the page does no pixel work) or an `ImageBitmap` of a photo.
 */
export type AnalysisFrame = ImageBitmap | VideoFrame;

/** Pixel size of an {@link AnalysisFrame}. */
export function frameSize(frame: AnalysisFrame): { width: number; height: number } {
  return 'displayWidth' in frame ? { width: frame.displayWidth, height: frame.displayHeight } : { width: frame.width, height: frame.height };
}

/** Messages to the face worker. */
export type FaceWorkerRequest =
  | ({ type: 'init' } & FaceWorkerInit)
  /**
   * `frame`: the camera frame or photo, transferred (the worker closes it); `emotion`:
   * false skips the emotion stage (landmarks only: presence and gaze).
   */
  | { type: 'analyze'; id: number; frame: AnalysisFrame; timestampMs: number; emotion: boolean };

/** Messages from the face worker. */
export type FaceWorkerResponse =
  | { type: 'progress'; file: string; loaded: number; total: number | undefined }
  | { type: 'ready'; backend: string }
  /** The landmarks stage of frame `id`, sent before its emotion stage runs: presence and gaze need no emotion. */
  | { type: 'landmarks'; id: number; face: FaceObservation | null }
  | { type: 'result'; id: number; analysis: FaceAnalysis }
  | { type: 'error'; id: number | null; code: DigimensErrorCode; message: string };
