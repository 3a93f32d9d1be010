import { assetBase, runtimeAssetUrl } from '../assets';
import { DigimensError, type DigimensErrorCode } from '../errors';
import { MODEL_MANIFEST } from '../models/manifest';
import { TypedEmitter } from '../util/emitter';
import { Camera, type CameraOptions } from './camera';
import { EmotionSmoother, fuseWithCues, type EmotionProbabilities, type FaceEmotionEstimate } from './face-affect';
import { FaceCropper } from './face-crop';
import { FaceEmotionClassifier } from './face-emotion';
import type { EmotionModelName } from './face-emotion-models';
import { alignedCrop } from './face-geometry';
import { gazeTarget, type GazePoint } from './face-gaze';
import { PresenceFilter } from './face-presence';
import { FaceTracker, type FaceObservation } from './face-tracker';

/** Settings of {@link FacePerception}; every field has a default. */
export interface FacePerceptionOptions {
  /** Folder of the SDK's own files (default: beside its script). */
  assetBaseUrl: string | null;
  /** Folder of `face_landmarker.task` (default: `<assets>/models/`, where `pnpm models:fetch` puts it). */
  landmarkerBaseUrl: string | null;
  /** Folder of the emotion `.onnx` files (default: `<assets>/models/`). */
  emotionBaseUrl: string | null;
  /** Classifiers to run, averaged when several (default: face-api's expression net). */
  emotionModels: EmotionModelName[];
  /** Also classify the mirrored face and average (test-time flip; default true). */
  flip: boolean;
  /** Weight of the blendshape cues in the fusion (0 = classifier only). */
  cueWeight: number;
  /** Frames analysed per second at most (default 15: emotion output ≥ 10 Hz). */
  maxFps: number;
  /** Try WebGPU for the classifier (default true). */
  preferWebGpu: boolean;
  camera: CameraOptions;
}

export const DEFAULT_FACE_PERCEPTION: FacePerceptionOptions = {
  assetBaseUrl: null,
  landmarkerBaseUrl: null,
  emotionBaseUrl: null,
  emotionModels: ['face-expression'],
  flip: true,
  cueWeight: 2,
  maxFps: 15,
  preferWebGpu: true,
  camera: {},
};

/** What one analysed frame gave. */
export interface FaceAnalysis {
  face: FaceObservation | null;
  /** Classifier output (flip-averaged), before fusion and smoothing; null without a face. */
  classifier: EmotionProbabilities | null;
  /** Classifier fused with the blendshape cues, before smoothing. */
  fused: EmotionProbabilities | null;
  /** Milliseconds spent: landmarks (main thread) and emotion (worker round trip). */
  landmarksMs: number;
  emotionMs: number;
}

/** Events of {@link FacePerception}. */
export interface FacePerceptionEvents {
  /** Someone is (no longer) in front of the camera; with hysteresis. */
  presence: { present: boolean };
  /** A tracked face, with the point the avatar should look at. */
  face: { face: FaceObservation; gaze: GazePoint };
  /** The smoothed emotion estimate (one per analysed frame with a face). */
  emotion: FaceEmotionEstimate;
  /** Perception cannot see (camera denied or absent, models missing); the avatar keeps running. */
  degraded: { code: DigimensErrorCode; reason: string };
  /** Model download progress. */
  progress: { file: string; loaded: number; total: number | undefined };
  /** The pipeline is loaded and the camera (if started) is running. */
  ready: { backend: string };
}

/**
 * On-device face perception: camera → MediaPipe face landmarks (presence, head pose,
 * blendshapes, gaze target) → aligned crop → emotion classifier in a worker → fusion with
 * blendshape cues → temporal smoothing. No frame leaves the device: pixels only go to the
 * local worker, and only numbers come out in events.
 */
