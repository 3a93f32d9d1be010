/**
 * `pnpm bench:lipsync`: lip-sync measured against espeak-ng's phoneme timings.
 *
 * For each language: synthesize the sentence lists with espeak-ng (cached in
 * bench-results/lipsync/reference), correct the phoneme events (see reference.ts), and
 * score on 10 ms frames, over the frames where the reference speaks:
 * - text-driven: the SDK's `lipsync:timeline` CLI, given only text and word spans;
 * - audio-driven: the SDK's audio analyser fed the wav in 128-sample blocks, as the
 *   AudioWorklet would be;
 * - TalkingHead's lipsync-en on the same English words (same run).
 * Prints a table and writes bench-results/lipsync.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReference, REFERENCE_DIR, type Lang, type RefSentence } from './reference';
import { talkingHeadSegments, TALKINGHEAD_CLASSES } from './talkinghead';
import { emptyTally, scoreSentence, summarize, type ClassSegment, type Tally } from './score';
import { audioDrivenSegments } from './audio-driven';

const OUT_DIR = join(REFERENCE_DIR, '..');
const RESULT = join(OUT_DIR, '../lipsync.json');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

interface Timeline {
  system: string;
  visemeSet: Record<string, string>;
  sentences: Record<string, { segments: Array<{ start: number; end: number; viseme: string }> }>;
}

/** Runs the public CLI, so the benchmark measures exactly what others call. */
function textDriven(lang: Lang, sentences: RefSentence[]): Timeline {
  const wordsPath = join(OUT_DIR, `${lang}.words.json`);
  const outPath = join(OUT_DIR, `${lang}.timeline.json`);
  const input = { sentences: Object.fromEntries(sentences.map((s) => [s.id, { text: s.text, words: s.words }])) };
  writeFileSync(wordsPath, JSON.stringify(input));
  execFileSync(TSX, [join(import.meta.dirname, 'timeline-cli.ts'), '--lang', lang, '--words', wordsPath, '--out', outPath], { stdio: 'inherit' });
  return JSON.parse(readFileSync(outPath, 'utf8')) as Timeline;
}

function classed(segments: ReadonlyArray<{ start: number; end: number; viseme: string }>, set: Readonly<Record<string, string>>): ClassSegment[] {
  return segments.map((s) => ({ start: s.start, end: s.end, cls: set[s.viseme] ?? 'other' }));
}

const rows: Array<{ lang: Lang; system: string; mode: string } & ReturnType<typeof summarize>> = [];
const corrections: Record<string, unknown> = {};
mkdirSync(OUT_DIR, { recursive: true });
for (const lang of ['en', 'nl'] as const) {
  const { sentences, corrections: c } = loadReference(lang);
  corrections[lang] = c;
  const reference = (s: RefSentence): ClassSegment[] => s.segments;
  const ours = textDriven(lang, sentences);
  const tallies: Record<string, Tally> = { text: emptyTally(), audio: emptyTally(), talkinghead: emptyTally() };
  for (const s of sentences) {
    scoreSentence(tallies.text!, reference(s), classed(ours.sentences[s.id]?.segments ?? [], ours.visemeSet), s.durationMs);
    scoreSentence(tallies.audio!, reference(s), audioDrivenSegments(s.wavPath), s.durationMs);
    if (lang === 'en') scoreSentence(tallies.talkinghead!, reference(s), classed(talkingHeadSegments(s.words), TALKINGHEAD_CLASSES), s.durationMs);
  }
  rows.push({ lang, system: 'digimens', mode: 'text (word timings)', ...summarize(tallies.text!) });
  rows.push({ lang, system: 'digimens', mode: 'audio', ...summarize(tallies.audio!) });
  if (lang === 'en') rows.push({ lang, system: 'talkinghead lipsync-en', mode: 'text (word timings)', ...summarize(tallies.talkinghead!) });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log('\nLip-sync vs espeak-ng phoneme timings (10 ms frames, speech frames only)\n');
console.log('lang  system                  mode                 agreement  onset p50  onset p95  onsets matched  frames');
for (const r of rows) {
  console.log(
    `${r.lang.padEnd(6)}${r.system.padEnd(24)}${r.mode.padEnd(21)}${pct(r.agreement).padStart(9)}${`${r.onsetP50.toFixed(0)} ms`.padStart(11)}${`${r.onsetP95.toFixed(0)} ms`.padStart(11)}${pct(r.onsetsMatched).padStart(16)}${String(r.speechFrames).padStart(8)}`,
  );
}
console.log('\nReference corrections:', JSON.stringify(corrections));
writeFileSync(RESULT, JSON.stringify({ date: new Date().toISOString(), frameMs: 10, rows, corrections }, null, 2));
console.log(`\nWrote ${RESULT}`);
