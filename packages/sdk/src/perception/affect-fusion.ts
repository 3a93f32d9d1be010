import { TypedEmitter } from '../util/emitter';
import { damp } from '../util/smoothing';

/**
 * One source's affect estimate. The face emotion's and the voice emotion's estimates both
 * have this shape (their `label` sets differ; `probabilities` is optional).
 */
export interface AffectSourceEstimate {
  /** −1 (unpleasant) … 1 (pleasant). */
  valence: number;
  /** −1 (calm) … 1 (excited). */
  arousal: number;
  label: string;
  /** 0–1: how sure the source is (its top probability). */
  confidence: number;
  probabilities?: Readonly<Record<string, number>>;
}

/** The sources fused. */
export type AffectSource = 'face' | 'voice';

/** The fused affect state (the `affect` event). */
export interface AffectState {
  valence: number;
  arousal: number;
  /** Most probable label of the fused distribution; `neutral` when no source is reliable. */
  label: string;
  /** 0–1: reliability-weighted confidence of the sources behind this state. */
  confidence: number;
  /** Share (0–1, summing to 1 when any source counts) each source has in this state. */
  sources: Record<AffectSource, number>;
  /** Time of the state (ms, the caller's clock). */
  atMs: number;
}

/** Tuning of {@link AffectFusion}. */
export interface AffectFusionOptions {
  /**
   * Half-life (ms) of a face estimate's reliability after its last update. Short: faces
   * are observed many times a second, so an old one means the face is gone.
   */
  faceHalfLifeMs: number;
  /**
   * Half-life (ms) of a voice estimate's reliability after its utterance. Longer: the voice
   * speaks in turns, and what it said about the mood holds through a pause.
   */
  voiceHalfLifeMs: number;
  /** Prior trust in each source (multiplies its confidence). */
  trust: Record<AffectSource, number>;
  /** Sources whose reliability falls below this are left out. */
  minReliability: number;
  /** Half-life (ms) of the published state's smoothing. */
  smoothingHalfLifeMs: number;
}

export const DEFAULT_AFFECT_FUSION: Readonly<AffectFusionOptions> = Object.freeze({
  faceHalfLifeMs: 1_000,
  voiceHalfLifeMs: 6_000,
  // Equal trust: on their own benchmarks both are far from perfect; confidence decides.
  trust: { face: 1, voice: 1 },
  minReliability: 0.05,
  smoothingHalfLifeMs: 500,
});

/** Events of {@link AffectFusion}. */
export interface AffectFusionEvents {
  affect: AffectState;
}

const SOURCES: readonly AffectSource[] = ['face', 'voice'];

/**
 * Fuses face and voice into one affect state. Each source counts by its reliability:
 * prior trust × its confidence × freshness (halving every `…HalfLifeMs` since its last
 * estimate). No face → the voice alone; a long silence → the face alone; neither → the
 * state relaxes to neutral with confidence 0. The fused valence/arousal and label
 * distribution are smoothed over time, so one odd frame or utterance does not jerk the
 * avatar's behaviour around.
 */
export class AffectFusion extends TypedEmitter<AffectFusionEvents> {
  private readonly options: AffectFusionOptions;
  private readonly latest: Partial<Record<AffectSource, { estimate: AffectSourceEstimate; atMs: number }>> = {};
  private state: { valence: number; arousal: number; distribution: Map<string, number>; atMs: number } | null = null;

  constructor(options: Partial<AffectFusionOptions> = {}) {
    super();
    this.options = { ...DEFAULT_AFFECT_FUSION, ...options, trust: { ...DEFAULT_AFFECT_FUSION.trust, ...options.trust } };
  }

  /** A face estimate at `atMs`, or `null` when no face is seen (the face stops counting at once). */
  updateFace(estimate: AffectSourceEstimate | null, atMs: number): AffectState {
    return this.update('face', estimate, atMs);
  }

  /** A voice estimate for an utterance that ended at `atMs`. */
  updateVoice(estimate: AffectSourceEstimate, atMs: number): AffectState {
    return this.update('voice', estimate, atMs);
  }

  /** Advances time without new estimates (sources age); emits and returns the state. */
  tick(atMs: number): AffectState {
    const weights = this.reliabilities(atMs);
    const total = SOURCES.reduce((sum, s) => sum + weights[s], 0);
    const target = { valence: 0, arousal: 0, distribution: new Map<string, number>() };
    const sources: Record<AffectSource, number> = { face: 0, voice: 0 };
    let confidence = 0;
    if (total > 0) {
      for (const source of SOURCES) {
        const entry = this.latest[source];
        if (!entry || weights[source] === 0) continue;
        const share = weights[source] / total;
        sources[source] = share;
        target.valence += share * entry.estimate.valence;
        target.arousal += share * entry.estimate.arousal;
        for (const [label, p] of distributionOf(entry.estimate)) target.distribution.set(label, (target.distribution.get(label) ?? 0) + share * p);
        // Share-weighted reliability: a lone stale source gives a weak state.
        confidence += share * Math.min(1, weights[source]);
      }
    } else {
      target.distribution.set('neutral', 1);
    }

    const previous = this.state;
    const dt = previous ? Math.max(0, atMs - previous.atMs) : 0;
    const halfLife = previous ? this.options.smoothingHalfLifeMs : 0;
    const distribution = new Map<string, number>();
    for (const label of new Set([...target.distribution.keys(), ...(previous?.distribution.keys() ?? [])])) {
      distribution.set(label, damp(previous?.distribution.get(label) ?? 0, target.distribution.get(label) ?? 0, halfLife, dt));
    }
    this.state = {
      valence: damp(previous?.valence ?? 0, target.valence, halfLife, dt),
      arousal: damp(previous?.arousal ?? 0, target.arousal, halfLife, dt),
      distribution,
      atMs,
    };
    let label = 'neutral';
    let best = -1;
    for (const [l, p] of distribution) if (p > best) [label, best] = [l, p];
    const result: AffectState = { valence: this.state.valence, arousal: this.state.arousal, label, confidence, sources, atMs };
    this.emit('affect', result);
    return result;
  }

  private update(source: AffectSource, estimate: AffectSourceEstimate | null, atMs: number): AffectState {
    if (estimate) this.latest[source] = { estimate, atMs };
    else delete this.latest[source];
    return this.tick(atMs);
  }

  private reliabilities(atMs: number): Record<AffectSource, number> {
    const result: Record<AffectSource, number> = { face: 0, voice: 0 };
    for (const source of SOURCES) {
      const entry = this.latest[source];
      if (!entry) continue;
      const halfLife = source === 'face' ? this.options.faceHalfLifeMs : this.options.voiceHalfLifeMs;
      const freshness = 2 ** (-Math.max(0, atMs - entry.atMs) / halfLife);
      const reliability = this.options.trust[source] * clamp01(entry.estimate.confidence) * freshness;
      result[source] = reliability >= this.options.minReliability ? reliability : 0;
    }
    return result;
  }
}

/** A source's label distribution: its probabilities, else its label with certainty. */
function distributionOf(estimate: AffectSourceEstimate): Array<[string, number]> {
  if (estimate.probabilities) return Object.entries(estimate.probabilities);
  return [[estimate.label, 1]];
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
