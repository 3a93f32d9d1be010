import { describe, expect, it } from 'vitest';
import { CueParser } from './cue-parser';
import type { BrainChunk } from './brain';

function parseInPieces(pieces: string[]): BrainChunk[] {
  const parser = new CueParser();
  const chunks = [...pieces.flatMap((p) => parser.push(p)), ...parser.flush()];
  // Merge adjacent text for readable expectations.
  return chunks.reduce<BrainChunk[]>((out, c) => {
    const last = out.at(-1);
    if (c.type === 'text' && last?.type === 'text') last.text += c.text;
    else out.push({ ...c });
    return out;
  }, []);
}

describe('CueParser', () => {
  it('takes cues out of the text, wherever the stream splits them', () => {
    const expected = [
      { type: 'cue', cue: { mood: 'sad', intensity: 0.4 } },
      { type: 'text', text: ' Gecondoleerd. ' },
      { type: 'cue', cue: { mood: 'relaxed', intensity: 0.6 } },
      { type: 'text', text: ' We regelen het.' },
    ];
    const text = '[[sad:0.4]] Gecondoleerd. [[relaxed]] We regelen het.';
    expect(parseInPieces([text])).toEqual(expected);
    expect(parseInPieces(text.split(''))).toEqual(expected);
    expect(parseInPieces(['[', '[sa', 'd:0.', '4]', '] Gecondoleerd. [[re', 'laxed]] We regelen het.'])).toEqual(expected);
  });

  it('drops unknown tags and keeps ordinary brackets as text', () => {
    expect(parseInPieces(['Zie [bijlage 2]. [[wave]]Dag!'])).toEqual([{ type: 'text', text: 'Zie [bijlage 2]. Dag!' }]);
    expect(parseInPieces(['A [[ not a tag at all because it is long ]] b'])).toEqual([{ type: 'text', text: 'A [[ not a tag at all because it is long ]] b' }]);
  });

  it('clamps intensity', () => {
    expect(parseInPieces(['[[happy:3]]'])).toEqual([{ type: 'cue', cue: { mood: 'happy', intensity: 1 } }]);
  });

  it('releases text as soon as no tag can be pending', () => {
    const parser = new CueParser();
    expect(parser.push('Hallo daar')).toEqual([{ type: 'text', text: 'Hallo daar' }]);
    expect(parser.push(' en [')).toEqual([{ type: 'text', text: ' en ' }]);
  });
});
