/**
 * `tsx bench/lipsync/analyze.ts [bench|train]`: where the text-driven lip-sync loses frames.
 *
 * Per language: agreement on words whose G2P class sequence matches espeak's and on those
 * that do not; the same scorer with espeak's own phonemes spread by the SDK's duration
 * model (the ceiling of G2P fixes); frames of reference rest inside word spans; and the
 * words and class confusions that cost the most frames. A development tool: it reads the
 * reference, so nothing it prints may be fed back into the SDK for the scored sentences.
 */
import { buildTimeline, loadG2P, parseIpa, PHONEMES, VISEME_CLASS, type LipSegment, type Phone } from '../../../packages/sdk/src/lipsync';
import { fitDurations } from '../../../packages/sdk/src/lipsync/durations';
import { wordPhones } from '../../../packages/sdk/src/lipsync/timeline';
import { ipaClasses } from './classes';
import { loadReference, type Lang, type SentenceSet } from './reference';
import { toFrames, type ClassSegment } from './score';
import { readEnglishDictionary } from '../../../packages/sdk/lipsync-dictionary';

const set = (process.argv[2] ?? 'bench') as SentenceSet;
const clsOf = (p: Phone) => PHONEMES[p.symbol]!.visemes.map((v) => VISEME_CLASS[v]);

function spread(phones: Phone[], start: number, end: number, lang: Lang): ClassSegment[] {
  const d = fitDurations(phones, end - start, lang);
  const out: ClassSegment[] = [];
  let t = start;
  phones.forEach((p, i) => {
    const cls = clsOf(p);
    cls.forEach((c, k) => out.push({ start: t + (d[i]! * k) / cls.length, end: t + (d[i]! * (k + 1)) / cls.length, cls: c }));
    t += d[i]!;
  });
  return out;
}

for (const lang of ['en', 'nl'] as const) {
  const g2p = await loadG2P(lang, { fetchDictionary: readEnglishDictionary });
  const { sentences } = loadReference(lang, set);
  let frames = 0;
  let agree = 0;
  let oracleAgree = 0;
  let restInWords = 0;
  let matchedFrames = 0;
  let matchedAgree = 0;
  let words = 0;
  let matchedWords = 0;
  const lossByWord = new Map<string, { lost: number; n: number; ours: string; theirs: string }>();
  for (const s of sentences) {
    const timeline = buildTimeline(s.text, { kind: 'words', words: s.words }, g2p);
    const hyp = toFrames(timeline.segments.map((x: LipSegment) => ({ start: x.start, end: x.end, cls: VISEME_CLASS[x.viseme] })), s.durationMs);
    const ref = toFrames(s.segments, s.durationMs);
    // Oracle: espeak's phonemes, our durations.
    const oracleSegs: ClassSegment[] = [];
    for (const w of s.words) {
      const mine = s.phonemes.filter((p) => p.start >= w.start - 0.01 && p.end <= w.end + 0.01);
      oracleSegs.push(...spread(mine.flatMap((p) => parseIpa(p.phoneme)), w.start, w.end, lang));
    }
    const oracle = toFrames(oracleSegs, s.durationMs);
    ref.forEach((c, i) => {
      if (c === 'rest') return;
      frames++;
      if (hyp[i] === c) agree++;
      if (oracle[i] === c) oracleAgree++;
    });
    const allPhones = wordPhones(s.words, g2p);
    for (const [wi, w] of s.words.entries()) {
      words++;
      const mine = s.phonemes.filter((p) => p.start >= w.start - 0.01 && p.end <= w.end + 0.01);
      const theirs = mine.flatMap((p) => ipaClasses(p.phoneme)).join(' ');
      const phones = allPhones[wi]!;
      const ours = phones.flatMap(clsOf).join(' ');
      let n = 0;
      let ok = 0;
      for (let i = Math.max(0, Math.ceil(w.start / 10 - 0.5)); (i + 0.5) * 10 < w.end && i < ref.length; i++) {
        if (ref[i] === 'rest') {
          restInWords++;
          continue;
        }
        n++;
        if (hyp[i] === ref[i]) ok++;
      }
      if (ours === theirs) {
        matchedWords++;
        matchedFrames += n;
        matchedAgree += ok;
      } else {
        const key = w.text.toLowerCase().replace(/[^\p{L}\p{N}' ]/gu, '');
        const e = lossByWord.get(key) ?? { lost: 0, n: 0, ours: phones.map((p) => p.symbol).join(''), theirs: mine.map((p) => p.phoneme).join(' ') };
        e.lost += n - ok;
        e.n++;
        lossByWord.set(key, e);
      }
    }
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`\n${lang} (${set}): agreement ${pct(agree, frames)}; oracle phonemes + our durations ${pct(oracleAgree, frames)}`);
  console.log(`  words matching espeak's classes ${pct(matchedWords, words)}; agreement inside them ${pct(matchedAgree, matchedFrames)} (${matchedFrames} frames)`);
  console.log(`  frames lost in mismatched words: ${frames - matchedFrames - (agree - matchedAgree)} of ${frames - matchedFrames}; reference rest frames inside word spans: ${restInWords}`);
  const top = [...lossByWord].sort((a, b) => b[1].lost - a[1].lost).slice(0, Number(process.env.TOP ?? 25));
  for (const [w, e] of top) console.log(`  ${String(e.lost).padStart(4)}  ${w.padEnd(16)} ours ${e.ours.padEnd(16)} espeak ${e.theirs}`);
}
