import { DigimensError } from '../errors';
import { MODEL_MANIFEST } from '../models/manifest';
import { fuseWithCues } from './face-affect';
import { FaceCropper } from './face-crop';
import { frameSize, type AnalysisFrame, type FaceAnalysis, type FaceWorkerInit } from './face-emotion-protocol';
import { EmotionRunner } from './face-emotion-runner';
import { alignedCrop } from './face-geometry';
import { FaceTracker, type FaceObservation } from './face-tracker';

/** Side of the aligned crop: face-api's expression net input (the mini-Xception's 64 is resampled from it). */
const CROP_SIZE = 112;

/**
 * The whole per-frame face analysis, run inside the face worker: landmarks (MediaPipe) →
 * aligned crop → emotion classifiers (ONNX Runtime) → fusion with blendshape cues. One
 * place, off the main thread, so a frame costs the page one transfer (a VideoFrame or bitmap).
 */
export class FrameAnalyzer {
  private readonly cropper = new FaceCropper(CROP_SIZE);

  private constructor(
    private readonly tracker: FaceTracker,
    private readonly runner: EmotionRunner,
    private readonly options: Pick<FaceWorkerInit, 'flipBelow' | 'cueWeight' | 'cropGeometry'>,
  ) {}

  /**
   * Loads both models in parallel; errors name the file and URL (see loadModel). When both
   * fail, the landmarker's error is the one thrown: without it nothing else can work.
   */
  static async create(init: FaceWorkerInit, onProgress: (file: string, loaded: number, total: number | undefined) => void): Promise<FrameAnalyzer> {
    const [tracker, runner] = await Promise.allSettled([
      FaceTracker.create({
        model: MODEL_MANIFEST.faceLandmarker,
        modelBaseUrl: init.landmarkerBaseUrl,
        runtimeUrl: init.mediapipeUrl,
        mode: init.mode,
        onProgress: (loaded, total) => onProgress(MODEL_MANIFEST.faceLandmarker.file, loaded, total),
      }),
      EmotionRunner.create({ models: init.models, weights: init.emotionWeights, baseUrl: init.emotionBaseUrl, wasmPaths: init.wasmPaths, preferWebGpu: init.preferWebGpu, onProgress }),
    ]);
    if (tracker.status === 'rejected') {
      if (runner.status === 'fulfilled') runner.value.dispose();
      throw tracker.reason;
    }
    if (runner.status === 'rejected') {
      tracker.value.dispose();
      throw runner.reason;
    }
    const analyzer = new FrameAnalyzer(tracker.value, runner.value, init);
    await analyzer.warmUp();
    return analyzer;
  }

  /**
   * Runs both models once on a blank frame at load: their first run costs several times a
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
   * Analyses one frame; `onLandmarks` gets the tracked face (or null) as soon as the
   * landmarks are in, before the emotion stage (skipped when `emotion` is false). A frame
   * MediaPipe cannot read is a `frame-invalid` error, which the caller skips.
   */
  async analyze(frame: AnalysisFrame, timestampMs: number, emotion: boolean, onLandmarks: (face: FaceObservation | null) => void): Promise<FaceAnalysis> {
    const { width, height } = frameSize(frame);
    const t0 = performance.now();
    const face = (() => {
      try {
        return this.tracker.detect(frame, width, height, timestampMs);
      } catch (cause) {
        throw new DigimensError('frame-invalid', `a frame could not be read and was skipped (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
      }
    })();
    const t1 = performance.now();
    onLandmarks(face);
    if (!face || !emotion) return { face, classifier: null, fused: null, landmarksMs: t1 - t0, emotionMs: 0, flipped: false };
    const rgba = this.cropper.crop(frame, alignedCrop(face.landmarks, width, height, this.options.cropGeometry));
    const { probabilities, flipped } = await this.runner.classify(rgba, CROP_SIZE, this.options.flipBelow);
    const fused = fuseWithCues(probabilities, face.blendshapes, this.options.cueWeight);
    return { face, classifier: probabilities, fused, landmarksMs: t1 - t0, emotionMs: performance.now() - t1, flipped };
  }

  dispose(): void {
    this.tracker.dispose();
    this.runner.dispose();
  }
}
