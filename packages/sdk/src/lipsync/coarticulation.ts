import { VISEMES, type VisemeWeights } from '../avatar/expression-mixer';
import type { LipTimeline } from './timeline';
import { VISEME_DOMINANCE, VISEME_SHAPES } from './visemes';

/**
 * Time constants (ms) of a segment's influence outside its own span. Lips anticipate the
 * next sound more than they carry over the last one (Cohen & Massaro 1993; the rounding
 * of "soon" starts during the s).
 */
const ANTICIPATION_MS = 45;
const CARRY_OVER_MS = 30;
/** Beyond this distance a segment has no influence worth computing. */
const REACH_MS = 200;
/** Dominance of the rest position around the utterance and in pauses. */
const REST_DOMINANCE = 0.8;

/**
 * The mouth at time `t` (ms into the utterance): every nearby segment pulls towards its
 * shape with a dominance that decays with distance, and the mouth is their weighted
 * mean. This blends jaw and lips continuously (no pops at boundaries), lets invisible
 * tongue consonants take the lip shape of their vowels, and keeps p/b/m closed.
 */
export function visemeWeightsAt(timeline: LipTimeline, t: number): VisemeWeights {
  const { segments } = timeline;
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last || t < first.start - REACH_MS || t > last.end + REACH_MS) return {};
  const sums: Record<string, number> = {};
  let total = 0;
  let restDistance = Infinity;
  let previousEnd = -Infinity;
  for (const s of segments) {
    // Gaps between segments (pauses, before and after speech) are rest.
    if (s.start > previousEnd + 1) restDistance = Math.min(restDistance, distance(t, previousEnd, s.start));
    previousEnd = Math.max(previousEnd, s.end);
    if (s.end < t - REACH_MS || s.start > t + REACH_MS) continue;
    const dominance = VISEME_DOMINANCE[s.viseme] * influence(distance(t, s.start, s.end), t < s.start);
    total += dominance;
    const shape = VISEME_SHAPES[s.viseme];
    for (const v of VISEMES) sums[v] = (sums[v] ?? 0) + dominance * (shape[v] ?? 0);
  }
  restDistance = Math.min(restDistance, distance(t, previousEnd, Infinity));
  total += REST_DOMINANCE * influence(restDistance, false);
  if (total <= 0) return {};
  const out: VisemeWeights = {};
  for (const v of VISEMES) {
    const w = (sums[v] ?? 0) / total;
    if (w > 0.001) out[v] = w;
  }
  return out;
}

function distance(t: number, start: number, end: number): number {
  return t < start ? start - t : t > end ? t - end : 0;
}

function influence(d: number, ahead: boolean): number {
  return Math.exp(-d / (ahead ? ANTICIPATION_MS : CARRY_OVER_MS));
}
