/**
 * `pnpm bench:face`: cost of face perception in headless Chromium (WASM), on the built SDK.
 * - latency per frame (landmarks + emotion, flip on) p50/p95 at 640×480, video mode, a face
 *   photo from ../shared/eval/faces moving slightly each frame;
 * - the avatar's frame time with perception off, then on (analysing at its default 15 fps).
 * Options: --frames N (avatar frames per phase, default 300). Writes bench-results/face.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { ROOT } from '../support/paths';
import { startStaticServer } from '../support/static-server';
import { percentile, printTable } from './stats';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '300' } } });
const frames = Number(values.frames);
const PORT = 4184;
const server = await startStaticServer(PORT);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
  await page.goto(`http://127.0.0.1:${PORT}/empty.html`);
  const measured = await page.evaluate(async (frames) => {
    const w = window as any;
    const element = document.createElement('digital-human') as HTMLElement & { human: any };
    element.setAttribute('seed', '1');
    await new Promise((resolve) => {
      element.addEventListener('ready', resolve);
      document.body.append(element);
    });
    const frameTimes = () =>
      new Promise<number[]>((resolve) => {
        const stamps: number[] = [];
        const off = element.human.on('frame', () => {
          stamps.push(performance.now());
          if (stamps.length > frames) {
            off();
            resolve(stamps.slice(1).map((t, i) => t - stamps[i]!));
          }
        });
      });
    const off = await frameTimes();

    const perception = new w.Digimens.FacePerception({ landmarkerBaseUrl: '/shared/models/mediapipe/', preferWebGpu: false });
    await perception.load('video');
    const photo = await createImageBitmap(await (await fetch('/shared/eval/faces/happy/0121b01.jpg')).blob());
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 480 });
    const ctx = canvas.getContext('2d')!;
    const latencies: number[] = [];
    let running = true;
    let n = 0;
    // The camera loop's pacing (15 fps, one analysis at a time), on a synthetic 640×480 frame.
    const loop = async () => {
      while (running) {
        const started = performance.now();
        ctx.fillStyle = '#777';
        ctx.fillRect(0, 0, 640, 480);
        ctx.drawImage(photo, 160 + 10 * Math.sin(n / 5), 100, 300, 300);
        const a = await perception.analyze(canvas, 640, 480, started);
        if (n++ > 3 && a.face) latencies.push(a.landmarksMs + a.emotionMs);
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 / 15 - (performance.now() - started))));
      }
    };
    const looping = loop();
    await new Promise((r) => setTimeout(r, 1000));
    const on = await frameTimes();
    running = false;
    await looping;
    perception.dispose();
    return { off, on, latencies, backend: perception.backend };
  }, frames);

  const s = (v: number[]) => ({ p50: round(percentile(v, 50)), p95: round(percentile(v, 95)) });
  const fps = (v: number[]) => round(1000 / (v.reduce((a, b) => a + b, 0) / v.length));
  const result = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL, WASM inference)`,
    perceptionLatencyMs: s(measured.latencies),
    analysedFrames: measured.latencies.length,
    avatarFrameMsOff: s(measured.off),
    avatarFrameMsOn: s(measured.on),
    avatarFpsOff: fps(measured.off),
    avatarFpsOn: fps(measured.on),
    fpsCostPercent: round((1 - fps(measured.on) / fps(measured.off)) * 100),
  };
  printTable(
    [
      ['perception latency p50 / p95 (landmarks + emotion, 640×480)', `${result.perceptionLatencyMs.p50} / ${result.perceptionLatencyMs.p95} ms (${result.analysedFrames} frames)`],
      ['avatar frame time off: p50 / p95', `${result.avatarFrameMsOff.p50} / ${result.avatarFrameMsOff.p95} ms (${result.avatarFpsOff} fps)`],
      ['avatar frame time on: p50 / p95', `${result.avatarFrameMsOn.p50} / ${result.avatarFrameMsOn.p95} ms (${result.avatarFpsOn} fps)`],
      ['frame-rate cost of perception', `${result.fpsCostPercent} %`],
    ],
    `Face perception benchmark — ${result.browser}`,
  );
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'face.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
