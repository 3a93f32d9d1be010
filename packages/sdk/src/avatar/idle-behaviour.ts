import { clamp, smoothstep } from '../util/smoothing';
import { logNormal, seededRandom, uniform, type RandomSource } from '../util/random';

const DEG = Math.PI / 180;

/** Tunables of idle life; the defaults follow human observational data. */
export interface IdleBehaviourOptions {
  /** Fraction of time (0–1) spent looking the viewer in the eye. */
  eyeContact: number;
  /** Median seconds between blinks (people at rest in conversation: ~3–4 s). */
  blinkMedianS: number;
  /** Shortest gap between two separate blinks, in seconds. */
  blinkMinGapS: number;
  /** Chance that a blink is immediately followed by a second one. */
  doubleBlinkChance: number;
  /** Seconds per breath (~14 breaths a minute at rest). */
  breathPeriodS: number;
  /** Median seconds of one spell of eye contact before glancing away. */
  contactSpellMedianS: number;
}

export const DEFAULT_IDLE_OPTIONS: Readonly<IdleBehaviourOptions> = Object.freeze({
  eyeContact: 0.7,
  blinkMedianS: 3.4,
  blinkMinGapS: 1.2,
  doubleBlinkChance: 0.12,
  breathPeriodS: 4.3,
  contactSpellMedianS: 2.6,
});

/** One frame of idle life, in the avatar's own terms. */
export interface IdleFrame {
  /** Eyelid closure 0 (open) – 1 (closed). */
  blink: number;
  /** Breathing phase as a smooth value in [-1, 1] (inhale positive). */
  breath: number;
  /** Subtle head rotation in radians. */
  head: { yaw: number; pitch: number; roll: number };
  /** Eye direction offset from the gaze target, in radians (saccades and glances away). */
  gaze: { yaw: number; pitch: number };
  /** Whether the eyes are on the viewer (within a fixation's jitter) this frame. */
  lookingAtViewer: boolean;
}

/** Timing of one blink, in seconds: lids close fast, reopen slower. */
const BLINK_CLOSE_S = 0.07;
const BLINK_HOLD_S = 0.03;
const BLINK_OPEN_S = 0.13;
const BLINK_TOTAL_S = BLINK_CLOSE_S + BLINK_HOLD_S + BLINK_OPEN_S;

/**
 * Schedules blinking, breathing, head sway and gaze (micro-saccades during eye contact,
 * glances away between spells) from elapsed time alone. It owns no three.js objects, so
 * a fake clock (calling `update(dt)`) drives it deterministically in tests.
 */
export class IdleBehaviour {
  private readonly options: IdleBehaviourOptions;
  private time = 0;
  private nextBlinkAt: number;
  private blinkStartedAt = Number.NEGATIVE_INFINITY;
  private pendingDoubleBlinkAt: number | null = null;
  private blinks = 0;

  private lookingAtViewer = true;
  private gazeSpellEndsAt: number;
  private nextSaccadeAt = 0;
  private gaze = { yaw: 0, pitch: 0 };

  private readonly headPhases: readonly number[];

  /** Separate streams, so blink timing does not depend on how gaze events interleave with frames. */
  private readonly blinkRandom: RandomSource;
  private readonly gazeRandom: RandomSource;

  constructor(random: RandomSource, options: Partial<IdleBehaviourOptions> = {}) {
    this.options = { ...DEFAULT_IDLE_OPTIONS, ...options };
    this.blinkRandom = seededRandom(Math.floor(random() * 2 ** 32));
    this.gazeRandom = seededRandom(Math.floor(random() * 2 ** 32));
    this.nextBlinkAt = uniform(this.blinkRandom, 0.5, this.options.blinkMedianS);
    this.lookingAtViewer = this.options.eyeContact > 0;
    this.gazeSpellEndsAt = this.drawSpellLength(this.lookingAtViewer);
    this.headPhases = Array.from({ length: 6 }, () => uniform(random, 0, 2 * Math.PI));
  }

  /** Seconds of simulated time so far. */
  get elapsed(): number {
    return this.time;
  }

  /** Number of blinks started so far (double blinks count twice). */
  get blinkCount(): number {
    return this.blinks;
  }

  /** Change the share of time spent in eye contact (0–1); takes effect at the next spell. */
  setEyeContact(ratio: number): void {
    this.options.eyeContact = clamp(ratio, 0, 1);
  }

