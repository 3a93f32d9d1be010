/**
 * `tsx bench/lipsync/analyze.ts [bench|train]`: where the text-driven lip-sync loses frames.
 *
 * Every reference speech frame the timeline gets wrong falls in one bucket:
 * - identity: inside a word whose G2P viseme classes differ from espeak's phonemes (the
 *   words and their phonemes are listed, worst first);
 * - rest: we show rest where the reference speaks (word and sentence edges, pauses);
 * - timing: inside a word whose classes match espeak's, so only a boundary is misplaced.
 *   These are split further by the boundary's class pair with the signed mean error
 *   (ours − espeak, ms; negative = we move on too early), and by whether the boundary is
 *   the word's first or last one (next to a word edge) or inside the word.
 * Also: the same scorer with espeak's own phonemes spread by the SDK's duration model
 * (the ceiling of G2P fixes). A development tool: it reads the reference, so nothing it
 * prints may be fed back into the SDK for the scored sentences; decide on `train`.
 */
import { buildTimeline, loadG2P, PHONEMES, VISEME_CLASS, type Phone } from '../../../packages/sdk/src/lipsync';
import { fitDurations, type WordContext } from '../../../packages/sdk/src/lipsync/durations';
import { parseIpa, wordContexts, wordPhones } from '../../../packages/sdk/src/lipsync/timeline';
import { ipaClasses } from './classes';
import { loadReference, type Lang, type RefSentence, type SentenceSet } from './reference';
import { FRAME_MS, toFrames, type ClassSegment } from './score';
import { readEnglishDictionary } from '../../../packages/sdk/lipsync-dictionary';

const set = (process.argv[2] ?? 'bench') as SentenceSet;
const TOP = Number(process.env.TOP ?? 20);
const clsOf = (p: Phone) => PHONEMES[p.symbol]!.visemes.map((v) => VISEME_CLASS[v]);

/** Phones spread over [start, end] by the SDK's duration model, as class segments. */
function spread(phones: Phone[], start: number, end: number, lang: Lang, context?: WordContext): ClassSegment[] {
  const d = fitDurations(phones, end - start, lang, context);
  const out: ClassSegment[] = [];
  let t = start;
  phones.forEach((p, i) => {
    const cls = clsOf(p);
    cls.forEach((c, k) => out.push({ start: t + (d[i]! * k) / cls.length, end: t + (d[i]! * (k + 1)) / cls.length, cls: c }));
    t += d[i]!;
  });
  return out;
}

/** espeak's phonemes inside a word span. */
function refPhonemes(s: RefSentence, w: { start: number; end: number }) {
  return s.phonemes.filter((p) => p.start >= w.start - 0.01 && p.end <= w.end + 0.01);
}

