/**
 * `pnpm bench:voice [--dir DIR] [--limit N]`: cost and behaviour of the voice pipeline,
 * with the SDK's own classes on ONNX Runtime Web's WASM backend (its Node build: the same
 * WASM binary a browser runs, single-threaded, as in a page without cross-origin isolation).
 *
 * - Emotion latency per second of audio: feature extraction + inference (`VoiceEmotion.classify`),
 *   and the ONNX inference alone.
 * - VAD latency per second of audio (Silero VAD v5, 512-sample frames).
 * - Speech-onset delay and false triggers of `SpeechDetector` (default settings) on the dev
 *   clips, each preceded by 1 s of faint noise (−60 dBFS) so every clip has a lead-in. The
 *   reference onset/offset is where the clip's 10 ms frame energy first/last comes within
 *   25 dB of its loudest frame (held ≥ 50 ms). A false trigger is a `speech-start` whose run
 *   begins more than 150 ms before the reference onset or after the reference offset. The
 *   same is counted for a naive detector that starts on one speech frame.
 *
 * Prints tables and writes bench-results/voice.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MODEL_MANIFEST } from '../../packages/sdk/src/models/manifest';
import { SpeechDetector, type SpeechStartEvent } from '../../packages/sdk/src/perception/vad';
import { SileroVad, VAD_FRAME_SAMPLES } from '../../packages/sdk/src/perception/vad-silero';
import { VoiceEmotion } from '../../packages/sdk/src/perception/voice-emotion';
import { VoiceFeatureExtractor } from '../../packages/sdk/src/perception/voice-features';
import { readClipFolder, type Clip } from '../../packages/models/src/voice/dataset';
import { seededRandom } from '../../packages/sdk/src/util/random';
import { ROOT, SHARED } from '../support/paths';
import { percentile, printTable } from './stats';

const { values } = parseArgs({ options: { dir: { type: 'string', default: join(SHARED, 'eval/speech/dev') }, limit: { type: 'string' } } });
const clips = readClipFolder(values.dir!).filter((_, i, all) => !values.limit || i % Math.ceil(all.length / Number(values.limit)) === 0);
const audioSeconds = clips.reduce((sum, c) => sum + c.samples.length / 16_000, 0);
console.log(`${clips.length} clips, ${audioSeconds.toFixed(0)} s of audio from ${values.dir}`);

const sdkModels = join(ROOT, 'packages/sdk');
const emotion = await VoiceEmotion.fromBytes(new Uint8Array(readFileSync(join(sdkModels, 'public/models/voice-emotion.onnx'))));
const vadBytes = new Uint8Array(readFileSync(join(sdkModels, 'node_modules/@ricky0123/vad-web/dist', MODEL_MANIFEST.sileroVad.file)));

// --- Emotion latency ---------------------------------------------------------------------
await emotion.classify(clips[0]!.samples); // warm-up (JIT, WASM instantiation)
let emotionMs = 0;
const perClipMs: number[] = [];
/** ms per second of audio, per clip: its median is robust to other jobs on a shared machine. */
const perSecondMs: number[] = [];
for (const clip of clips) {
  const t0 = performance.now();
  await emotion.classify(clip.samples);
  const ms = performance.now() - t0;
  emotionMs += ms;
  perClipMs.push(ms);
  perSecondMs.push(ms / (clip.samples.length / 16_000));
}
const features = new VoiceFeatureExtractor().extract(clips[0]!.samples);
const runs = 500;
const t0 = performance.now();
for (let i = 0; i < runs; i++) await emotion.predict(features);
const inferenceMs = (performance.now() - t0) / runs;

// --- VAD latency, onset delay, false triggers --------------------------------------------
const vad = await SileroVad.fromBytes(vadBytes);
const LEAD_S = 1;
const random = seededRandom(3);
let vadMs = 0;
let vadSeconds = 0;
const onsetDelays: number[] = [];
const confirmDelays: number[] = [];
let missed = 0;
const falseTriggers = { default: 0, naive: 0 };
for (const clip of clips) {
  const input = withLeadIn(clip, random);
  const reference = referenceSpan(clip.samples);
  const onsetMs = LEAD_S * 1000 + reference.onsetMs;
  const offsetMs = LEAD_S * 1000 + reference.offsetMs;
  // One Silero pass per clip; both detectors replay its probabilities.
  vad.reset();
  const probabilities: number[] = [];
  for (let i = 0; i + VAD_FRAME_SAMPLES <= input.length; i += VAD_FRAME_SAMPLES) {
    const start = performance.now();
    probabilities.push(await vad.probability(input.subarray(i, i + VAD_FRAME_SAMPLES)));
    vadMs += performance.now() - start;
    vadSeconds += VAD_FRAME_SAMPLES / 16_000;
  }
  const starts = await detect(probabilities, 3);
  const naive = await detect(probabilities, 1);
  const isFalse = (s: SpeechStartEvent) => s.atMs < onsetMs - 150 || s.atMs > offsetMs;
  falseTriggers.default += starts.filter(isFalse).length;
  falseTriggers.naive += naive.filter(isFalse).length;
  const first = starts.find((s) => !isFalse(s));
  if (!first) missed++;
  else {
    onsetDelays.push(first.atMs - onsetMs);
    confirmDelays.push(first.detectedAtMs - onsetMs);
  }
}

