import type { DigimensErrorCode } from '../errors';
import type { EmotionProbabilities } from './face-affect';
import type { EmotionModelName } from './face-emotion-models';
import type { FaceObservation } from './face-tracker';
import type { CropGeometry } from './face-geometry';

/** Everything the face worker needs to load its models (all URLs absolute). */
export interface FaceWorkerInit {
  /** `video` tracks between frames (camera); `image` treats every frame as a new photo. */
  mode: 'video' | 'image';
  /** Folder URL of the MediaPipe models (`face_landmarker.task`, `blaze_face_short_range.tflite`). */
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
  /** Where the classifier's crop sits relative to the eyes. */
  cropGeometry: CropGeometry;
}

/**
 * The emotion stage of one frame, posted as soon as it is done, before the face mesh runs:
 * the crop aligned on the face detector's eyes, classified.
 */
export interface EmotionReading {
  /** Classifier output (ensemble, flip-averaged when flipped). */
  classifier: EmotionProbabilities;
  /** Whether the mirror image was classified too (the first pass was unsure). */
  flipped: boolean;
  /** Milliseconds in the worker: the face detector (eyes), then crop + classifier. */
  detectorMs: number;
  emotionMs: number;
}

/** What the face worker found in one frame: both stages. */
export interface FrameResult {
  /** The face mesh's view (null: no face); it runs after the emotion stage. */
  face: FaceObservation | null;
  /** The emotion stage; null when the detector found no face or the stage was skipped. */
  emotion: EmotionReading | null;
  /** Milliseconds in the worker for the face mesh (MediaPipe Face Landmarker). */
  landmarksMs: number;
}

/** What one analysed frame gave. */
export interface FaceAnalysis {
  face: FaceObservation | null;
  /** Classifier output (ensemble, flip-averaged when flipped), before fusion; null without a detected face. */
  classifier: EmotionProbabilities | null;
  /** Classifier fused with this frame's blendshape cues (classifier alone when the mesh found no face). */
  fused: EmotionProbabilities | null;
  /** Milliseconds in the worker: face detector, emotion (crop + classifier), then the face mesh. */
  detectorMs: number;
  emotionMs: number;
  landmarksMs: number;
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
   * false skips the emotion stage (face mesh only: presence and gaze).
   */
  | { type: 'analyze'; id: number; frame: AnalysisFrame; timestampMs: number; emotion: boolean };

/** Messages from the face worker. */
export type FaceWorkerResponse =
  | { type: 'progress'; file: string; loaded: number; total: number | undefined }
  | { type: 'ready'; backend: string }
  /** The emotion stage of frame `id` (null: no face detected), sent before its face mesh runs. */
  | { type: 'emotion'; id: number; reading: EmotionReading | null }
  | { type: 'result'; id: number; result: FrameResult }
  | { type: 'error'; id: number | null; code: DigimensErrorCode; message: string };
