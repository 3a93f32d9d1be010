/**
 * Reference lip-sync from espeak-ng: each sentence synthesized by Debian's libespeak-ng
 * (espeak_synth.py), its PHONEME events turned into phoneme intervals, two known quirks
 * of their placement corrected, and the intervals mapped to viseme classes.
 *
 * The corrections, both measured on the audio rather than assumed:
 * 1. A stop's event sits at its release, so its silent closure (when the lips are already
 *    shut for p/b) is booked to the phoneme before. espeak-ng renders that closure as a
 *    run of exactly zero samples ending exactly at the event (every p, t, k and tʃ of both
 *    corpora has one, 19, 38 or 48 ms long; a voiced stop has one after a voiceless
 *    sound), so the stop starts where that run of digital silence begins. A voiced stop
 *    after a voiced sound has no such run: its closure is the quiet voice bar, and the
 *    energy already falls at its event (median lag of the steepest fall 0 ms), so it is
 *    left alone. After a pause the silence cannot tell closure from pause, so the stop
 *    gets the median closure measured in the corpus for its phoneme.
 *    (An earlier version looked for frames below a quarter of the previous phoneme's
 *    median energy; it missed a third of the closures, e.g. whenever the closure was most
 *    of the previous phoneme, as in "help" where l keeps 4 ms of sound before p.)
 * 2. A vowel after l, r, w, j or a nasal is reported late: espeak generates the
 *    consonant-to-vowel transition as part of the consonant. At these boundaries we look
 *    for the steepest rise of the log-energy within ±30 ms (sonorant → vowel is where the
 *    amplitude jumps) and take the corpus median lag between that rise and the event as
 *    the correction, moving all such vowel onsets earlier by it (a per-boundary estimate
 *    is noisier than the ~10 ms it corrects).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ipaClasses, type VisemeClass } from './classes';
import { readWav, rmsEnvelope, type Wav } from './wav';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Generated audio and events; gitignored (bench-results/). */
export const REFERENCE_DIR = join(HERE, '../../../bench-results/lipsync/reference');
/** espeak-ng voices: American English matches the TTS voices most contact centres use. */
const VOICES = { en: 'en-us', nl: 'nl' } as const;
export type Lang = keyof typeof VOICES;
/** `bench` sentences are scored; `train` sentences (disjoint) fit the SDK's duration model. */
export type SentenceSet = 'bench' | 'train';

const STOPS = new Set(['p', 'b', 't', 'd', 'k', 'ɡ', 'g', 'tʃ', 'dʒ', 'ts']);
const LATE_AFTER = /^(l|ɹ|r|w|j|m|n|ŋ|ʋ|ɫ)/;
const ENERGY_HOP_MS = 2.5;
/** Shorter silences are sample noise, not a closure (espeak's shortest closure is 19 ms). */
const MIN_CLOSURE_MS = 5;

interface RawEvent {
  type: 'word' | 'phoneme' | 'end' | 'sentence';
  ms: number;
  textPos: number;
  length: number;
  phoneme?: string;
}

/** One phoneme interval of the reference, in ms. */
export interface RefPhoneme {
  phoneme: string;
  start: number;
  end: number;
  word: number;
}

/** One reference sentence. */
export interface RefSentence {
  id: string;
  text: string;
  wavPath: string;
  durationMs: number;
  phonemes: RefPhoneme[];
  /** Word spans (ms) from the corrected phonemes: all a word-boundary API would give. */
  words: Array<{ text: string; start: number; end: number }>;
  /** Class segments (diphthongs and r-coloured vowels split into equal parts). */
  segments: Array<{ start: number; end: number; cls: VisemeClass }>;
}

