import { AudioVisemeAnalyzer } from '../../../packages/sdk/src/lipsync/audio-visemes';
import type { ClassSegment } from './score';
import { readWav } from './wav';

/** Runs the SDK's audio analyser over a wav in 128-sample blocks, as an AudioWorklet feeds it. */
export function audioDrivenSegments(wavPath: string): ClassSegment[] {
  const wav = readWav(wavPath);
  const analyzer = new AudioVisemeAnalyzer();
  const out: ClassSegment[] = [];
  for (let i = 0; i < wav.samples.length; i += 128) {
    for (const f of analyzer.push(wav.samples.subarray(i, i + 128), wav.sampleRate, i === 0 ? 0 : undefined)) {
      out.push({ start: f.time * 1000 - 5, end: f.time * 1000 + 5, cls: f.cls });
    }
  }
  return out;
}
