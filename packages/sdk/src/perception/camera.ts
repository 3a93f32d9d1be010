import { DigimensError } from '../errors';

/** What to ask the camera for. */
export interface CameraOptions {
  /** A `deviceId` from {@link Camera.listDevices}; default: the front camera. */
  deviceId?: string;
  /** Ideal capture size: 640×480 is plenty for a face at kiosk distance and cheap to track. */
  width?: number;
  height?: number;
  frameRate?: number;
}

/** Camera permission as the browser reports it (`unknown` where it cannot say). */
export type CameraPermission = 'granted' | 'denied' | 'prompt' | 'unknown';

/**
 * The camera as a `<video>` element that is never attached to the page: frames stay in
 * memory on the device. Pauses (tracks disabled) while the page is hidden and resumes when
 * it is shown again.
 */
export class Camera {
  readonly video: HTMLVideoElement;
  private stream: MediaStream | null = null;
  /** Counts close() calls, so that an open() still waiting for permission knows it was cancelled. */
  private closes = 0;
  private readonly onVisibility = () => this.setEnabled(!document.hidden);

  constructor(private readonly options: CameraOptions = {}) {
    this.video = document.createElement('video');
    this.video.muted = true;
    this.video.playsInline = true;
  }

  /** Video inputs (labels are empty until permission has been granted once). */
  static async listDevices(): Promise<MediaDeviceInfo[]> {
    if (!navigator.mediaDevices?.enumerateDevices) return [];
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  }

  /** The camera permission without prompting. */
  static async permission(): Promise<CameraPermission> {
    try {
      const status = await navigator.permissions.query({ name: 'camera' as PermissionName });
      return status.state;
    } catch {
      return 'unknown';
    }
  }

  /** Whether frames are flowing (open and not paused). */
  get active(): boolean {
    return this.stream?.getVideoTracks().some((t) => t.enabled && t.readyState === 'live') ?? false;
  }

  /**
   * Opens the camera and starts the video.
   * @throws {DigimensError} `camera-denied` when refused; `camera-unavailable` when there is
   * no camera, it is busy, or the page is not a secure context, or {@link close} was called
   * while it was opening (the camera is then released at once).
   */
  async open(): Promise<HTMLVideoElement> {
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new DigimensError('camera-unavailable', 'This browser gives no camera access here (getUserMedia is missing; camera needs HTTPS or localhost).');
    }
    const { deviceId, width = 640, height = 480, frameRate = 30 } = this.options;
    const video: MediaTrackConstraints = {
      width: { ideal: width },
      height: { ideal: height },
      frameRate: { ideal: frameRate, max: 30 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: 'user' }),
    };
    const closes = this.closes;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    } catch (cause) {
      throw cameraError(cause);
    }
    if (this.closes !== closes) {
      // Closed while the browser was still opening it: release it, or its light stays on.
      this.close();
      throw new DigimensError('camera-unavailable', 'The camera was closed while it was opening.');
    }
    this.video.srcObject = this.stream;
    await this.video.play();
    document.addEventListener('visibilitychange', this.onVisibility);
    return this.video;
  }

  /** Stops the camera (the browser's indicator goes off). */
  close(): void {
    this.closes++;
    document.removeEventListener('visibilitychange', this.onVisibility);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  private setEnabled(enabled: boolean): void {
    for (const track of this.stream?.getVideoTracks() ?? []) track.enabled = enabled;
  }
}

function cameraError(cause: unknown): DigimensError {
  const name = cause instanceof DOMException ? cause.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return new DigimensError('camera-denied', 'Camera access was refused (by the person or the browser\'s settings). The avatar keeps running without seeing.', { cause });
  }
  const why = name === 'NotFoundError' || name === 'OverconstrainedError' ? 'no (matching) camera was found' : name === 'NotReadableError' ? 'the camera is in use by another program' : String(cause);
  return new DigimensError('camera-unavailable', `The camera could not be opened: ${why}. The avatar keeps running without seeing.`, { cause });
}
