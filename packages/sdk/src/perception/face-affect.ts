/** The facial emotions Digimens reports (the six basic emotions and neutral). */
export const EMOTIONS = ['neutral', 'happy', 'sad', 'angry', 'surprised', 'fearful', 'disgusted'] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** Probability per emotion (sums to 1). */
export type EmotionProbabilities = Record<Emotion, number>;

/** What the face says about the person's feeling, smoothed over time. */
export interface FaceEmotionEstimate {
  /** The steady label, or `uncertain` when {@link confidence} is below the threshold. */
  label: Emotion | 'uncertain';
  probabilities: EmotionProbabilities;
  /** Pleasantness, -1 (unpleasant) … 1 (pleasant). */
  valence: number;
  /** Activation, -1 (calm) … 1 (excited). */
  arousal: number;
  /** Probability of the top emotion after smoothing (0–1). */
  confidence: number;
}

/** MediaPipe blendshape scores by category name (`mouthSmileLeft`, …), 0–1. */
export type Blendshapes = Readonly<Record<string, number>>;

/**
 * Position of each emotion on Russell's circumplex (valence, arousal), after the placements
 * in Posner, Russell & Peterson (2005): valence and arousal are the probability-weighted mean.
 */
const CIRCUMPLEX: Record<Emotion, [number, number]> = {
  neutral: [0, 0],
  happy: [0.8, 0.4],
  sad: [-0.7, -0.4],
  angry: [-0.6, 0.7],
  surprised: [0.2, 0.8],
  fearful: [-0.6, 0.6],
  disgusted: [-0.7, 0.2],
};

const mean = (b: Blendshapes, ...names: string[]) => names.reduce((sum, name) => sum + (b[name] ?? 0), 0) / names.length;

/**
 * Evidence (0–1) for each emotion from facial action cues, after FACS prototypes (Ekman &
 * Friesen): smile (AU6+12) → happy; raised brows + dropped jaw (AU1+2+26) → surprised;
 * inner-brow raise + lip-corner depressor (AU1+15) → sad; lowered brows + pressed lips
 * (AU4+24) → angry; wide eyes + stretched lips (AU5+20) → fearful; nose wrinkle + upper-lip
 * raise (AU9+10) → disgusted. Fixed by those definitions, not fitted to any test set.
 */
