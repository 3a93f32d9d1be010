import { readFileSync } from 'node:fs';

/** A mono 16-bit PCM wav as floats. */
export interface Wav {
  sampleRate: number;
  samples: Float32Array;
}

/** Reads the 16-bit mono PCM wav files espeak_synth.py writes. */
export function readWav(path: string): Wav {
  const buf = readFileSync(path);
  let offset = 12;
  let sampleRate = 0;
  while (offset + 8 <= buf.length) {
    const id = buf.toString('ascii', offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    if (id === 'fmt ') sampleRate = buf.readUInt32LE(offset + 12);
    if (id === 'data') {
      const count = Math.floor(size / 2);
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i++) samples[i] = buf.readInt16LE(offset + 8 + i * 2) / 32768;
      return { sampleRate, samples };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${path}: no data chunk`);
}

/** RMS of `wav` in frames of `frameMs`, one per `hopMs`, frame i centred at i·hopMs. */
export function rmsEnvelope(wav: Wav, hopMs: number, frameMs: number): Float32Array {
  const hop = (wav.sampleRate * hopMs) / 1000;
  const half = Math.round((wav.sampleRate * frameMs) / 2000);
  const n = Math.floor(wav.samples.length / hop);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const centre = Math.round(i * hop);
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, centre - half); j < Math.min(wav.samples.length, centre + half); j++) {
      sum += wav.samples[j]! ** 2;
      count++;
    }
    out[i] = Math.sqrt(sum / Math.max(1, count));
  }
  return out;
}
