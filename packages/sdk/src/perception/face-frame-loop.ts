/** Pacing of {@link LatestFrameLoop}. */
export interface FrameLoopPacing {
  /** Analyses per second at most. */
  maxFps: number;
  /**
   * Share of wall time (0–1] the analysis may take: after an analysis of `d` ms the loop
   * rests `d·(1/share − 1)` ms, so on a slow machine perception leaves CPU to the avatar
   * instead of taking all it can. 1 = back to back.
   */
  busyShare: number;
}

/**
 * Feeds new camera frames to an analysis as fast as the pacing allows: one analysis at a
 * time, and a frame that arrives while one runs is not queued: the next analysis takes
 * whatever frame is newest then (latest frame wins). So a slow machine analyses fewer
 * frames, never older ones.
 */
export class LatestFrameLoop {
  private running = false;
  private busy = false;
  /** A frame has arrived since the last analysis started. */
  private fresh = false;
  /** When the next analysis may start (performance.now() ms). */
  private notBefore = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private frameCallback: number | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly video: HTMLVideoElement,
    /**
     * Analyses the video's current frame; resolves true to look again without resting
     * (something is about to change, e.g. a face is being confirmed). A rejection skips the frame.
     */
    private readonly analyse: (nowMs: number) => Promise<boolean>,
    private readonly pacing: FrameLoopPacing,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    if ('requestVideoFrameCallback' in this.video) {
      const onFrame = () => {
        this.fresh = true;
        this.kick();
        if (this.running) this.frameCallback = this.video.requestVideoFrameCallback(onFrame);
      };
      this.frameCallback = this.video.requestVideoFrameCallback(onFrame);
    } else {
      // Without frame callbacks, assume a new frame at the camera's usual 30 fps.
      this.poll = setInterval(() => {
        this.fresh = true;
        this.kick();
      }, 1000 / 30);
    }
  }

  stop(): void {
    this.running = false;
    if (this.frameCallback !== null) this.video.cancelVideoFrameCallback(this.frameCallback);
    if (this.poll !== null) clearInterval(this.poll);
    if (this.timer !== null) clearTimeout(this.timer);
    this.frameCallback = this.poll = this.timer = null;
  }

  private kick(): void {
    if (!this.running || this.busy || !this.fresh || this.timer !== null) return;
    const now = performance.now();
    const wait = this.notBefore - now;
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
      return;
    }
    this.busy = true;
    this.fresh = false;
    void this.analyse(now)
      .catch(() => false)
      .then((hurry) => {
        const end = performance.now();
        const rest = hurry ? 0 : (end - now) * (1 / this.pacing.busyShare - 1);
        this.notBefore = Math.max(now + 1000 / this.pacing.maxFps, end + rest);
        this.busy = false;
        this.kick();
      });
  }
}
