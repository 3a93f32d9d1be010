import { MOODS, type Mood } from '../avatar/expression-mixer';
import type { BrainChunk } from './brain';

/**
 * Expression cues inline in a model's reply: `[[mood]]` or `[[mood:intensity]]`, with a
 * mood from {@link MOODS} and intensity 0–1 (default 0.6), e.g.
 * `[[sad:0.4]] Gecondoleerd met uw verlies. [[relaxed]] We regelen het samen.`
 * Double brackets because single ones occur in ordinary text. A tag applies from where it
 * stands; unknown tags are dropped so they are never read aloud.
 */
export const CUE_SYNTAX_HELP =
  'Mark your facial expression inline with [[mood]] or [[mood:intensity]] before the sentence it belongs to; ' +
  `mood is one of ${MOODS.join(', ')}, intensity 0-1 (default 0.6). Use at most one per sentence, and never explain the tags.`;

const TAG = /\[\[\s*([a-z]+)\s*(?::\s*([0-9.]+))?\s*\]\]/g;
/** Longest tag worth waiting for; longer bracketed text is plain text. */
const MAX_TAG = 24;
const DEFAULT_INTENSITY = 0.6;

/**
 * Splits a streamed reply into text and cue chunks, holding back only the tail that might
 * be the start of a tag split across deltas.
 */
export class CueParser {
  private pending = '';

  /** Parses the next delta; returns the chunks that are certain so far. */
  push(delta: string): BrainChunk[] {
    this.pending += delta;
    const holdFrom = this.partialTagStart();
    const ready = this.pending.slice(0, holdFrom);
    this.pending = this.pending.slice(holdFrom);
    return parseComplete(ready);
  }

  /** The end of the stream: whatever is held back is text. */
  flush(): BrainChunk[] {
    const rest = this.pending;
    this.pending = '';
    return parseComplete(rest);
  }

  /** Index of an unfinished `[[…` (or a lone `[`) at the end of the buffer, or its length. */
  private partialTagStart(): number {
    const s = this.pending;
    const open = s.lastIndexOf('[[');
    if (open >= 0 && s.indexOf(']]', open) < 0 && s.length - open <= MAX_TAG) return open;
    return s.endsWith('[') ? s.length - 1 : s.length;
  }
}

function parseComplete(text: string): BrainChunk[] {
  const chunks: BrainChunk[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    if (match.index > last) chunks.push({ type: 'text', text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const mood = match[1] as Mood;
    if (!(MOODS as readonly string[]).includes(mood)) continue;
    const intensity = match[2] === undefined ? DEFAULT_INTENSITY : Math.min(1, Math.max(0, Number(match[2]) || 0));
    chunks.push({ type: 'cue', cue: { mood, intensity } });
  }
  if (last < text.length) chunks.push({ type: 'text', text: text.slice(last) });
  return chunks;
}
