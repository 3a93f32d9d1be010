import { assetBase, runtimeAssetUrl } from '../assets';
import { DigimensError, type DigimensErrorCode } from '../errors';
import { TypedEmitter } from '../util/emitter';
import { Camera, type CameraOptions } from './camera';
import { EmotionSmoother, fuseWithCues, type Blendshapes, type FaceEmotionEstimate } from './face-affect';
import type { AnalysisFrame, EmotionReading, FaceAnalysis } from './face-emotion-protocol';
import type { EmotionModelName } from './face-emotion-models';
import { LatestFrameLoop } from './face-frame-loop';
import { gazeTarget, type GazePoint } from './face-gaze';
import { EXPRESSION_CROP, type CropGeometry } from './face-geometry';
import { PresenceFilter } from './face-presence';
import { FaceWorkerClient, type AnalyzeOptions } from './face-worker-client';
import type { FaceObservation } from './face-tracker';
import { startSteadyClock } from './steady-clock';

export type { FaceAnalysis } from './face-emotion-protocol';

/** Settings of {@link FacePerception}; every field has a default. */
export interface FacePerceptionOptions {
  /** Folder of the SDK's own files (default: beside its script). */
  assetBaseUrl: string | null;
  /**
   * Folder of the MediaPipe models, `face_landmarker.task` and `blaze_face_short_range.tflite`
   * (default: `<assets>/models/`, where `pnpm models:fetch` puts them).
   */
  landmarkerBaseUrl: string | null;
  /** Folder of the emotion `.onnx` files (default: `<assets>/models/`). */
  emotionBaseUrl: string | null;
  /** Classifiers to run, pooled when several (default: face-api's expression net). */
  emotionModels: EmotionModelName[];
  /**
   * Each classifier's exponent in the log-linear pooling p ∝ Π p_m^w (missing: 1). For a lone
   * model it is its inverse temperature, which sets how much it counts against the cues.
   */
  emotionWeights: Partial<Record<EmotionModelName, number>>;
  /**
   * Also classify the mirrored face (test-time flip) when the first pass's top probability
   * is below this: 1 always flips (twice the cost), 0 never. Default 0.5: only when no
   * emotion has a majority.
   */
  flipBelow: number;
  /**
   * Weight of the blendshape cues in the fusion (0 = classifier only). The cues come from the
   * face mesh, which runs after the classifier: live, each frame's classifier output is fused
   * with the latest mesh's cues (the previous frame's), so the estimate never waits for the mesh.
   */
  cueWeight: number;
  /** Size and placement of the classifier's face crop, in inter-ocular distances. */
  cropGeometry: CropGeometry;
  /** Frames analysed per second at most (default 30); the machine's speed usually limits first. */
  maxFps: number;
  /**
   * Share of wall time the analysis may keep the face worker busy (default 1: back to back,
   * as fast as the machine allows). Lower it where the avatar's frame rate suffers. On the
   * 2-core test machine, which renders the avatar in software on the same cores, `pnpm
   * bench:face` (three on/off rounds, median) measured the avatar losing 13–14 % of its frame
   * rate at 1 (2.5 analyses/s), 8–16 % at 0.5 (1.2–1.5/s) and 2–3 % at 0.1 (0.2/s).
   */
  busyShare: number;
  /**
   * How often (Hz) the `emotion` event fires while someone is present (default 20: every
   * 50 ms). Twice the 10 Hz the avatar needs, because a busy main thread (software WebGL
   * measured stalls of 200+ ms on the test machine) makes timers skip ticks.
   */
  emotionHz: number;
  /** Try WebGPU for the classifier (default true). */
  preferWebGpu: boolean;
  camera: CameraOptions;
}

export const DEFAULT_FACE_PERCEPTION: FacePerceptionOptions = {
  assetBaseUrl: null,
  landmarkerBaseUrl: null,
  emotionBaseUrl: null,
  emotionModels: ['face-expression'],
  emotionWeights: {},
  flipBelow: 0.5,
  cueWeight: 2,
  cropGeometry: EXPRESSION_CROP,
  maxFps: 30,
  busyShare: 1,
  emotionHz: 20,
  preferWebGpu: true,
  camera: {},
};

