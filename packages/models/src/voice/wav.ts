/** A decoded WAV file: channels averaged to mono, samples in [−1, 1]. */
export interface DecodedWav {
  sampleRate: number;
  samples: Float32Array;
}

/**
 * Decodes a RIFF/WAVE file: PCM 8/16/24/32-bit integer or 32/64-bit float, any channel
 * count (averaged to mono), WAVE_FORMAT_EXTENSIBLE included. Enough for eval folders of
 * any origin without a native dependency.
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let format: { code: number; channels: number; rate: number; bits: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format code starts the sub-format GUID.
      if (code === 0xfffe && size >= 26) code = view.getUint16(body + 24, true);
      format = { code, channels: view.getUint16(body + 2, true), rate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before its fmt chunk');
      const length = Math.min(size, bytes.byteLength - body);
      return { sampleRate: format.rate, samples: decodeSamples(view, body, length, format) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

function decodeSamples(view: DataView, start: number, length: number, format: { code: number; channels: number; bits: number }): Float32Array {
  const bytesPer = format.bits / 8;
  const frames = Math.floor(length / (bytesPer * format.channels));
  const read = sampleReader(view, format.code, format.bits);
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < format.channels; c++) sum += read(start + (f * format.channels + c) * bytesPer);
    out[f] = sum / format.channels;
  }
  return out;
}

function sampleReader(view: DataView, code: number, bits: number): (at: number) => number {
  if (code === 1) {
    if (bits === 8) return (at) => (view.getUint8(at) - 128) / 128;
    if (bits === 16) return (at) => view.getInt16(at, true) / 32768;
    if (bits === 24) return (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608);
    if (bits === 32) return (at) => view.getInt32(at, true) / 2147483648;
  }
  if (code === 3) {
    if (bits === 32) return (at) => view.getFloat32(at, true);
    if (bits === 64) return (at) => view.getFloat64(at, true);
  }
  throw new Error(`unsupported WAV encoding (format ${code}, ${bits} bits)`);
}
