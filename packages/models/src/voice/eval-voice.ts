/**
 * `pnpm eval:voice <dir> [--json FILE] [--model FILE] [--sessions [--seed S]]`: scores the
 * voice-emotion model on a folder of `<label>/<clip>.wav` with the SDK's own code
 * (`VoiceEmotion`: the same feature extractor and ONNX Runtime Web, here on its Node WASM
 * build). Prints accuracy, macro-F1, per-class recall and the confusion matrix; `--json`
 * writes `{ n, accuracy, macroF1, perClass, confusion, accuracy6 }` (plus per-corpus
 * figures when the file names reveal RAVDESS/EmoDB speakers).
 *
 * Default: every clip on its own (no speaker adaptation), the figure for an unknown folder.
 * `--sessions`: each speaker's clips (speaker from the file name, `dataset.ts`) are replayed
 * as one conversation in a fixed pseudo-random order (`sessions.ts`, seed S, default 1)
 * through the same `VoiceEmotion` with speaker adaptation on (`resetSpeaker()` between
 * speakers), and the report adds accuracy by position in the session (`byPosition`:
 * the 1st utterance, the 2nd–5th, the 6th on), overall and per corpus.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VoiceEmotion } from '../../../sdk/src/perception/voice-emotion';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { corpusOf, readClipFolder } from './dataset';
import { scoreVoice, type VoiceEvalReport } from './metrics';
import { VOICE_MODEL_PATH } from './paths';
import { POSITION_BUCKETS, positionBucket, replaySessions } from './sessions';

// pnpm runs package scripts in the package folder; paths on the command line are the caller's.
const callerDir = process.env['INIT_CWD'] ?? process.cwd();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'string' }, model: { type: 'string' }, sessions: { type: 'boolean', default: false }, seed: { type: 'string', default: '1' } },
});
if (positionals.length !== 1) {
  console.error('usage: pnpm eval:voice <dir> [--json FILE] [--model FILE] [--sessions [--seed S]]   (<dir>/<label>/<clip>.wav)');
  process.exit(2);
}
const dir = resolve(callerDir, positionals[0]!);
const modelPath = values.model ? resolve(callerDir, values.model) : VOICE_MODEL_PATH;

const clips = readClipFolder(dir, (why) => console.warn(`skipped: ${why}`));
if (clips.length === 0) {
  console.error(`no <label>/*.wav clips under ${dir}`);
  process.exit(1);
}
const sessions = values.sessions;
const seed = Number(values.seed);
const model = await VoiceEmotion.fromBytes(new Uint8Array(readFileSync(modelPath)), { speakerAdaptation: sessions });
if (sessions && !model.adaptsToSpeaker) console.warn(`note: ${modelPath} has no speaker-adaptation inputs; the sessions replay scores it per clip`);
const probabilities: Float64Array[] = new Array(clips.length);
/** 0-based position of each clip in its speaker's session (sessions mode). */
const position: number[] = new Array(clips.length).fill(0);
let latency = 0;
const replay = sessions ? replaySessions(clips.map((c) => c.speaker), seed) : [{ speaker: '', order: clips.map((_, i) => i) }];
for (const { order } of replay) {
  model.resetSpeaker();
  for (const [n, i] of order.entries()) {
    const estimate = await model.classify(clips[i]!.samples);
    if (sessions && model.adaptsToSpeaker && estimate.speakerUtterances !== n) throw new Error(`replay out of step: clip ${n} of a session adapted to ${estimate.speakerUtterances} utterances`);
    latency += estimate.latencyMs;
    position[i] = n;
    probabilities[i] = Float64Array.from(VOICE_EMOTION_LABELS, (label) => estimate.probabilities[label]);
  }
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

/** Accuracy by position in the session, over the clips in `indices`. */
const byPositionOf = (indices: number[]) =>
  Object.fromEntries(
    POSITION_BUCKETS.map(({ name }) => {
      const inBucket = indices.filter((i) => positionBucket(position[i]!) === name);
      const r = scoreVoice(
        inBucket.map((i) => clips[i]!.label),
        inBucket.map((i) => probabilities[i]!),
      );
      return [name, { n: r.n, accuracy: r.accuracy }];
    }),
  );
const corpusIndices = (corpus: string) => clips.flatMap((c, i) => (corpusOf(c.speaker) === corpus ? [i] : []));
const byPosition = sessions ? byPositionOf(clips.map((_, i) => i)) : undefined;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const positionLine = (p: Record<string, { n: number; accuracy: number }>) => Object.entries(p).map(([name, { n, accuracy }]) => `${name} ${pct(accuracy)} (n=${n})`).join(', ');
console.log(`voice emotion on ${dir}: ${report.n} clips, model ${modelPath} (${model.backend})`);
console.log(sessions ? `mode: sessions (${replay.length} speakers, replay seed ${seed}, speaker adaptation ${model.adaptsToSpeaker ? 'on' : 'unavailable'})` : 'mode: per clip (no speaker adaptation)');
console.log(`accuracy ${pct(report.accuracy)}  macro-F1 ${pct(report.macroF1)}  6-class accuracy ${pct(report.accuracy6)}`);
if (byPosition) console.log(`  by position in the session: ${positionLine(byPosition)}`);
for (const [corpus, r] of Object.entries(byCorpus)) {
  console.log(`  ${corpus}: ${r.n} clips, accuracy ${pct(r.accuracy)}, macro-F1 ${pct(r.macroF1)}, 6-class ${pct(r.accuracy6)}`);
  if (sessions) console.log(`    by position: ${positionLine(byPositionOf(corpusIndices(corpus)))}`);
}
console.log('per-class recall:');
for (const [label, m] of Object.entries(report.perClass)) console.log(`  ${label.padEnd(10)} ${pct(m.recall).padStart(6)}  (n=${m.n}, precision ${pct(m.precision)}, F1 ${pct(m.f1)})`);
console.log('confusion (rows: true, columns: predicted):');
const short = report.confusion.labels.map((l) => l.slice(0, 5).padStart(6));
console.log(`${''.padEnd(10)}${short.join('')}`);
report.confusion.matrix.forEach((row, i) => console.log(`${report.confusion.labels[i]!.padEnd(10)}${row.map((v) => String(v).padStart(6)).join('')}`));
console.log(`mean latency (features + inference): ${(latency / clips.length).toFixed(1)} ms per clip`);
if (values.json) {
  const file = resolve(callerDir, values.json);
  const sessionFields = sessions
    ? { mode: 'sessions', seed, speakerAdaptation: model.adaptsToSpeaker, byPosition, byCorpusPosition: Object.fromEntries(Object.keys(byCorpus).map((c) => [c, byPositionOf(corpusIndices(c))])) }
    : {};
  writeFileSync(file, `${JSON.stringify({ ...report, byCorpus, ...sessionFields }, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
await model.dispose();
