/**
 * `pnpm bench:face`: cost of face perception in headless Chromium (WASM), on the built SDK,
 * through the real pipeline: Chromium's fake camera plays a face photo from
 * ../shared/eval/faces as 640×480 video at 10 fps, and `FacePerception.start()` runs as a page
 * would (face worker, latest-frame-wins loop, 20 Hz emotion clock).
 * - latency per analysed frame with a face, as the page waits for it, p50/p95: to the emotion
 *   reading (detector + crop + emotion) and to the whole analysis (then the face mesh);
 * - the avatar's frame time with perception off, then on and off again for several rounds
 *   (each "on" between two "off" phases, so drift from other load on the machine shows as
 *   spread between rounds); the cost per round and their median;
 * - analyses and emotion events per second while on.
 * Options: --frames N (avatar frames per phase, default 200); --rounds R (on/off rounds,
 * default 3); --busy-share S (FacePerception's `busyShare`, default: the SDK's). Writes
 * bench-results/face.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { writeFakeCameraVideo } from '../support/fake-camera';
import { ROOT, SHARED } from '../support/paths';
import { serverOrigin, startStaticServer } from '../support/static-server';
import { percentile, printTable } from './stats';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' }, 'busy-share': { type: 'string' } } });
const frames = Number(values.frames);
const rounds = Number(values.rounds);
const pacing = values['busy-share'] === undefined ? {} : { busyShare: Number(values['busy-share']) };
// Outside test-results/, which a concurrent Playwright run empties when it starts.
const VIDEO = join(tmpdir(), `digimens-bench-face-camera-${process.pid}.y4m`);
writeFakeCameraVideo(VIDEO, [{ image: join(SHARED, 'eval/faces/happy/0121b01.jpg'), seconds: 4 }], { width: 640, height: 480 });

const server = await startStaticServer(0);
const origin = serverOrigin(server);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${VIDEO}`],
});
try {
  const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('crash', () => console.error('page crashed'));
  // tsx (esbuild keepNames) wraps named functions inside page.evaluate in `__name(…)`, a helper
  // that exists only in Node: give the page a no-op one.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.goto(`${origin}/empty.html`);
  const measured = await page.evaluate(async ({ frames, pacing, rounds }) => {
    const w = window as any;
    const element = document.createElement('digital-human') as HTMLElement & { human: any };
    element.setAttribute('seed', '1');
    await new Promise((resolve) => {
      element.addEventListener('ready', resolve);
      document.body.append(element);
    });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
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

    const perception = new w.Digimens.FacePerception({ landmarkerBaseUrl: '/shared/models/mediapipe/', preferWebGpu: false, camera: { width: 640, height: 480, frameRate: 10 }, ...pacing });
    // Time each analysis as the page sees it (frame copy, transfer, worker, result back): to
    // the emotion reading (detector + crop + classifier) and to the face mesh's result. Only
    // while `recording`: the first analyses after each start are warm-up.
    let recording = false;
    const latencies: number[] = [];
    const emotionLatencies: number[] = [];
    const inWorker: Array<{ detectorMs: number; emotionMs: number; landmarksMs: number }> = [];
    const analyze = perception.analyze.bind(perception);
    perception.analyze = async (source: unknown, width: number, height: number, timestamp: number, options: { onEmotion?: (reading: unknown) => void } = {}) => {
      const t0 = performance.now();
      const onEmotion = (reading: unknown) => {
        if (reading && recording) emotionLatencies.push(performance.now() - t0);
        options.onEmotion?.(reading);
      };
      const result = await analyze(source, width, height, timestamp, { ...options, onEmotion });
      if (!recording) return result;
      if (result.face) latencies.push(performance.now() - t0);
      if (result.face && result.classifier) inWorker.push({ detectorMs: result.detectorMs, emotionMs: result.emotionMs, landmarksMs: result.landmarksMs });
      return result;
    };
    let emotions = 0;
    perception.on('emotion', () => recording && emotions++);
    const degraded: string[] = [];
    perception.on('degraded', (d: { reason: string }) => degraded.push(d.reason));

    // off, then (on, off) × rounds: every "on" phase has an "off" phase on each side, so
    // drift in the machine's other load shows as spread between rounds instead of as cost.
    const off = [await frameTimes()];
    const on: number[][] = [];
    let onSeconds = 0;
    for (let round = 0; round < rounds; round++) {
      await perception.start();
      await sleep(2000);
      recording = true;
      const t0 = performance.now();
      on.push(await frameTimes());
      onSeconds += (performance.now() - t0) / 1000;
      recording = false;
      perception.stop();
      await sleep(1000);
      off.push(await frameTimes());
    }
    perception.dispose();
    const rates = { analysesPerSecond: latencies.length / onSeconds, emotionsPerSecond: emotions / onSeconds };
    return { off, on, latencies, emotionLatencies, inWorker, rates, degraded, busyShare: perception.options.busyShare };
  }, { frames, pacing, rounds });
  if (measured.degraded.length) throw new Error(`perception degraded: ${measured.degraded.join('; ')}`);

  const s = (v: number[]) => ({ p50: round(percentile(v, 50)), p95: round(percentile(v, 95)) });
  const fps = (v: number[]) => round(1000 / (v.reduce((a, b) => a + b, 0) / v.length));
  // Each round's cost against the mean of the two "off" phases around it.
  const costPerRound = measured.on.map((on, i) => round((1 - fps(on) / ((fps(measured.off[i]!) + fps(measured.off[i + 1]!)) / 2)) * 100));
  const result = {
    date: new Date().toISOString(),
    browser: `Chromium ${browser.version()} (headless, SwiftShader WebGL, WASM inference, 2 shared cores)`,
    busyShare: measured.busyShare,
    rounds,
    perceptionLatencyMs: s(measured.latencies),
    emotionLatencyMs: s(measured.emotionLatencies),
    inWorkerMsP50: {
      detector: round(percentile(measured.inWorker.map((t) => t.detectorMs), 50)),
      emotion: round(percentile(measured.inWorker.map((t) => t.emotionMs), 50)),
      landmarks: round(percentile(measured.inWorker.map((t) => t.landmarksMs), 50)),
    },
    analysedFrames: measured.latencies.length,
    analysesPerSecond: round(measured.rates.analysesPerSecond),
    emotionEventsPerSecond: round(measured.rates.emotionsPerSecond),
    avatarFrameMsOff: s(measured.off.flat()),
    avatarFrameMsOn: s(measured.on.flat()),
    avatarFpsOffPhases: measured.off.map(fps),
    avatarFpsOnPhases: measured.on.map(fps),
    fpsCostPercentPerRound: costPerRound,
    fpsCostPercent: round(percentile(costPerRound, 50)),
  };
  printTable(
    [
      ['emotion reading p50 / p95 (detector + crop + emotion, 640×480)', `${result.emotionLatencyMs.p50} / ${result.emotionLatencyMs.p95} ms (${measured.emotionLatencies.length} frames)`],
      ['whole analysis p50 / p95 (then the face mesh)', `${result.perceptionLatencyMs.p50} / ${result.perceptionLatencyMs.p95} ms (${result.analysedFrames} frames)`],
      ['in the worker p50: detector / crop + emotion / mesh', `${result.inWorkerMsP50.detector} / ${result.inWorkerMsP50.emotion} / ${result.inWorkerMsP50.landmarks} ms`],
      ['analyses / emotion events per second (perception on)', `${result.analysesPerSecond} / ${result.emotionEventsPerSecond}`],
      ['avatar frame time off / on: p50 / p95', `${result.avatarFrameMsOff.p50} / ${result.avatarFrameMsOff.p95} ms, ${result.avatarFrameMsOn.p50} / ${result.avatarFrameMsOn.p95} ms`],
      ['avatar fps, phase by phase (off, on, off, …)', result.avatarFpsOffPhases.flatMap((off, i) => [off, result.avatarFpsOnPhases[i]]).filter((v) => v !== undefined).join(' / ')],
      ['frame-rate cost of perception per round (vs the off phases around it)', `${result.fpsCostPercentPerRound.join(' / ')} %`],
      ['frame-rate cost of perception, median of rounds', `${result.fpsCostPercent} %`],
    ],
    `Face perception benchmark — ${result.browser}, busyShare ${result.busyShare}`,
  );
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'face.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
  rmSync(VIDEO, { force: true });
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
