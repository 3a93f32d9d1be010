import { seededRandom } from '../../../sdk/src/util/random';

/** One speaker's session: indices into the clip list, in the order they are replayed. */
export interface ReplaySession {
  speaker: string;
  order: number[];
}

/**
 * Replays each speaker's clips as one session, in a fixed pseudo-random order: speakers
 * sorted by id, each speaker's clips (given by index, in list order) shuffled by a PRNG
 * seeded from `seed` and the speaker id. The same clips and seed give the same order, and
 * one speaker's order does not depend on which other speakers are present. Used by
 * `pnpm validate:voice` and `pnpm eval:voice --sessions`.
 */
export function replaySessions(speakers: readonly string[], seed: number): ReplaySession[] {
  const bySpeaker = new Map<string, number[]>();
  speakers.forEach((s, i) => bySpeaker.set(s, [...(bySpeaker.get(s) ?? []), i]));
  return [...bySpeaker.keys()].sort().map((speaker) => {
    const order = bySpeaker.get(speaker)!;
    const random = seededRandom((Math.imul(seed, 0x9e3779b1) ^ fnv1a(speaker)) >>> 0);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return { speaker, order };
  });
}

/** Position buckets of the session report: the 1st utterance, the 2nd–5th, the 6th on. */
export const POSITION_BUCKETS = [
  { name: '1st', from: 0, to: 1 },
  { name: '2-5', from: 1, to: 5 },
  { name: '6+', from: 5, to: Infinity },
] as const;

/** Name of the bucket of a 0-based position in the session. */
export function positionBucket(position: number): string {
  return POSITION_BUCKETS.find((b) => position >= b.from && position < b.to)!.name;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
