import { describe, expect, it } from 'vitest';
import { corpusOf, speakerOf } from './dataset';
import { decodeWav } from './wav';

/** A PCM WAV file from interleaved 16-bit samples. */
function wav(samples: number[], channels: number, rate: number): Uint8Array {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return new Uint8Array(Buffer.concat([header, data]));
}

describe('decodeWav', () => {
  it('averages stereo to mono and scales to [−1, 1]', () => {
    const decoded = decodeWav(wav([16384, 0, -32768, -32768], 2, 44_100));
    expect(decoded.sampleRate).toBe(44_100);
    expect([...decoded.samples]).toEqual([0.25, -1]);
  });

  it('refuses what is not a WAV file', () => {
    expect(() => decodeWav(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1'))).toThrow(/not a RIFF\/WAVE/);
  });
});

describe('speakerOf', () => {
  it('reads the speaker from RAVDESS and EmoDB names', () => {
    expect(speakerOf('ravdess_03-01-05-02-01-01-15.wav')).toBe('ravdess_15');
    expect(speakerOf('03-01-05-02-01-01-15.wav')).toBe('ravdess_15');
    expect(speakerOf('emodb_11a01Wc.wav')).toBe('emodb_11');
    expect(corpusOf('emodb_11')).toBe('EmoDB');
    expect(speakerOf('my-clip.wav')).toBe('my-clip');
  });
});
