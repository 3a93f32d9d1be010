import * as THREE from 'three';
import { DigimensError } from '../errors';
import type { View } from '../config';
import type { AvatarMeasurements } from './vrm-avatar';

/** Timing of one rendered frame, for benchmarks and host diagnostics. */
export interface FrameTiming {
  /** Seconds since the previous rendered frame (clamped, see {@link MAX_FRAME_DT_S}). */
  dt: number;
  /** Milliseconds spent in the SDK's per-frame update (animation, expressions). */
  updateMs: number;
  /** Milliseconds spent issuing the draw (CPU side of `renderer.render`). */
  renderMs: number;
}

export interface StageOptions {
  maxPixelRatio: number;
  background: string;
  /** Called every rendered frame before drawing; returns nothing. */
  onUpdate: (dt: number) => void;
  /** Called after each rendered frame with its timing. */
  onFrame: (timing: FrameTiming) => void;
}

/** After a pause (tab hidden, element scrolled away) animation resumes, not jumps. */
const MAX_FRAME_DT_S = 0.1;
const FIELD_OF_VIEW_DEG = 26;

/**
 * The three.js scene around an avatar: renderer, camera framing for head/upper/full views,
 * lighting suited to MToon, resize and pixel-ratio cap, and a render loop that pauses when
 * the element is off-screen or the tab is hidden.
 */
export class Stage {
  readonly renderer: THREE.WebGLRenderer;
  readonly scene = new THREE.Scene();
  readonly camera = new THREE.PerspectiveCamera(FIELD_OF_VIEW_DEG, 1, 0.05, 50);
  private readonly clock = new THREE.Timer();
  private readonly resizeObserver: ResizeObserver;
  private readonly intersectionObserver: IntersectionObserver;
  private onScreen = true;
  private running = false;
  private frameRequest = 0;
  private measurements: AvatarMeasurements | null = null;
  private view: View = 'upper';

  constructor(
    private readonly container: HTMLElement,
    private readonly options: StageOptions,
  ) {
    try {
      this.renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true, powerPreference: 'high-performance' });
    } catch (cause) {
      throw new DigimensError(
        'webgl-unavailable',
        'This browser could not create a WebGL 2 context, so the avatar cannot be drawn. Enable hardware acceleration or try another browser.',
        { cause },
      );
    }
    this.renderer.domElement.style.cssText = 'display:block;width:100%;height:100%;';
    this.renderer.domElement.setAttribute('aria-hidden', 'true');
    container.appendChild(this.renderer.domElement);
    this.setBackground(options.background);
    this.addLights();
    this.camera.position.set(0, 1.4, 1.5);

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.intersectionObserver = new IntersectionObserver((entries) => {
      this.onScreen = entries.some((entry) => entry.isIntersecting);
      this.updateRunning();
    });
    this.intersectionObserver.observe(container);
    document.addEventListener('visibilitychange', this.updateRunning);
    this.resize();
  }

  /** Whether frames are being rendered now (false while hidden or off-screen). */
  get isRendering(): boolean {
    return this.running;
  }

  /** Start the render loop (it still waits while the element is invisible). */
  start(): void {
    this.updateRunning();
  }

  setBackground(css: string): void {
    if (css === 'transparent') {
      this.scene.background = null;
      this.renderer.setClearColor(0x000000, 0);
    } else {
      this.scene.background = new THREE.Color(css);
    }
  }

  setMaxPixelRatio(ratio: number): void {
    this.options.maxPixelRatio = ratio;
    this.resize();
  }

  /** Frame the camera on an avatar for a view; call again when either changes. */
  frame(view: View, measurements: AvatarMeasurements | null = this.measurements): void {
    this.view = view;
    this.measurements = measurements;
    if (!measurements) return;
    const m = measurements;
    // The head bone sits at the skull's base, so top − head is about one head height on
    // any model, whatever its neck length or hair volume.
    const headHeight = Math.max(0.12, m.top - m.head);
    const spans: Record<View, [bottom: number, top: number]> = {
      head: [m.head - headHeight * 1.25, m.top + headHeight * 0.2],
      upper: [m.hips - headHeight * 0.2, m.top + headHeight * 0.25],
      full: [m.bottom - 0.05, m.top + 0.08],
    };
    const [bottom, top] = spans[view];
    const height = top - bottom;
    const halfFov = (FIELD_OF_VIEW_DEG * Math.PI) / 360;
    const width = view === 'full' ? m.halfWidth * 2 * 1.1 : height * 0.6;
    const fitHeight = height / 2 / Math.tan(halfFov);
    const fitWidth = width / 2 / (Math.tan(halfFov) * this.camera.aspect);
    const distance = Math.max(fitHeight, fitWidth);
    const centre = (top + bottom) / 2;
    this.camera.position.set(0, centre, m.front + distance);
    this.camera.lookAt(0, centre, 0);
  }

  /** The viewer's eyes, as far as the avatar knows: the camera. */
  viewerPosition(target = new THREE.Vector3()): THREE.Vector3 {
    return target.copy(this.camera.position);
  }

  /** Render one frame now, regardless of visibility (used right after load). */
  renderNow(dt = 0): FrameTiming {
    const start = performance.now();
    this.options.onUpdate(dt);
    const updated = performance.now();
    this.renderer.render(this.scene, this.camera);
    const timing = { dt, updateMs: updated - start, renderMs: performance.now() - updated };
    this.options.onFrame(timing);
    return timing;
  }

  dispose(): void {
    this.running = false;
    cancelAnimationFrame(this.frameRequest);
    this.resizeObserver.disconnect();
    this.intersectionObserver.disconnect();
    document.removeEventListener('visibilitychange', this.updateRunning);
    this.scene.traverse((object) => {
      if (object instanceof THREE.Light) object.dispose();
    });
    this.scene.clear();
    this.renderer.dispose();
    // Browsers cap live WebGL contexts (~16); give ours back now rather than at GC.
    this.renderer.forceContextLoss();
    this.renderer.domElement.remove();
  }

  private readonly updateRunning = (): void => {
    const shouldRun = this.onScreen && document.visibilityState !== 'hidden';
    if (shouldRun === this.running) return;
    this.running = shouldRun;
    if (shouldRun) {
      this.clock.reset();
      this.frameRequest = requestAnimationFrame(this.tick);
    } else {
      cancelAnimationFrame(this.frameRequest);
    }
  };

  private readonly tick = (timestamp: number): void => {
    if (!this.running) return;
    this.frameRequest = requestAnimationFrame(this.tick);
    this.clock.update(timestamp);
    this.renderNow(Math.min(this.clock.getDelta(), MAX_FRAME_DT_S));
  };

  private resize(): void {
    const width = Math.max(1, this.container.clientWidth);
    const height = Math.max(1, this.container.clientHeight);
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, this.options.maxPixelRatio));
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    this.frame(this.view);
    if (!this.running && this.measurements) this.renderNow();
  }

  /**
   * MToon shades from one directional light (its toon ramp) plus ambient for the shade
   * colour; a soft key from the upper front-right and a cool rim keep faces readable
   * without harsh shadows on any skin tone.
   */
  private addLights(): void {
    const key = new THREE.DirectionalLight(0xffffff, 2.2);
    key.position.set(0.6, 1.6, 2.2);
    const rim = new THREE.DirectionalLight(0xcfe0ff, 0.6);
    rim.position.set(-1.2, 1.4, -1.5);
    const ambient = new THREE.HemisphereLight(0xffffff, 0x8a8f99, 0.9);
    this.scene.add(key, rim, ambient);
  }
}