export class FacePerception extends TypedEmitter<FacePerceptionEvents> {
  readonly options: FacePerceptionOptions;
  private tracker: FaceTracker | null = null;
  private classifier: FaceEmotionClassifier | null = null;
  private readonly cropper: FaceCropper;
  private readonly presence = new PresenceFilter();
  private readonly smoother = new EmotionSmoother();
  private camera: Camera | null = null;
  private loading: Promise<void> | null = null;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: Partial<FacePerceptionOptions> = {}) {
    super();
    this.options = { ...DEFAULT_FACE_PERCEPTION, ...options };
    this.cropper = new FaceCropper(112);
  }

  /** Whether someone is in front of the camera (with hysteresis). */
  get present(): boolean {
    return this.presence.value;
  }

  /**
   * Loads the tracker and classifier. `mode: 'image'` treats every frame as an unrelated
   * photo (evaluation); the camera loop uses `video`.
   * @throws {DigimensError} model or runtime errors, with the file and URL.
   */
  load(mode: 'video' | 'image' = 'video'): Promise<void> {
    this.loading ??= (async () => {
      const base = assetBase(this.options.assetBaseUrl);
      const models = runtimeAssetUrl(base, 'models/');
      const onProgress = (file: string) => (loaded: number, total: number | undefined) => this.emit('progress', { file, loaded, total });
      const [tracker, classifier] = await Promise.all([
        FaceTracker.create({
          model: MODEL_MANIFEST.faceLandmarker,
          modelBaseUrl: this.options.landmarkerBaseUrl ? assetBase(this.options.landmarkerBaseUrl) : models,
          runtimeUrl: runtimeAssetUrl(base, 'mediapipe/'),
          mode,
          onProgress: onProgress(MODEL_MANIFEST.faceLandmarker.file),
        }),
        FaceEmotionClassifier.create({
          workerUrl: runtimeAssetUrl(base, 'workers/face-emotion-worker.js'),
          models: this.options.emotionModels,
          modelBaseUrl: this.options.emotionBaseUrl ? assetBase(this.options.emotionBaseUrl) : models,
          wasmPaths: runtimeAssetUrl(base, 'ort/'),
          preferWebGpu: this.options.preferWebGpu,
          onProgress: (file, loaded, total) => this.emit('progress', { file, loaded, total }),
        }),
      ]);
      this.tracker = tracker;
      this.classifier = classifier;
    })();
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** The classifier's execution provider (`webgpu` or `wasm`), once loaded. */
  get backend(): string | null {
    return this.classifier?.backend ?? null;
  }

  /**
   * Analyses one frame: landmarks, then (with a face) the aligned crop's emotion.
   * A frame that cannot be read is reported as `frame-invalid`.
   */
  async analyze(source: CanvasImageSource & TexImageSource, width: number, height: number, timestampMs: number): Promise<FaceAnalysis> {
    if (!this.tracker || !this.classifier) throw new Error('FacePerception.load() first');
    if (!width || !height) throw new DigimensError('frame-invalid', `frame of ${width}×${height} pixels skipped`);
    const t0 = performance.now();
    let face: FaceObservation | null;
    try {
      face = this.tracker.detect(source as never, width, height, timestampMs);
    } catch (cause) {
      throw new DigimensError('frame-invalid', `a frame could not be read and was skipped (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    }
    const t1 = performance.now();
    if (!face) return { face: null, classifier: null, fused: null, landmarksMs: t1 - t0, emotionMs: 0 };
    const rgba = this.cropper.crop(source, alignedCrop(face.landmarks, width, height));
    const { probabilities } = await this.classifier.classify(rgba, this.cropper.size, this.options.flip);
    const fused = fuseWithCues(probabilities, face.blendshapes, this.options.cueWeight);
    return { face, classifier: probabilities, fused, landmarksMs: t1 - t0, emotionMs: performance.now() - t1 };
  }

  /**
   * Opens the camera and starts perceiving. Never throws for a missing or refused camera
   * or missing models: it emits `degraded` and the avatar keeps running, not seeing.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      this.camera ??= new Camera(this.options.camera);
      const [video] = await Promise.all([this.camera.open(), this.load('video')]);
      if (!this.running) return;
      this.emit('ready', { backend: this.backend ?? 'wasm' });
      this.loop(video);
    } catch (error) {
      this.running = false;
      this.camera?.close();
      const code: DigimensErrorCode = error instanceof DigimensError ? error.code : 'camera-unavailable';
      this.emit('degraded', { code, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Stops the camera and the loop; models stay loaded for a quick restart. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.camera?.close();
    if (this.presence.value) this.emit('presence', { present: false });
    this.presence.reset();
    this.smoother.reset();
  }

  dispose(): void {
    this.stop();
    this.tracker?.dispose();
    this.classifier?.dispose();
    this.tracker = null;
    this.classifier = null;
    this.clear();
  }

  /** One analysis at a time, at most `maxFps`; a slow frame delays the next instead of queueing. */
  private loop(video: HTMLVideoElement): void {
    const interval = 1000 / this.options.maxFps;
    const tick = async () => {
      if (!this.running) return;
      const started = performance.now();
      if (video.readyState >= 2 && this.camera?.active) {
        try {
          await this.step(video, started);
        } catch (error) {
          // A bad frame is skipped; the next one is tried as usual.
          if (!(error instanceof DigimensError && error.code === 'frame-invalid')) throw error;
        }
      }
      if (this.running) this.timer = setTimeout(() => void tick(), Math.max(0, interval - (performance.now() - started)));
    };
    void tick();
  }

  private async step(video: HTMLVideoElement, now: number): Promise<void> {
    const result = await this.analyze(video, video.videoWidth, video.videoHeight, now);
    if (this.presence.update(result.face !== null, now)) {
      this.emit('presence', { present: this.presence.value });
      if (!this.presence.value) this.smoother.reset();
    }
    if (!result.face || !result.fused) return;
    this.emit('face', { face: result.face, gaze: gazeTarget(result.face) });
    this.emit('emotion', this.smoother.update(result.fused, now));
  }
}
