/** Timing of {@link PresenceFilter}. */
export interface PresenceOptions {
  /** A face must be seen this long (ms) before presence turns on; filters single false detections. */
  enterMs: number;
  /** No face for this long (ms) before presence turns off; rides over blinks, turns and missed frames. */
  leaveMs: number;
}

export const DEFAULT_PRESENCE: PresenceOptions = { enterMs: 150, leaveMs: 1200 };

/**
 * Presence with hysteresis: a raw per-frame "face seen" turns into a steady "someone is
 * there", so the avatar does not greet a flicker or forget a person who looks away.
 */
export class PresenceFilter {
  private present = false;
  /** Since when the raw signal has disagreed with `present` (ms), or null. */
  private disagreeSince: number | null = null;

  constructor(private readonly options: PresenceOptions = DEFAULT_PRESENCE) {}

  get value(): boolean {
    return this.present;
  }

  /** Whether the raw signal currently disagrees with {@link value} (a change may be coming). */
  get pending(): boolean {
    return this.disagreeSince !== null;
  }

  /** Feeds one frame's detection at time `nowMs`; returns true when presence changed. */
  update(seen: boolean, nowMs: number): boolean {
    if (seen === this.present) {
      this.disagreeSince = null;
      return false;
    }
    this.disagreeSince ??= nowMs;
    const hold = seen ? this.options.enterMs : this.options.leaveMs;
    if (nowMs - this.disagreeSince < hold) return false;
    this.present = seen;
    this.disagreeSince = null;
    return true;
  }

  reset(): void {
    this.present = false;
    this.disagreeSince = null;
  }
}