const results = {
  clips: clips.length,
  audioSeconds,
  emotion: {
    msPerAudioSecond: emotionMs / audioSeconds,
    msPerAudioSecondP50: percentile(perSecondMs, 50),
    perClipMsP50: percentile(perClipMs, 50),
    perClipMsP95: percentile(perClipMs, 95),
    inferenceOnlyMsPerUtterance: inferenceMs,
    backend: emotion.backend,
  },
  vad: {
    msPerAudioSecond: vadMs / vadSeconds,
    msPerFrame: vadMs / (vadSeconds / (VAD_FRAME_SAMPLES / 16_000)),
    onsetDelayMsP50: percentile(onsetDelays, 50),
    onsetDelayMsP95: percentile(onsetDelays, 95),
    confirmDelayMsP50: percentile(confirmDelays, 50),
    confirmDelayMsP95: percentile(confirmDelays, 95),
    missedUtterances: missed,
    falseTriggers: falseTriggers.default,
    falseTriggersNaiveOneFrame: falseTriggers.naive,
  },
};
const f = (x: number, digits = 1) => x.toFixed(digits);
printTable(
  [
    ['emotion: features + inference per s of audio, mean / p50 of clips', `${f(results.emotion.msPerAudioSecond, 2)} / ${f(results.emotion.msPerAudioSecondP50, 2)} ms`],
    ['emotion: per utterance p50 / p95', `${f(results.emotion.perClipMsP50)} / ${f(results.emotion.perClipMsP95)} ms`],
    ['emotion: ONNX inference alone per utterance (= per s of a 1 s utterance)', `${f(inferenceMs, 3)} ms`],
    ['VAD: per s of audio', `${f(results.vad.msPerAudioSecond)} ms`],
    ['VAD: per 32 ms frame', `${f(results.vad.msPerFrame, 2)} ms`],
    ['VAD: onset delay (run start − reference) p50 / p95', `${f(results.vad.onsetDelayMsP50, 0)} / ${f(results.vad.onsetDelayMsP95, 0)} ms`],
    ['VAD: confirmed (speech-start event) p50 / p95', `${f(results.vad.confirmDelayMsP50, 0)} / ${f(results.vad.confirmDelayMsP95, 0)} ms`],
    ['VAD: utterances missed', `${missed} of ${clips.length}`],
    ['VAD: false triggers (3 consecutive frames)', `${falseTriggers.default}`],
    ['VAD: false triggers (naive, 1 frame)', `${falseTriggers.naive}`],
  ],
  `voice pipeline, ONNX Runtime Web WASM (Node ${process.version}, single thread)`,
);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/voice.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results/voice.json');
await Promise.all([emotion.dispose(), vad.dispose()]);

/** Replays per-frame probabilities through a SpeechDetector with default settings; returns its starts. */
async function detect(probabilities: number[], startFrames: number): Promise<SpeechStartEvent[]> {
  let i = 0;
  const detector = new SpeechDetector(async () => probabilities[i++]!, { startFrames });
  const starts: SpeechStartEvent[] = [];
  detector.on('speech-start', (s) => starts.push(s));
  for (let k = 0; k < probabilities.length; k++) await detector.push(new Float32Array(VAD_FRAME_SAMPLES), (k * VAD_FRAME_SAMPLES) / 16);
  await detector.flush();
  return starts;
}

/** The clip after LEAD_S of faint white noise (−60 dBFS RMS). */
function withLeadIn(clip: Clip, rand: () => number): Float32Array {
  const lead = LEAD_S * 16_000;
  const out = new Float32Array(lead + clip.samples.length);
  for (let i = 0; i < lead; i++) out[i] = (rand() - 0.5) * 2 * Math.sqrt(3) * 1e-3;
  out.set(clip.samples, lead);
  return out;
}

/** Reference speech span of a clip from its 10 ms frame energies (see the header). */
function referenceSpan(samples: Float32Array): { onsetMs: number; offsetMs: number } {
  const hop = 160;
  const energies: number[] = [];
  for (let i = 0; i + hop <= samples.length; i += hop) {
    let e = 0;
    for (let k = i; k < i + hop; k++) e += samples[k]! ** 2;
    energies.push(10 * Math.log10(e / hop + 1e-12));
  }
  const threshold = Math.max(...energies) - 25;
  const held = (t: number) => energies.slice(t, t + 5).every((e) => e >= threshold);
  const onset = energies.findIndex((_, t) => held(t));
  let offset = onset;
  for (let t = energies.length - 5; t >= 0; t--) {
    if (held(t)) {
      offset = t + 5;
      break;
    }
  }
  return { onsetMs: onset * 10, offsetMs: offset * 10 };
}
