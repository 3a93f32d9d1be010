/**
 * `pnpm bench:render`: how much the avatar costs a page, measured in headless Chromium on
 * the built IIFE exactly as a website loads it.
 *
 * Reports frame time p50/p95 (interval between rendered frames), CPU time of the SDK's
 * per-frame update and of issuing the draw, time to first frame with the avatar, and the
 * gzip size of `digimens.iife.js`. Prints a table and writes bench-results/render.json.
 * Options: --frames N (default 600), --avatar URL (default: the built-in avatar),
 * --view head|upper|full (default upper), --size WxH (default 640x480).
 *
 * On these CPU-only machines WebGL runs on SwiftShader, so absolute fps are far below a
 * real GPU's; compare runs with each other, not with a phone.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { ROOT, SDK_DIST } from '../support/paths';
import { serverOrigin, startStaticServer } from '../support/static-server';
import { percentile, printTable } from './stats';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '600' },
    avatar: { type: 'string' },
    view: { type: 'string', default: 'upper' },
    size: { type: 'string', default: '640x480' },
  },
});
const frameCount = Number(values.frames);
const [width, height] = (values.size ?? '640x480').split('x').map(Number) as [number, number];

const iife = readFileSync(join(SDK_DIST, 'digimens.iife.js'));
const server = await startStaticServer(0);
const origin = serverOrigin(server);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${origin}/empty.html`);
  // Time to first frame is measured from inserting the element, as a page would.
  const measured = await page.evaluate(
    async ({ frameCount, avatar, view }) => {
      const element = document.createElement('digital-human') as HTMLElement & { human: any };
      if (avatar) element.setAttribute('avatar', avatar);
      element.setAttribute('view', view);
      element.setAttribute('seed', '1');
      const inserted = performance.now();
      const readyAt = new Promise<number>((resolve, reject) => {
        element.addEventListener('ready', () => resolve(performance.now() - inserted));
        element.addEventListener('error', (event) => reject(new Error((event as unknown as CustomEvent<{ message: string }>).detail.message)));
      });
      document.body.append(element);
      const firstFrameMs = await readyAt;
      const stamps: number[] = [];
      const updateMs: number[] = [];
      const renderMs: number[] = [];
      await new Promise<void>((resolve) => {
        const off = element.human.on('frame', (timing: { updateMs: number; renderMs: number }) => {
          stamps.push(performance.now());
          updateMs.push(timing.updateMs);
          renderMs.push(timing.renderMs);
          if (stamps.length > frameCount) {
            off();
            resolve();
          }
        });
      });
      const frameMs = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
      return { firstFrameMs, frameMs, updateMs: updateMs.slice(1), renderMs: renderMs.slice(1) };
    },
    { frameCount, avatar: values.avatar ?? null, view: values.view ?? 'upper' },
  );

  const summary = (sample: number[]) => ({ p50: round(percentile(sample, 50)), p95: round(percentile(sample, 95)) });
  const result = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
    avatar: values.avatar ?? 'built-in (nova.vrm)',
    view: values.view,
    viewport: `${width}x${height}`,
    frames: measured.frameMs.length,
    frameTimeMs: summary(measured.frameMs),
    fps: round(1000 / percentile(measured.frameMs, 50)),
    sdkUpdateCpuMs: summary(measured.updateMs),
    drawCallCpuMs: summary(measured.renderMs),
    timeToFirstFrameMs: round(measured.firstFrameMs),
    iifeBytes: iife.byteLength,
    iifeGzipBytes: gzipSync(iife, { level: 9 }).byteLength,
  };

  printTable(
    [
      ['frames measured', String(result.frames)],
      ['frame time p50 / p95', `${result.frameTimeMs.p50} / ${result.frameTimeMs.p95} ms (${result.fps} fps)`],
      ['SDK update CPU p50 / p95', `${result.sdkUpdateCpuMs.p50} / ${result.sdkUpdateCpuMs.p95} ms`],
      ['draw call CPU p50 / p95', `${result.drawCallCpuMs.p50} / ${result.drawCallCpuMs.p95} ms`],
      ['time to first frame', `${result.timeToFirstFrameMs} ms`],
      ['IIFE size (gzip)', `${kib(result.iifeBytes)} (${kib(result.iifeGzipBytes)})`],
    ],
    `Render benchmark — ${result.avatar}, ${result.view} view, ${result.viewport}, ${result.browser}`,
  );
  const out = join(ROOT, 'bench-results', 'render.json');
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
  console.log(`written to ${out}`);
} finally {
  await browser.close();
  server.close();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