export function blendshapeCues(b: Blendshapes): Record<Exclude<Emotion, 'neutral'>, number> {
  const smile = mean(b, 'mouthSmileLeft', 'mouthSmileRight');
  return {
    happy: smile,
    surprised: Math.min(1, 0.5 * mean(b, 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight') + 0.5 * (b['jawOpen'] ?? 0)),
    sad: (1 - smile) * (0.5 * mean(b, 'mouthFrownLeft', 'mouthFrownRight') + 0.5 * (b['browInnerUp'] ?? 0)),
    angry: 0.7 * mean(b, 'browDownLeft', 'browDownRight') + 0.3 * mean(b, 'mouthPressLeft', 'mouthPressRight'),
    fearful: 0.5 * mean(b, 'eyeWideLeft', 'eyeWideRight') + 0.5 * mean(b, 'mouthStretchLeft', 'mouthStretchRight'),
    disgusted: 0.6 * mean(b, 'noseSneerLeft', 'noseSneerRight') + 0.4 * mean(b, 'mouthUpperUpLeft', 'mouthUpperUpRight'),
  };
}

/**
 * Log-linear fusion of the classifier's probabilities with blendshape cues:
 * `p ∝ p_model · exp(weight · cue)`. A weight of 0 returns the classifier's output.
 */
export function fuseWithCues(model: EmotionProbabilities, blendshapes: Blendshapes | null, weight: number): EmotionProbabilities {
  const cues = blendshapes ? blendshapeCues(blendshapes) : null;
  const logits = EMOTIONS.map((e) => Math.log(model[e] + 1e-6) + (cues && e !== 'neutral' ? weight * (cues[e] ?? 0) : 0));
  return softmax(logits);
}

/** Valence and arousal of a distribution over emotions. */
export function circumplex(p: EmotionProbabilities): { valence: number; arousal: number } {
  let valence = 0;
  let arousal = 0;
  for (const e of EMOTIONS) {
    valence += p[e] * CIRCUMPLEX[e][0];
    arousal += p[e] * CIRCUMPLEX[e][1];
  }
  return { valence, arousal };
}

/** The most probable emotion and its probability. */
export function topEmotion(p: EmotionProbabilities): { emotion: Emotion; probability: number } {
  let emotion: Emotion = 'neutral';
  for (const e of EMOTIONS) if (p[e] > p[emotion]) emotion = e;
  return { emotion, probability: p[emotion] };
}

/** Probabilities from logits given in {@link EMOTIONS} order. */
export function softmax(logits: number[]): EmotionProbabilities {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return Object.fromEntries(EMOTIONS.map((e, i) => [e, (exps[i] ?? 0) / sum])) as EmotionProbabilities;
}

/** Tuning of {@link EmotionSmoother}. */
export interface SmoothingOptions {
  /** Time (ms) for the smoothed probabilities to close half the gap to a new frame's. */
  halfLifeMs: number;
  /** A new label must lead the current one by this much probability to take over. */
  switchMargin: number;
  /** Below this confidence the label is `uncertain`. */
  uncertainBelow: number;
  /**
   * Age (ms) of the last observation at which an estimate has lost half its weight to the
   * uniform distribution: between analyses the estimate stays fresh, but when analysis
   * stalls its confidence fades until the label turns `uncertain`.
   */
  staleHalfLifeMs: number;
}

export const DEFAULT_SMOOTHING: SmoothingOptions = { halfLifeMs: 250, switchMargin: 0.1, uncertainBelow: 0.4, staleHalfLifeMs: 2000 };

/**
 * Smooths per-frame emotion probabilities over time and holds the label until another
 * clearly leads, so the avatar's reading of the face does not flicker between frames.
 * Observations come as fast as frames are analysed; {@link estimate} can be read at any
 * time (the output clock), aged by how old the last observation is.
 */
export class EmotionSmoother {
  private smoothed: EmotionProbabilities | null = null;
  private label: Emotion = 'neutral';
  private lastMs = 0;

  constructor(private readonly options: SmoothingOptions = DEFAULT_SMOOTHING) {}

  /** Whether there is anything to estimate from (an observation since the last reset). */
  get ready(): boolean {
    return this.smoothed !== null;
  }

  /** Adds one frame's (fused) probabilities observed at `nowMs`; returns the steady estimate. */
  update(p: EmotionProbabilities, nowMs: number): FaceEmotionEstimate {
    if (!this.smoothed) {
      this.smoothed = { ...p };
      this.label = topEmotion(p).emotion;
    } else {
      const keep = Math.pow(2, -Math.max(0, nowMs - this.lastMs) / this.options.halfLifeMs);
      for (const e of EMOTIONS) this.smoothed[e] = keep * this.smoothed[e] + (1 - keep) * p[e];
    }
    this.lastMs = nowMs;
    const s = this.smoothed;
    const top = topEmotion(s);
    if (top.emotion !== this.label && top.probability - s[this.label] >= this.options.switchMargin) this.label = top.emotion;
    return this.aged(s, nowMs);
  }

  /**
   * The estimate at `nowMs`: the smoothed probabilities, pulled towards uniform by the age
   * of the last observation. Null before the first observation.
   */
  estimate(nowMs: number): FaceEmotionEstimate | null {
    return this.smoothed ? this.aged(this.smoothed, nowMs) : null;
  }

  private aged(smoothed: EmotionProbabilities, nowMs: number): FaceEmotionEstimate {
    const trust = Math.pow(2, -Math.max(0, nowMs - this.lastMs) / this.options.staleHalfLifeMs);
    const p = Object.fromEntries(EMOTIONS.map((e) => [e, trust * smoothed[e] + (1 - trust) / EMOTIONS.length])) as EmotionProbabilities;
    const confidence = p[this.label];
    return {
      label: confidence < this.options.uncertainBelow ? 'uncertain' : this.label,
      probabilities: p,
      ...circumplex(p),
      confidence,
    };
  }

  /** Forgets the history (the person left). */
  reset(): void {
    this.smoothed = null;
    this.label = 'neutral';
  }
}
