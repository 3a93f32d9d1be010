import type { FaceLandmarker, FaceLandmarkerResult, ImageSource } from '@mediapipe/tasks-vision';
import type { ModelEntry } from '../models/model-entry';
import { loadModel } from '../models/model-loader';
import type { DownloadProgress } from '../util/fetch-bytes';
import { createVisionTask } from './mediapipe-runtime';
import { headPoseFromMatrix, landmarkBox, type FaceBox, type HeadPose, type Landmark } from './face-geometry';

/** One face as the tracker sees it in one frame. */
export interface FaceObservation {
  /** 478 landmarks in normalised image coordinates. */
  landmarks: Landmark[];
  box: FaceBox;
  pose: HeadPose;
  /** The 52 ARKit-style blendshape scores by name (0–1). */
  blendshapes: Record<string, number>;
  /** Image size the coordinates refer to (pixels). */
  imageWidth: number;
  imageHeight: number;
}

/** Where the tracker's files come from. */
export interface FaceTrackerOptions {
  /** The `face_landmarker.task` manifest entry. */
  model: ModelEntry;
  /** Folder URL the model file is served from. */
  modelBaseUrl: string;
  /** Folder URL of the self-hosted MediaPipe runtime (`vision_bundle.mjs`, `wasm/`). */
  runtimeUrl: string;
  /** `video` tracks between frames (camera); `image` treats every call as a new photo. */
  mode: 'video' | 'image';
  onProgress?: DownloadProgress;
  signal?: AbortSignal;
}

/**
 * MediaPipe's Face Landmarker (VIDEO or IMAGE mode, blendshapes and the head's
 * transformation matrix on), loaded from self-hosted files. Runs in the face worker, after
 * the emotion stage: presence, gaze, head pose and blendshapes come from its face mesh.
 */
export class FaceTracker {
  private lastTimestamp = -1;

  private constructor(
    private readonly landmarker: FaceLandmarker,
    private readonly mode: 'video' | 'image',
  ) {}

  /**
   * Loads the runtime and the model (sha256-checked, with progress).
   * @throws {DigimensError} `model-load-failed` / `model-integrity` for the model file,
   * `inference-unavailable` when the MediaPipe runtime cannot start.
   */
  static async create(options: FaceTrackerOptions): Promise<FaceTracker> {
    const bytes = await loadModel(options.model, { baseUrl: options.modelBaseUrl, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.signal ? { signal: options.signal } : {}) });
    const landmarker = await createVisionTask(options.runtimeUrl, 'face tracker', (vision, fileset) =>
      vision.FaceLandmarker.createFromOptions(fileset, {
        baseOptions: { modelAssetBuffer: bytes, delegate: 'CPU' },
        runningMode: options.mode === 'video' ? 'VIDEO' : 'IMAGE',
        numFaces: 1,
        outputFaceBlendshapes: true,
        outputFacialTransformationMatrixes: true,
      }),
    );
    return new FaceTracker(landmarker, options.mode);
  }

  /**
   * The most prominent face in `source`, or null when there is none. `timestampMs` must
   * grow from call to call in video mode (MediaPipe tracks across frames); a repeated or
   * older timestamp is nudged forward instead of failing.
   */
  detect(source: ImageSource, width: number, height: number, timestampMs: number): FaceObservation | null {
    let result: FaceLandmarkerResult;
    if (this.mode === 'video') {
      const timestamp = Math.max(timestampMs, this.lastTimestamp + 1);
      this.lastTimestamp = timestamp;
      result = this.landmarker.detectForVideo(source, timestamp);
    } else {
      result = this.landmarker.detect(source);
    }
    const landmarks = result.faceLandmarks[0];
    if (!landmarks) return null;
    const blendshapes: Record<string, number> = {};
    for (const category of result.faceBlendshapes?.[0]?.categories ?? []) blendshapes[category.categoryName] = category.score;
    const matrix = result.facialTransformationMatrixes?.[0]?.data;
    return {
      landmarks,
      box: landmarkBox(landmarks),
      pose: matrix ? headPoseFromMatrix(matrix) : { yaw: 0, pitch: 0, roll: 0 },
      blendshapes,
      imageWidth: width,
      imageHeight: height,
    };
  }

  dispose(): void {
    this.landmarker.close();
  }
}