/** Events of {@link FacePerception}. */
export interface FacePerceptionEvents {
  /** Someone is (no longer) in front of the camera; with hysteresis. */
  presence: { present: boolean };
  /** A tracked face (one per analysed frame with a face), with the point the avatar should look at. */
  face: { face: FaceObservation; gaze: GazePoint };
  /**
   * The smoothed emotion estimate, on a steady clock ({@link FacePerceptionOptions.emotionHz})
   * while someone is present, however fast frames are analysed; it fades towards `uncertain`
   * when analysis stalls.
   */
  emotion: FaceEmotionEstimate;
  /** Perception cannot see (camera denied or absent, models missing); the avatar keeps running. */
  degraded: { code: DigimensErrorCode; reason: string };
  /** Model download progress. */
  progress: { file: string; loaded: number; total: number | undefined };
  /** The pipeline is loaded and the camera (if started) is running. */
  ready: { backend: string };
}

/**
 * On-device face perception: camera → (face worker: face detector → crop aligned on its
 * eyes → emotion classifiers, reported at once; then the face mesh) → fusion with the mesh's
 * blendshape cues, presence, gaze and temporal smoothing here. Frames are analysed as fast
 * as the machine allows, newest first; the emotion estimate goes out on its own steady clock. No frame leaves the device: pixels only
 * go to the local worker, and only numbers come out in events.
 */
export class FacePerception extends TypedEmitter<FacePerceptionEvents> {
  readonly options: FacePerceptionOptions;
  private worker: FaceWorkerClient | null = null;
  private readonly presence = new PresenceFilter();
  private readonly smoother = new EmotionSmoother();
  /** Blendshapes of the latest face the mesh saw (null: none), fused with the next emotion readings. */
  private cues: Blendshapes | null = null;
  private camera: Camera | null = null;
  private loading: Promise<void> | null = null;
  private running = false;
  private disposed = false;
  private frames: LatestFrameLoop | null = null;
  private stopClock: (() => void) | null = null;

  constructor(options: Partial<FacePerceptionOptions> = {}) {
    super();
    this.options = { ...DEFAULT_FACE_PERCEPTION, ...options };
  }

  /** Whether someone is in front of the camera (with hysteresis). */
  get present(): boolean {
    return this.presence.value;
  }

  /**
   * Starts the face worker and loads the face detector, landmarker and classifiers there.
   * `mode: 'image'` treats every frame as an unrelated photo (evaluation); the camera loop
   * uses `video`.
   * @throws {DigimensError} model or runtime errors, with the file and URL.
   */
  load(mode: 'video' | 'image' = 'video'): Promise<void> {
    this.loading ??= (async () => {
      const base = assetBase(this.options.assetBaseUrl);
      const models = runtimeAssetUrl(base, 'models/');
      const worker = await FaceWorkerClient.create(
        runtimeAssetUrl(base, 'workers/face-emotion-worker.js'),
        {
          mode,
          landmarkerBaseUrl: this.options.landmarkerBaseUrl ? assetBase(this.options.landmarkerBaseUrl) : models,
          mediapipeUrl: runtimeAssetUrl(base, 'mediapipe/'),
          models: this.options.emotionModels,
          emotionWeights: this.options.emotionWeights,
          emotionBaseUrl: this.options.emotionBaseUrl ? assetBase(this.options.emotionBaseUrl) : models,
          wasmPaths: runtimeAssetUrl(base, 'ort/'),
          preferWebGpu: this.options.preferWebGpu,
          flipBelow: this.options.flipBelow,
          cropGeometry: this.options.cropGeometry,
        },
        (file, loaded, total) => this.emit('progress', { file, loaded, total }),
      );
      // Disposed while loading: nobody will release this worker later.
      if (this.disposed) return worker.dispose();
      this.worker = worker;
    })();
    this.loading.catch(() => (this.loading = null));
    return this.loading;
  }

  /** The classifier's execution provider (`webgpu` or `wasm`), once loaded. */
  get backend(): string | null {
    return this.worker?.backend ?? null;
  }

