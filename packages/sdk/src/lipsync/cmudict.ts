/**
 * The English pronouncing dictionary as a runtime file (`lipsync/cmudict-en.txt` beside the
 * SDK's script), fetched on first use, so that neither bundle carries its 4.5 MB of JS.
 *
 * Format (plain text, gzip-friendly, ~1.5 MB, ~0.67 MB gzipped against 0.87 MB for plain
 * "word ARPAbet" lines): a header line `#cmudict-en <version> <codes…>` lists the
 * ARPAbet codes (with stress digits) in the order of {@link ALPHABET}; then one word per
 * line, sorted, front-coded: one digit, how many leading letters it shares with the word
 * before (at most 9), the rest of the word, a space, and one character per phone.
 * Only each word's first pronunciation is kept (the G2P never reads the variants).
 */
import type { ArpabetDictionary } from './g2p-en';

/** Path of the file under the SDK's asset base (see runtime-assets.ts). */
export const CMUDICT_ASSET = 'lipsync/cmudict-en.txt';
const VERSION = '1';
/** One character per ARPAbet code (any but space and newline: codes follow the word's space). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,/:;<=>?@[]^_{|}~`"\\';

/** Encodes `dictionary` (word → "HH AH0 L OW1") in the format above. */
export function encodeCmuDict(dictionary: Readonly<Record<string, string>>): string {
  const words = Object.keys(dictionary)
    .filter((w) => /^[a-z'.-]+$/.test(w))
    .sort();
  const codes = [...new Set(words.flatMap((w) => dictionary[w]!.split(' ')))].sort();
  if (codes.length > ALPHABET.length) throw new Error(`cmudict: ${codes.length} ARPAbet codes, only ${ALPHABET.length} characters`);
  const char = new Map(codes.map((c, i) => [c, ALPHABET[i]!]));
  const lines = [`#cmudict-en ${VERSION} ${codes.join(' ')}`];
  let previous = '';
  for (const word of words) {
    let shared = 0;
    while (shared < 9 && shared < word.length && word[shared] === previous[shared]) shared++;
    lines.push(`${shared}${word.slice(shared)} ${dictionary[word]!.split(' ').map((c) => char.get(c)).join('')}`);
    previous = word;
  }
  return `${lines.join('\n')}\n`;
}

/** Parses the format above; throws on anything else (a wrong URL serving HTML, a truncated file). */
export function parseCmuDict(text: string): ArpabetDictionary {
  const newline = text.indexOf('\n');
  const header = text.slice(0, newline).trim().split(' ');
  if (header[0] !== '#cmudict-en' || header[1] !== VERSION) throw new Error(`Not a Digimens pronouncing dictionary (version ${VERSION}): starts with "${text.slice(0, 40)}"`);
  const codes = header.slice(2);
  const code = new Map([...ALPHABET].slice(0, codes.length).map((c, i) => [c, codes[i]!]));
  const out: Record<string, string> = Object.create(null);
  let previous = '';
  let start = newline + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const line = text.slice(start, end);
      const space = line.indexOf(' ');
      const word = previous.slice(0, line.charCodeAt(0) - 48) + line.slice(1, space);
      let arpabet = '';
      for (let i = space + 1; i < line.length; i++) {
        const c = code.get(line[i]!);
        if (c === undefined) throw new Error(`Pronouncing dictionary: unknown code "${line[i]}" in line "${line}"`);
        arpabet += arpabet ? ` ${c}` : c;
      }
      out[word] = arpabet;
      previous = word;
    }
    start = end + 1;
  }
  return out;
}