/** Sentences of `lang`, one per line, with ids `en-001` … (`train-en-001` … for training). */
export function readSentences(lang: Lang, set: SentenceSet = 'bench'): Record<string, string> {
  const name = set === 'bench' ? lang : `train-${lang}`;
  const lines = readFileSync(join(HERE, 'sentences', `${name}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return Object.fromEntries(lines.map((text, i) => [`${name}-${String(i + 1).padStart(3, '0')}`, text]));
}

/** Synthesizes what is missing or changed (espeak-ng must be installed). */
export function synthesize(lang: Lang, set: SentenceSet = 'bench'): string {
  const dir = join(REFERENCE_DIR, set === 'bench' ? lang : `train-${lang}`);
  mkdirSync(dir, { recursive: true });
  const sentences = readSentences(lang, set);
  const listPath = join(dir, 'sentences.json');
  const list = JSON.stringify(sentences);
  const upToDate = existsSync(listPath) && readFileSync(listPath, 'utf8') === list && Object.keys(sentences).every((id) => existsSync(join(dir, `${id}.events.json`)));
  if (!upToDate) {
    writeFileSync(listPath, list);
    execFileSync('python3', [join(HERE, 'espeak_synth.py'), VOICES[lang], listPath, dir], { stdio: 'inherit' });
  }
  return dir;
}

/** Raw intervals: each phoneme lasts until the next event (a pause '' included). */
function rawIntervals(events: RawEvent[], text: string): { phonemes: RefPhoneme[]; words: string[] } {
  const phonemes: RefPhoneme[] = [];
  const words: string[] = [];
  let word = -1;
  let open: RefPhoneme | null = null;
  const starts = events.filter((e) => e.type === 'word' && e.length > 0);
  for (const e of events) {
    if (e.type === 'word' && e.length > 0) {
      // espeak sometimes speaks a short word as part of the one before ("in the" →
      // ɪnðə) and reports no event for it: its text joins the previous word's span, as
      // a TTS that reports both would put them back to back.
      const next = starts[starts.indexOf(e) + 1]?.textPos ?? text.length + 1;
      const skipped = text.slice(e.textPos - 1 + e.length, next - 1).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      words.push(text.slice(e.textPos - 1, e.textPos - 1 + e.length) + (skipped ? ` ${skipped}` : ''));
      word = words.length - 1;
    }
    if (e.type !== 'phoneme' && e.type !== 'end') continue;
    if (open) {
      open.end = e.ms;
      if (open.end > open.start) phonemes.push(open);
      open = null;
    }
    if (e.type === 'phoneme' && e.phoneme) open = { phoneme: e.phoneme, start: e.ms, end: e.ms, word };
  }
  return { phonemes, words };
}

interface Loaded {
  id: string;
  text: string;
  wav: Wav;
  wavPath: string;
  energy: Float32Array;
  phonemes: RefPhoneme[];
  words: string[];
}

function frameAt(energy: Float32Array, ms: number): number {
  return energy[Math.max(0, Math.min(energy.length - 1, Math.round(ms / ENERGY_HOP_MS)))] ?? 0;
}

/** Start (ms) of the run of digital silence that ends exactly at `event`, or null if none. */
function silenceStart(wav: Wav, event: number): number | null {
  const end = Math.round((event * wav.sampleRate) / 1000);
  let i = end;
  while (i > 0 && wav.samples[i - 1] === 0) i--;
  const start = (i / wav.sampleRate) * 1000;
  return event - start >= MIN_CLOSURE_MS ? start : null;
}

/** Lag (ms) of an event behind the steepest log-energy rise within ±30 ms of it. */
function riseLag(energy: Float32Array, event: number): number {
  let best = 0;
  let bestRise = -Infinity;
  for (let t = event - 30; t <= event + 30; t += ENERGY_HOP_MS) {
    const rise = Math.log(frameAt(energy, t + 5) + 1e-6) - Math.log(frameAt(energy, t - 5) + 1e-6);
    if (rise > bestRise) {
      bestRise = rise;
      best = t;
    }
  }
  return event - best;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Correction statistics, reported by the benchmark. */
export interface Corrections {
  stopsMoved: number;
  stopsAfterPause: number;
  medianClosureMs: Record<string, number>;
  lateVowels: number;
  vowelLagMs: number;
}

/** Loads (synthesizing if needed) and corrects the reference of `lang`. */
export function loadReference(lang: Lang, set: SentenceSet = 'bench'): { sentences: RefSentence[]; corrections: Corrections } {
  const dir = synthesize(lang, set);
  const loaded: Loaded[] = Object.entries(readSentences(lang, set)).map(([id, text]) => {
    const raw = JSON.parse(readFileSync(join(dir, `${id}.events.json`), 'utf8')) as { events: RawEvent[] };
    const wavPath = join(dir, `${id}.wav`);
    const wav = readWav(wavPath);
    return { id, text, wav, wavPath, energy: rmsEnvelope(wav, ENERGY_HOP_MS, 10), ...rawIntervals(raw.events, text) };
  });

  // 1. Stops: closures measured where the synthesizer's silence is not a pause.
  const closures = new Map<string, number[]>();
  const afterPause: Array<{ stop: RefPhoneme; previous: RefPhoneme | undefined }> = [];
  let stopsMoved = 0;
  for (const s of loaded) {
    s.phonemes.forEach((p, i) => {
      if (!STOPS.has(p.phoneme)) return;
      const previous = s.phonemes[i - 1];
      if (!previous || previous.end !== p.start) {
        afterPause.push({ stop: p, previous });
        return;
      }
      const start = silenceStart(s.wav, p.start);
      if (start === null) return;
      closures.set(p.phoneme, [...(closures.get(p.phoneme) ?? []), p.start - start]);
      // The audio may leave the phoneme before only a few ms (or none) of sound.
      previous.end = Math.max(previous.start, start);
      p.start = previous.end;
      stopsMoved++;
    });
  }
  const medianClosureMs = Object.fromEntries([...closures].map(([k, v]) => [k, median(v)]));
  for (const { stop, previous } of afterPause) {
    const closure = medianClosureMs[stop.phoneme] ?? median([...closures.values()].flat());
    stop.start = Math.max(previous?.end ?? 0, stop.start - closure);
  }

  // 2. Late vowels after sonorants: one corpus-wide lag, measured.
  const late: Array<{ previous: RefPhoneme; vowel: RefPhoneme }> = [];
  const lags: number[] = [];
  for (const s of loaded) {
    s.phonemes.forEach((p, i) => {
      const previous = s.phonemes[i - 1];
      if (!previous || previous.end !== p.start || !LATE_AFTER.test(previous.phoneme)) return;
      if (!/^[aeiouyæɑɐəɚɛɜɪɔɒøœɵʊʏʌ]/.test(p.phoneme)) return;
      late.push({ previous, vowel: p });
      lags.push(riseLag(s.energy, p.start));
    });
  }
  const vowelLagMs = Math.max(0, Math.min(20, median(lags)));
  for (const { previous, vowel } of late) {
    const shift = Math.min(vowelLagMs, (previous.end - previous.start) / 2);
    previous.end -= shift;
    vowel.start -= shift;
  }

  const sentences = loaded.map((s): RefSentence => {
    // A word event without phonemes (rare) is merged into the one before.
    const words: RefSentence['words'] = [];
    s.words.forEach((text, w) => {
      const mine = s.phonemes.filter((p) => p.word === w);
      const previous = words.at(-1);
      if (mine.length) words.push({ text, start: mine[0]!.start, end: mine.at(-1)!.end });
      else if (previous) previous.text += ` ${text}`;
    });
    const segments = s.phonemes.flatMap((p) => {
      const classes = ipaClasses(p.phoneme);
      const step = (p.end - p.start) / classes.length;
      return classes.map((cls, k) => ({ start: p.start + k * step, end: p.start + (k + 1) * step, cls }));
    });
    return { id: s.id, text: s.text, wavPath: s.wavPath, durationMs: (s.wav.samples.length / s.wav.sampleRate) * 1000, phonemes: s.phonemes, words, segments };
  });
  return {
    sentences,
    corrections: { stopsMoved, stopsAfterPause: afterPause.length, medianClosureMs, lateVowels: late.length, vowelLagMs },
  };
}
