/**
 * `pnpm --filter @digimens/test bench:face-stages [--per-class N] [--rounds R]`: where
 * MediaPipe's per-image landmark time goes. Times MediaPipe task configurations (detector
 * only; the Face Landmarker with and without blendshapes and head matrix; VIDEO mode on a
 * tracked face; a larger input) on the first N images of each class of ../shared/eval/faces,
 * in a module worker with the SDK's self-hosted SIMD runtime, CPU delegate. Prints the median
 * per configuration and round; rounds run the configurations one after another, so load that
 * drifts shows as a difference between rounds. Run `pnpm build` first.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { SHARED } from '../support/paths';
import { serverOrigin, startStaticServer } from '../support/static-server';
import { LABELS } from '../eval/face-metrics';
import { percentile, printTable } from './stats';

const { values } = parseArgs({ options: { 'per-class': { type: 'string', default: '8' }, rounds: { type: 'string', default: '3' } } });
const dir = join(SHARED, 'eval/faces');
const files = LABELS.flatMap((label) => readdirSync(join(dir, label)).sort().slice(0, Number(values['per-class'])).map((file) => `${label}/${file}`));

const server = await startStaticServer(0, [['/eval/', dir]]);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${serverOrigin(server)}/face-stages.html`);
  const names: string[] = await page.evaluate(() => (window as any).configurations());
  const medians = new Map<string, string[]>(names.map((name) => [name, []]));
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const name of names) {
      const result: { ms?: number[]; error?: string } = await page.evaluate(({ name, files }) => (window as any).timeConfiguration(name, files), { name, files });
      if (result.error) throw new Error(`${name}: ${result.error}`);
      medians.get(name)!.push(`${percentile(result.ms!, 50).toFixed(1)} ms`);
    }
  }
  printTable(
    names.map((name) => [name, medians.get(name)!.join('   ')]),
    `MediaPipe per image, p50 per round (${files.length} eval images, WASM SIMD, CPU delegate)`,
  );
} finally {
  await browser.close();
  server.close();
}
