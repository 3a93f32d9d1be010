/**
 * `pnpm lipsync:timeline --lang en|nl --words W.json --out P.json`
 *
 * Runs the SDK's own text-driven lip-sync in Node, exactly as the browser would: the same
 * G2P (English reads the same pronouncing dictionary file, lipsync/cmudict-en.txt, from
 * disk, through the same parser), durations and timeline code, fed
 * only with each sentence's text and word spans. Writes the viseme segments at native
 * resolution, with the viseme → class table the benchmark scores against.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTimeline, loadG2P, VISEME_CLASS, type LipSyncLanguage, type TimedWord } from '../../../packages/sdk/src/lipsync';
import { readEnglishDictionary } from '../../../packages/sdk/lipsync-dictionary';

interface WordsFile {
  sentences: Record<string, { text: string; words: TimedWord[] }>;
}

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`Missing --${name}. Usage: pnpm lipsync:timeline --lang en|nl --words W.json --out P.json`);
  return value;
}

// Paths are relative to where the command was typed (pnpm runs this inside test/).
const cwd = process.env.INIT_CWD ?? process.cwd();
const lang = arg('lang');
if (lang !== 'en' && lang !== 'nl') throw new Error(`--lang must be en or nl, not ${lang}`);
const input = JSON.parse(readFileSync(resolve(cwd, arg('words')), 'utf8')) as WordsFile;
const g2p = await loadG2P(lang as LipSyncLanguage, { fetchDictionary: readEnglishDictionary });
const sentences: Record<string, { segments: Array<{ start: number; end: number; viseme: string }> }> = {};
for (const [id, { text, words }] of Object.entries(input.sentences)) {
  const timeline = buildTimeline(text, { kind: 'words', words }, g2p);
  sentences[id] = { segments: timeline.segments.map(({ start, end, viseme }) => ({ start, end, viseme })) };
}
writeFileSync(resolve(cwd, arg('out')), JSON.stringify({ system: 'digimens-lipsync', visemeSet: VISEME_CLASS, sentences }, null, 1));
