/**
 * `pnpm eval:voice <dir> [--json FILE] [--model FILE]`: scores the voice-emotion model on
 * a folder of `<label>/<clip>.wav` with the SDK's own code (`VoiceEmotion`: the same
 * feature extractor and ONNX Runtime Web, here on its Node WASM build). Prints accuracy,
 * macro-F1, per-class recall and the confusion matrix; `--json` writes
 * `{ n, accuracy, macroF1, perClass, confusion, accuracy6 }` (plus per-corpus figures when
 * the file names reveal RAVDESS/EmoDB speakers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VoiceEmotion } from '../../../sdk/src/perception/voice-emotion';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { corpusOf, readClipFolder } from './dataset';
import { scoreVoice, type VoiceEvalReport } from './metrics';
import { VOICE_MODEL_PATH } from './paths';

// pnpm runs package scripts in the package folder; paths on the command line are the caller's.
const callerDir = process.env['INIT_CWD'] ?? process.cwd();
const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'string' }, model: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: pnpm eval:voice <dir> [--json FILE] [--model FILE]   (<dir>/<label>/<clip>.wav)');
  process.exit(2);
}
const dir = resolve(callerDir, positionals[0]!);
const modelPath = values.model ? resolve(callerDir, values.model) : VOICE_MODEL_PATH;

const clips = readClipFolder(dir, (why) => console.warn(`skipped: ${why}`));
if (clips.length === 0) {
  console.error(`no <label>/*.wav clips under ${dir}`);
  process.exit(1);
}
const model = await VoiceEmotion.fromBytes(new Uint8Array(readFileSync(modelPath)));
const probabilities: Float64Array[] = [];
let latency = 0;
for (const clip of clips) {
  const estimate = await model.classify(clip.samples);
  latency += estimate.latencyMs;
  probabilities.push(Float64Array.from(VOICE_EMOTION_LABELS, (label) => estimate.probabilities[label]));
}
const report = scoreVoice(
  clips.map((c) => c.label),
  probabilities,
);
const byCorpus: Record<string, VoiceEvalReport> = {};
for (const corpus of [...new Set(clips.map((c) => corpusOf(c.speaker)))].sort()) {
  const indices = clips.flatMap((c, i) => (corpusOf(c.speaker) === corpus ? [i] : []));
  byCorpus[corpus] = scoreVoice(
    indices.map((i) => clips[i]!.label),
    indices.map((i) => probabilities[i]!),
  );
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`voice emotion on ${dir}: ${report.n} clips, model ${modelPath} (${model.backend})`);
console.log(`accuracy ${pct(report.accuracy)}  macro-F1 ${pct(report.macroF1)}  6-class accuracy ${pct(report.accuracy6)}`);
for (const [corpus, r] of Object.entries(byCorpus)) console.log(`  ${corpus}: ${r.n} clips, accuracy ${pct(r.accuracy)}, macro-F1 ${pct(r.macroF1)}, 6-class ${pct(r.accuracy6)}`);
console.log('per-class recall:');
for (const [label, m] of Object.entries(report.perClass)) console.log(`  ${label.padEnd(10)} ${pct(m.recall).padStart(6)}  (n=${m.n}, precision ${pct(m.precision)}, F1 ${pct(m.f1)})`);
console.log('confusion (rows: true, columns: predicted):');
const short = report.confusion.labels.map((l) => l.slice(0, 5).padStart(6));
console.log(`${''.padEnd(10)}${short.join('')}`);
report.confusion.matrix.forEach((row, i) => console.log(`${report.confusion.labels[i]!.padEnd(10)}${row.map((v) => String(v).padStart(6)).join('')}`));
console.log(`mean latency (features + inference): ${(latency / clips.length).toFixed(1)} ms per clip`);
if (values.json) {
  const file = resolve(callerDir, values.json);
  writeFileSync(file, `${JSON.stringify({ ...report, byCorpus }, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
await model.dispose();