  /** Advance by `dt` seconds and return the pose for this moment. */
  update(dt: number): IdleFrame {
    this.time += Math.max(0, dt);
    this.scheduleBlinks();
    this.scheduleGaze();
    return {
      blink: this.blinkAmount(),
      breath: Math.sin((2 * Math.PI * this.time) / this.options.breathPeriodS),
      head: this.headSway(),
      gaze: { ...this.gaze },
      lookingAtViewer: this.lookingAtViewer,
    };
  }

  private scheduleBlinks(): void {
    if (this.pendingDoubleBlinkAt !== null && this.time >= this.pendingDoubleBlinkAt) {
      this.startBlink(this.pendingDoubleBlinkAt);
      this.pendingDoubleBlinkAt = null;
      return;
    }
    if (this.time < this.nextBlinkAt) return;
    const startedAt = this.nextBlinkAt;
    this.startBlink(startedAt);
    const random = this.blinkRandom;
    if (random() < this.options.doubleBlinkChance) {
      this.pendingDoubleBlinkAt = startedAt + BLINK_TOTAL_S + uniform(random, 0.05, 0.15);
    }
    const gap = clamp(logNormal(random, this.options.blinkMedianS, 0.45), this.options.blinkMinGapS, 12);
    this.nextBlinkAt = startedAt + gap;
  }

  /** Blinks are timed from when they were due, not from the frame that noticed them. */
  private startBlink(at: number): void {
    this.blinkStartedAt = at;
    this.blinks++;
  }

  private blinkAmount(): number {
    const t = this.time - this.blinkStartedAt;
    if (t < 0 || t >= BLINK_TOTAL_S) return 0;
    if (t < BLINK_CLOSE_S) return smoothstep(t / BLINK_CLOSE_S);
    if (t < BLINK_CLOSE_S + BLINK_HOLD_S) return 1;
    return 1 - smoothstep((t - BLINK_CLOSE_S - BLINK_HOLD_S) / BLINK_OPEN_S);
  }

  /**
   * Eye contact comes in spells; between them the eyes glance away (mostly sideways or
   * down, as people do while thinking). Spell lengths are drawn so that, on average,
   * contact time / total time equals the configured ratio.
   */
  private scheduleGaze(): void {
    if (this.time >= this.gazeSpellEndsAt) {
      const wantContact = this.options.eyeContact >= 1 || (this.options.eyeContact > 0 && !this.lookingAtViewer);
      this.lookingAtViewer = wantContact;
      this.gazeSpellEndsAt = this.time + this.drawSpellLength(wantContact);
      this.nextSaccadeAt = this.time;
    }
    if (this.time < this.nextSaccadeAt) return;
    const random = this.gazeRandom;
    if (this.lookingAtViewer) {
      // Micro-saccades between the viewer's eyes and mouth: a degree or two.
      this.gaze = { yaw: uniform(random, -1.5, 1.5) * DEG, pitch: uniform(random, -1.2, 0.6) * DEG };
      this.nextSaccadeAt = this.time + uniform(random, 0.5, 1.6);
    } else {
      const side = random() < 0.5 ? -1 : 1;
      this.gaze = { yaw: side * uniform(random, 8, 16) * DEG, pitch: uniform(random, -9, 3) * DEG };
      this.nextSaccadeAt = this.time + uniform(random, 0.6, 1.4);
    }
  }

  private drawSpellLength(contact: boolean): number {
    const ratio = this.options.eyeContact;
    const contactMedian = this.options.contactSpellMedianS;
    if (contact) return clamp(logNormal(this.gazeRandom, contactMedian, 0.35), 0.6, 10);
    // Away spells scale so that E[away] / (E[contact] + E[away]) = 1 - ratio.
    const awayMedian = ratio <= 0 ? contactMedian : (contactMedian * (1 - ratio)) / ratio;
    return clamp(logNormal(this.gazeRandom, awayMedian, 0.35), 0.2, 20);
  }

  /** Sum of slow incommensurate sines: smooth, never repeating noticeably. */
  private headSway(): IdleFrame['head'] {
    const t = this.time;
    const p = this.headPhases;
    const wave = (freq: number, phase: number | undefined) => Math.sin(2 * Math.PI * freq * t + (phase ?? 0));
    return {
      yaw: (1.6 * wave(0.07, p[0]) + 0.8 * wave(0.173, p[1])) * DEG,
      pitch: (1.1 * wave(0.05, p[2]) + 0.5 * wave(0.131, p[3])) * DEG,
      roll: (0.9 * wave(0.061, p[4]) + 0.4 * wave(0.147, p[5])) * DEG,
    };
  }
}