  /**
   * Analyses one frame in the worker (the caller keeps `source`: a photo is copied, a video
   * frame referenced). `options.onEmotion` gets the classifier's reading as soon as it is
   * done; the promise resolves after the face mesh, with the classifier fused with this
   * frame's blendshape cues.
   * @throws {DigimensError} `frame-invalid` for a frame that cannot be read (it is skipped).
   */
  async analyze(source: ImageBitmapSource, width: number, height: number, timestampMs: number, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
    if (!this.worker) throw new Error('FacePerception.load() first');
    if (!width || !height) throw new DigimensError('frame-invalid', `frame of ${width}×${height} pixels skipped`);
    let frame: AnalysisFrame;
    try {
      // A video's current frame as a VideoFrame: a reference, not a pixel copy (a bitmap
      // copy waited on the GPU process, blocking the page while the avatar rendered).
      frame = source instanceof HTMLVideoElement && typeof VideoFrame !== 'undefined' ? new VideoFrame(source, { timestamp: Math.round(timestampMs * 1000) }) : await createImageBitmap(source);
    } catch (cause) {
      throw new DigimensError('frame-invalid', `a frame could not be read and was skipped (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    }
    const { face, emotion, landmarksMs } = await this.worker.analyze(frame, timestampMs, options);
    return {
      face,
      classifier: emotion?.classifier ?? null,
      fused: emotion ? fuseWithCues(emotion.classifier, face?.blendshapes ?? null, this.options.cueWeight) : null,
      detectorMs: emotion?.detectorMs ?? 0,
      emotionMs: emotion?.emotionMs ?? 0,
      landmarksMs,
      flipped: emotion?.flipped ?? false,
    };
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
      // Both at once, but a camera failure is the one reported: without a camera the
      // models do not matter, and "camera denied" is what the person can act on.
      const [camera, models] = await Promise.allSettled([this.camera.open(), this.load('video')]);
      if (camera.status === 'rejected') throw camera.reason;
      if (models.status === 'rejected') throw models.reason;
      const video = camera.value;
      if (!this.running) return;
      this.emit('ready', { backend: this.backend ?? 'wasm' });
      this.frames = new LatestFrameLoop(video, (now) => this.step(video, now), this.options);
      this.frames.start();
      this.stopClock = startSteadyClock(this.options.emotionHz, (now) => this.tick(now));
    } catch (error) {
      // Stopped meanwhile: not a failure to report.
      if (!this.running) return;
      this.halt();
      const code: DigimensErrorCode = error instanceof DigimensError ? error.code : 'camera-unavailable';
      this.emit('degraded', { code, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Stops the camera and the loops; models stay loaded for a quick restart. */
  stop(): void {
    this.halt();
    if (this.presence.value) this.emit('presence', { present: false });
    this.presence.reset();
    this.smoother.reset();
    this.cues = null;
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.worker?.dispose();
    this.worker = null;
    this.loading = null;
    this.clear();
  }

  private halt(): void {
    this.running = false;
    this.frames?.stop();
    this.stopClock?.();
    this.frames = null;
    this.stopClock = null;
    this.camera?.close();
  }

  /** The output clock: the current (aged) estimate while someone is present. */
  private tick(now: number): void {
    if (!this.presence.value) return;
    const estimate = this.smoother.estimate(now);
    if (estimate) this.emit('emotion', estimate);
  }

  /**
   * One analysed frame: its emotion reading goes to the smoother as soon as the worker has
   * it (fused with the latest mesh's cues), then presence and gaze follow the face mesh. The
   * emotion stage runs only while someone is (or is about to be) present: nobody to read
   * otherwise, and a lone first detection skips it so that its confirming look comes sooner.
   * Resolves true, so the loop looks again at once instead of resting, while presence is
   * being confirmed or released, and while nobody is there (then a look costs the mesh only).
   */
  private async step(video: HTMLVideoElement, now: number): Promise<boolean> {
    if (video.readyState < 2 || !this.camera?.active) return false;
    const onEmotion = (reading: EmotionReading | null) => {
      if (this.running && reading) this.smoother.update(fuseWithCues(reading.classifier, this.cues, this.options.cueWeight), now);
    };
    let face: FaceObservation | null;
    try {
      ({ face } = await this.analyze(video, video.videoWidth, video.videoHeight, now, { onEmotion, emotion: this.presence.value || this.presence.pending }));
    } catch (error) {
      // A bad frame is skipped; anything else means the worker cannot go on.
      if (error instanceof DigimensError && error.code === 'frame-invalid') return false;
      if (!this.running) return false;
      this.halt();
      this.emit('degraded', { code: error instanceof DigimensError ? error.code : 'inference-unavailable', reason: error instanceof Error ? error.message : String(error) });
      return false;
    }
    if (!this.running) return false;
    this.cues = face?.blendshapes ?? null;
    if (this.presence.update(face !== null, now)) {
      this.emit('presence', { present: this.presence.value });
      if (!this.presence.value) this.smoother.reset();
    }
    if (face) this.emit('face', { face, gaze: gazeTarget(face) });
    return this.presence.pending || !this.presence.value;
  }
}
