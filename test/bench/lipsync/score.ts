/** Frame agreement and onset timing between a hypothesis and the reference. */
import type { VisemeClass } from './classes';

export const FRAME_MS = 10;

export interface ClassSegment {
  start: number;
  end: number;
  cls: string;
}

/** The class at the centre of every 10 ms frame; the latest-starting segment wins overlaps. */
export function toFrames(segments: readonly ClassSegment[], durationMs: number): string[] {
  const n = Math.ceil(durationMs / FRAME_MS);
  const frames: string[] = new Array(n).fill('rest');
  const sorted = segments.slice().sort((a, b) => a.start - b.start);
  for (const s of sorted) {
    for (let i = Math.max(0, Math.ceil(s.start / FRAME_MS - 0.5)); i < n && (i + 0.5) * FRAME_MS < s.end; i++) frames[i] = s.cls;
  }
  return frames;
}

/** Onsets: where a run of a class (other than rest) starts, at native resolution. */
export function onsets(segments: readonly ClassSegment[]): Array<{ t: number; cls: string }> {
  const sorted = segments.slice().sort((a, b) => a.start - b.start);
  const out: Array<{ t: number; cls: string }> = [];
  let previous: ClassSegment | undefined;
  for (const s of sorted) {
    const continues = previous && previous.cls === s.cls && s.start - previous.end < 1;
    if (!continues && s.cls !== 'rest') out.push({ t: s.start, cls: s.cls });
    previous = s;
  }
  return out;
}

/** Frames → segments, for frame-based (audio-driven) hypotheses. */
export function framesToSegments(frames: readonly string[]): ClassSegment[] {
  return frames.map((cls, i) => ({ start: i * FRAME_MS, end: (i + 1) * FRAME_MS, cls }));
}

export interface Tally {
  speechFrames: number;
  agreeing: number;
  onsetErrors: number[];
  onsetsMissed: number;
  onsetsTotal: number;
}

export function emptyTally(): Tally {
  return { speechFrames: 0, agreeing: 0, onsetErrors: [], onsetsMissed: 0, onsetsTotal: 0 };
}

/** Onsets farther than this from any same-class onset count as missed, not as error. */
const MATCH_WINDOW_MS = 150;

/** Adds one sentence to `tally`: frames where the reference speaks, and its onsets. */
export function scoreSentence(tally: Tally, reference: readonly ClassSegment[], hypothesis: readonly ClassSegment[], durationMs: number): void {
  const ref = toFrames(reference, durationMs);
  const hyp = toFrames(hypothesis, durationMs);
  ref.forEach((cls, i) => {
    if (cls === ('rest' satisfies VisemeClass)) return;
    tally.speechFrames++;
    if (hyp[i] === cls) tally.agreeing++;
  });
  const hypOnsets = onsets(hypothesis);
  for (const r of onsets(reference)) {
    tally.onsetsTotal++;
    let best = Infinity;
    for (const h of hypOnsets) if (h.cls === r.cls) best = Math.min(best, Math.abs(h.t - r.t));
    if (best <= MATCH_WINDOW_MS) tally.onsetErrors.push(best);
    else tally.onsetsMissed++;
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(tally: Tally): { agreement: number; onsetP50: number; onsetP95: number; onsetsMatched: number; speechFrames: number } {
  return {
    agreement: tally.agreeing / Math.max(1, tally.speechFrames),
    onsetP50: percentile(tally.onsetErrors, 50),
    onsetP95: percentile(tally.onsetErrors, 95),
    onsetsMatched: tally.onsetErrors.length / Math.max(1, tally.onsetsTotal),
    speechFrames: tally.speechFrames,
  };
}
