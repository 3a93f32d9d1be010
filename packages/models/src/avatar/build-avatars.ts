/**
 * CLI: writes `<preset>.vrm` for every preset and `presets.json` (name → parameters) into a
 * folder, by default `packages/sdk/public/avatars`. Prints the folder's absolute path as the
 * last line of stdout.
 *
 *   tsx src/avatar/build-avatars.ts [--out DIR]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS } from './presets.js';
import { generateAvatar } from './generate-avatar.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function outputDir(argv: string[]): string {
  const i = argv.indexOf('--out');
  if (i === -1) return resolve(packageRoot, '../sdk/public/avatars');
  const dir = argv[i + 1];
  if (!dir || dir.startsWith('--')) throw new Error('--out needs a folder, e.g. --out dist/avatars');
  return resolve(process.cwd(), dir);
}

async function main(): Promise<void> {
  const out = outputDir(process.argv.slice(2));
  await mkdir(out, { recursive: true });
  const started = performance.now();
  for (const [name, params] of Object.entries(PRESETS)) {
    const bytes = await generateAvatar(params, { title: name });
    await writeFile(resolve(out, `${name}.vrm`), bytes);
    console.log(`${name}.vrm  ${(bytes.byteLength / 1024).toFixed(0)} KiB`);
  }
  await writeFile(resolve(out, 'presets.json'), `${JSON.stringify(PRESETS, null, 2)}\n`);
  console.log(`${Object.keys(PRESETS).length} avatars in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(out);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
