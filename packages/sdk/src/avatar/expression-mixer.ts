import { clamp, damp } from '../util/smoothing';

/** Moods the avatar can show: the VRM 1.0 emotion presets. */
export const MOODS = ['neutral', 'happy', 'angry', 'sad', 'relaxed', 'surprised'] as const;
export type Mood = (typeof MOODS)[number];

/** Mouth shapes: the VRM 1.0 viseme presets. */
export const VISEMES = ['aa', 'ih', 'ou', 'ee', 'oh'] as const;
export type Viseme = (typeof VISEMES)[number];

/** Viseme weights; missing entries are 0. */
export type VisemeWeights = Partial<Record<Viseme, number>>;

/** How fast things move: half-lives in seconds. */
const MOOD_HALF_LIFE_S = 0.18;
const MOUTH_HALF_LIFE_S = 0.025;
/**
 * While the mouth speaks, moods keep only this share of their weight. Mood presets of
 * most VRMs also shape the lips (a smile, a gasp); at full strength they would distort
 * every viseme. The eyes and brows still carry the feeling.
 */
const MOOD_SHARE_WHILE_SPEAKING = 0.35;

/**
 * Arbitrates the face: moods and custom expressions transition smoothly; visemes own the
 * mouth; a mood never bleeds into lip shapes. Pure bookkeeping over named weights, so it
 * is tested without three.js; {@link VrmAvatar} applies its output to the model.
 */
export class ExpressionMixer {
  private readonly targets = new Map<string, number>();
  private readonly current = new Map<string, number>();
  private readonly mouthTargets = new Map<Viseme, number>();
  private readonly mouthCurrent = new Map<Viseme, number>();
  private moodName: Mood = 'neutral';
  private moodIntensity = 1;

  /** The mood currently aimed at. */
  get mood(): Mood {
    return this.moodName;
  }

  /** Show one mood at `intensity` (0–1), fading out the previous one. */
  setMood(mood: Mood, intensity = 1): void {
    this.moodName = mood;
    this.moodIntensity = clamp(intensity, 0, 1);
    for (const name of MOODS) this.targets.set(name, 0);
    if (mood !== 'neutral') this.targets.set(mood, this.moodIntensity);
  }

  /**
   * Blend towards any named expression, including custom ones a model defines.
   * Moods go through {@link setMood}, visemes through {@link setVisemes}.
   */
  setExpression(name: string, weight: number): void {
    if ((MOODS as readonly string[]).includes(name)) {
      this.setMood(name as Mood, weight);
      return;
    }
    if ((VISEMES as readonly string[]).includes(name)) {
      this.setVisemes({ ...this.visemeTargets(), [name]: weight });
      return;
    }
    this.targets.set(name, clamp(weight, 0, 1));
  }

  /** Set the mouth; weights are normalised so that together they never exceed 1. */
  setVisemes(weights: VisemeWeights): void {
    const total = VISEMES.reduce((sum, v) => sum + clamp(weights[v] ?? 0, 0, 1), 0);
    const scale = total > 1 ? 1 / total : 1;
    for (const v of VISEMES) this.mouthTargets.set(v, clamp(weights[v] ?? 0, 0, 1) * scale);
  }

  /** Advance `dt` seconds and return the weight of every expression touched so far. */
  update(dt: number): Map<string, number> {
    for (const [name, target] of this.targets) {
      this.current.set(name, damp(this.current.get(name) ?? 0, target, MOOD_HALF_LIFE_S, dt));
    }
    let mouthActivity = 0;
    for (const v of VISEMES) {
      const value = damp(this.mouthCurrent.get(v) ?? 0, this.mouthTargets.get(v) ?? 0, MOUTH_HALF_LIFE_S, dt);
      this.mouthCurrent.set(v, value);
      mouthActivity += value;
    }
    const moodShare = 1 - (1 - MOOD_SHARE_WHILE_SPEAKING) * clamp(mouthActivity, 0, 1);
    const out = new Map<string, number>();
    for (const [name, value] of this.current) {
      const isMood = (MOODS as readonly string[]).includes(name);
      out.set(name, isMood ? value * moodShare : value);
    }
    for (const [v, value] of this.mouthCurrent) out.set(v, value);
    return out;
  }

  private visemeTargets(): VisemeWeights {
    return Object.fromEntries(this.mouthTargets) as VisemeWeights;
  }
}
