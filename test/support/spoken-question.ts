import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeWav } from '../../packages/models/src/voice/wav';

/**
 * Speaks `text` into a WAV with espeak-ng (Debian's `espeak-ng`, which the test bootstrap
 * installs for Web Speech): a question for the fake microphone whose words and length are
 * known. Returns where the speech lies in the file (s), found from its level.
 */
export function spokenQuestionWav(file: string, text: string, voice = 'en'): { speechStartS: number; speechEndS: number; durationS: number } {
  mkdirSync(dirname(file), { recursive: true });
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', file, text]);
  const { samples, sampleRate } = decodeWav(readFileSync(file));
  return { ...speechBounds(samples, sampleRate), durationS: samples.length / sampleRate };
}

/** First and last 10 ms window louder than −40 dBFS: where the speech in a clean recording starts and ends (s). */
export function speechBounds(samples: Float32Array, sampleRate: number): { speechStartS: number; speechEndS: number } {
  const window = Math.round(sampleRate / 100);
  const loud: number[] = [];
  for (let start = 0; start + window <= samples.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += samples[i]! ** 2;
    if (Math.sqrt(sum / window) > 0.01) loud.push(start);
  }
  if (loud.length === 0) throw new Error('the clip is silent');
  return { speechStartS: loud[0]! / sampleRate, speechEndS: (loud.at(-1)! + window) / sampleRate };
}
