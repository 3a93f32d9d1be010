import { DigimensError } from '../errors';
import { MODEL_MANIFEST } from '../models/manifest';
import { FaceCropper } from './face-crop';
import { frameSize, type AnalysisFrame, type EmotionReading, type FaceWorkerInit, type FrameResult } from './face-emotion-protocol';
import { EmotionRunner } from './face-emotion-runner';
import { EyeDetector } from './face-eye-detector';
import { cropFromEyes } from './face-geometry';
import { FaceTracker } from './face-tracker';

/** Side of the aligned crop: face-api's expression net input (the mini-Xception's 64 is resampled from it). */
const CROP_SIZE = 112;

/**
 * The whole per-frame face analysis, run inside the face worker, in two stages so that the
 * emotion never waits for the face mesh: (1) face detector → crop aligned on its eyes →
 * emotion classifiers (ONNX Runtime), posted at once; (2) the face mesh (MediaPipe Face
 * Landmarker: presence, box, head pose, blendshapes for gaze and cues). One place, off the
 * main thread, so a frame costs the page one transfer (a VideoFrame or bitmap).
 */
export class FrameAnalyzer {
  private readonly cropper = new FaceCropper(CROP_SIZE);

  private constructor(
    private readonly detector: EyeDetector,
    private readonly tracker: FaceTracker,
    private readonly runner: EmotionRunner,
    private readonly options: Pick<FaceWorkerInit, 'flipBelow' | 'cropGeometry'>,
  ) {}

  /**
   * Loads the three models in parallel; errors name the file and URL (see loadModel). When
   * several fail, the first in the order landmarker, detector, classifiers is thrown: without
   * the landmarker nothing else can work.
   */
  static async create(init: FaceWorkerInit, onProgress: (file: string, loaded: number, total: number | undefined) => void): Promise<FrameAnalyzer> {
    const mediapipe = (model: typeof MODEL_MANIFEST.faceLandmarker | typeof MODEL_MANIFEST.faceDetector) => ({
      model,
      modelBaseUrl: init.landmarkerBaseUrl,
      runtimeUrl: init.mediapipeUrl,
      onProgress: (loaded: number, total: number | undefined) => onProgress(model.file, loaded, total),
    });
    const stages = await Promise.allSettled([
      FaceTracker.create({ ...mediapipe(MODEL_MANIFEST.faceLandmarker), mode: init.mode }),
      EyeDetector.create(mediapipe(MODEL_MANIFEST.faceDetector)),
      EmotionRunner.create({ models: init.models, weights: init.emotionWeights, baseUrl: init.emotionBaseUrl, wasmPaths: init.wasmPaths, preferWebGpu: init.preferWebGpu, onProgress }),
    ]);
    const [tracker, detector, runner] = stages;
    if (tracker.status === 'rejected' || detector.status === 'rejected' || runner.status === 'rejected') {
      for (const stage of stages) if (stage.status === 'fulfilled') stage.value.dispose();
      throw stages.find((stage) => stage.status === 'rejected')!.reason;
    }
    const analyzer = new FrameAnalyzer(detector.value, tracker.value, runner.value, init);
    await analyzer.warmUp();
    return analyzer;
  }

  /**
   * Runs every model once on a blank frame at load: their first run costs several times a
   * normal one (measured ~1 s against ~0.3 s in the loaded test machine's worker), and that
   * should not fall on the first person who walks up.
   */
  private async warmUp(): Promise<void> {
    const blank = new OffscreenCanvas(64, 64);
    const context = blank.getContext('2d');
    if (context) {
      context.fillStyle = '#808080';
      context.fillRect(0, 0, 64, 64);
    }
    const bitmap = blank.transferToImageBitmap();
    try {
      this.detector.eyes(bitmap, 64, 64);
      this.tracker.detect(bitmap, 64, 64, 0);
    } finally {
      bitmap.close();
    }
    await this.runner.classify(new Uint8ClampedArray(CROP_SIZE * CROP_SIZE * 4), CROP_SIZE, 0);
  }

  get backend(): string {
    return this.runner.backend;
  }

  /**
   * Analyses one frame: the emotion stage first (skipped when `emotion` is false), handed to
   * `onEmotion` as soon as it is done, then the face mesh. A frame MediaPipe cannot read is a
   * `frame-invalid` error, which the caller skips.
   *
   * The emotion crop is aligned on the detector's eyes in this very frame, in video mode too.
   * Aligning on the previous frame's mesh instead was measured against it: live (`pnpm
   * bench:face`, 640×480 beside the software-rendered avatar on 2 shared cores) it would save
   * the detector's own run, 60–100 ms p50 there (~5 ms on a still), but it would crop where
   * the face was one whole analysis earlier (~600 ms there), cutting a moving head
   * off-centre, and stills would need a second path. The larger share of the detector's live
   * time (~150 ms) is reading the camera frame back from the GPU side, which whichever stage
   * touches the frame first pays, so that would not be saved.
   */
  async analyze(frame: AnalysisFrame, timestampMs: number, emotion: boolean, onEmotion: (reading: EmotionReading | null) => void): Promise<FrameResult> {
    const { width, height } = frameSize(frame);
    const reading = emotion ? await this.readEmotion(frame, width, height) : null;
    if (emotion) onEmotion(reading);
    const t0 = performance.now();
    const face = readable(() => this.tracker.detect(frame, width, height, timestampMs));
    return { face, emotion: reading, landmarksMs: performance.now() - t0 };
  }

  /** Detector eyes → aligned crop → classifiers; null when the detector finds no face. */
  private async readEmotion(frame: AnalysisFrame, width: number, height: number): Promise<EmotionReading | null> {
    const t0 = performance.now();
    const eyes = readable(() => this.detector.eyes(frame, width, height));
    const t1 = performance.now();
    if (!eyes) return null;
    const rgba = this.cropper.crop(frame, cropFromEyes(eyes, this.options.cropGeometry));
    const { probabilities, flipped } = await this.runner.classify(rgba, CROP_SIZE, this.options.flipBelow);
    return { classifier: probabilities, flipped, detectorMs: t1 - t0, emotionMs: performance.now() - t1 };
  }

  dispose(): void {
    this.detector.dispose();
    this.tracker.dispose();
    this.runner.dispose();
  }
}

/** Runs a MediaPipe call on a frame; a frame it cannot read becomes a `frame-invalid` error. */
function readable<T>(run: () => T): T {
  try {
    return run();
  } catch (cause) {
    throw new DigimensError('frame-invalid', `a frame could not be read and was skipped (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}
