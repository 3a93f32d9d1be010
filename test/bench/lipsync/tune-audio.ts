/**
 * `tsx bench/lipsync/tune-audio.ts`: picks the audio analyser's smoothing (memory,
 * hysteresis, majority look-ahead) on the training sentences (never the scored ones):
 * frame agreement and onset error per setting. The default in audio-visemes.ts is the
 * best agreement whose onset p50 stays within 20 ms (half the 40 ms target). Measured
 * with the full grid memory {0, .3, .5, .7} × hysteresis {0, 2, 4, 8, 16}: memory .3 and
 * hysteresis 2 were best (+0.8 points), more of either delays onsets and loses frames.
 */
import { AudioVisemeAnalyzer, type AudioVisemeSmoothing } from '../../../packages/sdk/src/lipsync/audio-visemes';
import { loadReference } from './reference';
import { emptyTally, scoreSentence, summarize, type ClassSegment } from './score';
import { readWav } from './wav';

// Every other training sentence of each language keeps a run to about a minute on 2 cores.
const wavs = (['en', 'nl'] as const).flatMap((lang) => loadReference(lang, 'train').sentences.filter((_, i) => i % 2 === 0).map((s) => ({ s, wav: readWav(s.wavPath) })));
const grid: AudioVisemeSmoothing[] = [
  { memory: 0, hysteresis: 0, lookahead: 0 },
  { memory: 0.3, hysteresis: 2, lookahead: 0 },
  { memory: 0, hysteresis: 0, lookahead: 2 },
  { memory: 0.3, hysteresis: 2, lookahead: 2 },
  { memory: 0.3, hysteresis: 2, lookahead: 3 },
];
{
  for (const smoothing of grid) {
    const { memory, hysteresis, lookahead } = smoothing;
    const tally = emptyTally();
    for (const { s, wav } of wavs) {
      const analyzer = new AudioVisemeAnalyzer(undefined, smoothing);
      const out: ClassSegment[] = [];
      for (let i = 0; i < wav.samples.length; i += 128) {
        for (const f of analyzer.push(wav.samples.subarray(i, i + 128), wav.sampleRate, i === 0 ? 0 : undefined)) out.push({ start: f.time * 1000 - 5, end: f.time * 1000 + 5, cls: f.cls });
      }
      scoreSentence(tally, s.segments, out, s.durationMs);
    }
    const r = summarize(tally);
    console.log(`memory ${memory} hysteresis ${hysteresis} lookahead ${lookahead}: agreement ${(100 * r.agreement).toFixed(1)}%, onset p50 ${r.onsetP50.toFixed(0)} ms, p95 ${r.onsetP95.toFixed(0)} ms, matched ${(100 * r.onsetsMatched).toFixed(1)}%`);
  }
}
