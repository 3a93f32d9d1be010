import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeCmuDict } from './src/lipsync/cmudict.ts';

/**
 * Build side of the English lip-sync dictionary (Node only). The npm package
 * `cmu-pronouncing-dictionary` ships it as a 4.5 MB JS module; this writes the compact
 * runtime file of src/lipsync/cmudict.ts from it once (again when the package or the
 * format changes) into node_modules/.cache, from where runtime-assets.ts copies it into
 * dist/lipsync/ and the demo's dev server serves it, and where the Node CLI and the unit
 * tests read it, through the same parser as the browser.
 */
const SDK_ROOT = fileURLToPath(new URL('.', import.meta.url));
const SOURCE = join(SDK_ROOT, 'node_modules', 'cmu-pronouncing-dictionary', 'index.js');
const FORMAT = join(SDK_ROOT, 'src', 'lipsync', 'cmudict.ts');
const OUT = join(SDK_ROOT, 'node_modules', '.cache', 'digimens', 'cmudict-en.txt');

/** Path of the generated dictionary file, (re)generating it when missing or stale. */
export function englishDictionaryFile(): string {
  if (!existsSync(SOURCE)) throw new Error(`${SOURCE} is missing: is cmu-pronouncing-dictionary installed (a dependency of @digimens/sdk)?`);
  const stale = !existsSync(OUT) || statSync(OUT).mtimeMs < Math.max(statSync(SOURCE).mtimeMs, statSync(FORMAT).mtimeMs);
  if (stale) {
    // The module is `export const dictionary = { "word": "ARPABET", … }`: JSON between the braces.
    const js = readFileSync(SOURCE, 'utf8');
    const dictionary = JSON.parse(js.slice(js.indexOf('{', js.indexOf('=')), js.lastIndexOf('}') + 1)) as Record<string, string>;
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, encodeCmuDict(dictionary));
  }
  return OUT;
}

/** The dictionary file's text, for Node callers of `loadG2P('en', { fetchDictionary })`. */
export function readEnglishDictionary(): Promise<string> {
  return Promise.resolve(readFileSync(englishDictionaryFile(), 'utf8'));
}
