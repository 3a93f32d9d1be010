/**
 * `pnpm models:fetch`: downloads every model in the SDK's manifest that has an official
 * https URL into `packages/sdk/public/models/` (copied beside the SDK's script by the build),
 * and refuses a download whose sha256 differs from the manifest. Files already present
 * with the right hash are kept. Converted models come from `build:face-models` instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_MANIFEST } from '../../../sdk/src/models/manifest';

const OUT = fileURLToPath(new URL('../../../sdk/public/models/', import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

mkdirSync(OUT, { recursive: true });
let failed = false;
for (const entry of Object.values(MODEL_MANIFEST).filter((e) => e.sourceUrl.startsWith('https://'))) {
  const file = join(OUT, entry.file);
  if (existsSync(file) && sha256(readFileSync(file)) === entry.sha256) {
    console.log(`${entry.file}: present, sha256 ok`);
    continue;
  }
  process.stdout.write(`${entry.file}: downloading ${entry.sourceUrl} (${(entry.size / 1e6).toFixed(1)} MB, ${entry.licence})… `);
  try {
    const response = await fetch(entry.sourceUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const actual = sha256(bytes);
    if (actual !== entry.sha256) throw new Error(`sha256 is ${actual}, but the manifest expects ${entry.sha256}; not saved`);
    writeFileSync(file, bytes);
    console.log('ok');
  } catch (error) {
    failed = true;
    console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exit(failed ? 1 : 0);