/** Class boundaries (end of part k = start of part k+1) where the class changes. */
function boundaries(parts: readonly ClassSegment[]): Array<{ k: number; t: number; pair: string }> {
  const out: Array<{ k: number; t: number; pair: string }> = [];
  for (let k = 0; k + 1 < parts.length; k++) {
    if (parts[k]!.cls !== parts[k + 1]!.cls) out.push({ k, t: parts[k]!.end, pair: `${parts[k]!.cls}>${parts[k + 1]!.cls}` });
  }
  return out;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const frameIndex = (t: number) => Math.max(0, Math.ceil(t / FRAME_MS - 0.5));

for (const lang of ['en', 'nl'] as const) {
  const g2p = await loadG2P(lang, { fetchDictionary: readEnglishDictionary });
  const { sentences } = loadReference(lang, set);
  let frames = 0;
  let agree = 0;
  let oracleAgree = 0;
  const lost = { identity: 0, rest: 0, timingEdge: 0, timingInner: 0 };
  const lossByWord = new Map<string, { lost: number; n: number; ours: string; theirs: string }>();
  const byPair = new Map<string, { lost: number; n: number; signed: number }>();
  for (const s of sentences) {
    const timeline = buildTimeline(s.text, { kind: 'words', words: s.words }, g2p);
    const ours: ClassSegment[] = timeline.segments.map((x) => ({ start: x.start, end: x.end, cls: VISEME_CLASS[x.viseme] }));
    const hyp = toFrames(ours, s.durationMs);
    const ref = toFrames(s.segments, s.durationMs);
    // In the same word contexts as the timeline (phrase edges, neighbouring words' sounds).
    const refPhones = s.words.map((w) => refPhonemes(s, w).flatMap((p) => parseIpa(p.phoneme)));
    const refContexts = wordContexts(s.text, s.words, refPhones);
    const oracleSegs = s.words.flatMap((w, k) => spread(refPhones[k]!, w.start, w.end, lang, refContexts[k]));
    const oracle = toFrames(oracleSegs, s.durationMs);
    ref.forEach((c, i) => {
      if (c === 'rest') return;
      frames++;
      if (hyp[i] === c) agree++;
      else if (hyp[i] === 'rest') lost.rest++;
      if (oracle[i] === c) oracleAgree++;
    });
    const phones = wordPhones(s.words, g2p);
    let part = 0;
    for (const [wi, w] of s.words.entries()) {
      const mine = refPhonemes(s, w);
      const theirParts = s.segments.filter((x) => x.start >= w.start - 0.01 && x.end <= w.end + 0.01);
      const ourParts = ours.slice(part, (part += phones[wi]!.flatMap(clsOf).length));
      const wrong: number[] = [];
      for (let i = frameIndex(w.start); (i + 0.5) * FRAME_MS < w.end && i < ref.length; i++) {
        if (ref[i] !== 'rest' && hyp[i] !== ref[i] && hyp[i] !== 'rest') wrong.push(i);
      }
      const matched = ourParts.map((x) => x.cls).join(' ') === mine.flatMap((p) => ipaClasses(p.phoneme)).join(' ');
      if (!matched) {
        lost.identity += wrong.length;
        const key = w.text.toLowerCase().replace(/[^\p{L}\p{N}' ]/gu, '');
        const e = lossByWord.get(key) ?? { lost: 0, n: 0, ours: phones[wi]!.map((p) => p.symbol).join(''), theirs: mine.map((p) => p.phoneme).join(' ') };
        e.lost += wrong.length;
        e.n++;
        lossByWord.set(key, e);
        continue;
      }
      // Same classes in the same order: each wrong frame lies between a boundary of ours
      // and the same boundary of espeak's.
      const theirs = boundaries(theirParts);
      const mineB = boundaries(ourParts);
      theirs.forEach((b, j) => {
        const o = mineB[j]!;
        const [lo, hi] = o.t < b.t ? [o.t, b.t] : [b.t, o.t];
        const n = wrong.filter((i) => (i + 0.5) * FRAME_MS >= lo && (i + 0.5) * FRAME_MS < hi).length;
        const edge = j === 0 || j === theirs.length - 1;
        if (edge) lost.timingEdge += n;
        else lost.timingInner += n;
        const e = byPair.get(b.pair) ?? { lost: 0, n: 0, signed: 0 };
        e.lost += n;
        e.n++;
        e.signed += o.t - b.t;
        byPair.set(b.pair, e);
      });
    }
  }
  const total = frames - agree;
  const timing = lost.timingEdge + lost.timingInner;
  console.log(`\n${lang} (${set}): agreement ${pct(agree, frames)} of ${frames} speech frames; oracle phonemes + our durations ${pct(oracleAgree, frames)}`);
  console.log(`  ${total} frames lost: identity (G2P differs from espeak) ${lost.identity} (${pct(lost.identity, frames)}), timing ${timing} (${pct(timing, frames)}: ${lost.timingEdge} at a word's first/last boundary, ${lost.timingInner} inside), rest where espeak speaks ${lost.rest} (${pct(lost.rest, frames)}), unattributed ${total - lost.identity - timing - lost.rest}`);
  console.log(`  timing by boundary (frames lost, count, mean signed error ours − espeak):`);
  for (const [pair, e] of [...byPair].sort((a, b) => b[1].lost - a[1].lost).slice(0, TOP)) {
    console.log(`    ${String(e.lost).padStart(5)}  ${pair.padEnd(14)} n=${String(e.n).padEnd(5)} ${(e.signed / e.n).toFixed(1).padStart(6)} ms`);
  }
  console.log(`  identity, worst words (frames lost; ours; espeak):`);
  for (const [w, e] of [...lossByWord].sort((a, b) => b[1].lost - a[1].lost).slice(0, TOP)) {
    console.log(`    ${String(e.lost).padStart(5)}  ${w.padEnd(18)} ${e.ours.padEnd(18)} ${e.theirs}`);
  }
}
