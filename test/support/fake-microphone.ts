import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeWav } from '../../packages/models/src/voice/wav';

/** One segment of the fake microphone's audio: a WAV clip, or silence. */
export type AudioSegment = { wav: string } | { silenceSeconds: number };

/**
 * Writes the WAV that Chromium's fake microphone plays (`--use-file-for-fake-audio-capture`,
 * looped): the segments in order, as 16-bit mono at the clips' own rate (Chromium
 * resamples to the capture rate). Returns where each clip starts and ends (s).
 */
export function writeFakeMicrophoneWav(file: string, segments: AudioSegment[]): { durationS: number; clips: Array<{ startS: number; endS: number }> } {
  const parts: Float32Array[] = [];
  const clips: Array<{ startS: number; endS: number }> = [];
  let rate = 16_000;
  let length = 0;
  for (const segment of segments) {
    if ('wav' in segment) {
      const decoded = decodeWav(readFileSync(segment.wav));
      if (decoded.sampleRate !== rate && clips.length > 0) throw new Error('fake microphone clips must share one sample rate');
      rate = decoded.sampleRate;
      clips.push({ startS: length / rate, endS: (length + decoded.samples.length) / rate });
      parts.push(decoded.samples);
      length += decoded.samples.length;
    } else {
      const silence = new Float32Array(Math.round(segment.silenceSeconds * rate));
      parts.push(silence);
      length += silence.length;
    }
  }
  const data = Buffer.alloc(length * 2);
  let offset = 0;
  for (const part of parts) for (const sample of part) data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(sample * 32767))), (offset++) * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([header, data]));
  return { durationS: length / rate, clips };
}
