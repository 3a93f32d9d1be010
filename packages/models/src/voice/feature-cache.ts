import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT } from '../../../sdk/src/perception/voice-features';
import type { Clip } from './dataset';
import { REPO_ROOT } from './paths';
import { extractFeatures, type FeatureSet } from './recipe';

/** Where cached feature sets live (git-ignored). */
export const FEATURE_CACHE_DIR = resolve(REPO_ROOT, 'packages/models/.cache/voice-features');

/**
 * Source files whose content decides the feature values: the extractor, its FFT and
 * resampler (also used for the speed copies), and the recipe's extraction loop and this
 * file. A change to any of them gives a new key, so a stale vector is never read.
 */
const FEATURE_SOURCES = [
  'packages/sdk/src/perception/voice-features.ts',
  'packages/sdk/src/perception/audio-fft.ts',
  'packages/sdk/src/perception/audio-resample.ts',
  'packages/models/src/voice/recipe.ts',
  'packages/models/src/voice/feature-cache.ts',
];

/** Cache key: feature code, speeds, and every clip's path, label and decoded samples. */
export function featureCacheKey(clips: readonly Clip[], speeds: readonly number[]): string {
  const hash = createHash('sha256');
  for (const file of FEATURE_SOURCES) hash.update(file).update(readFileSync(resolve(REPO_ROOT, file)));
  hash.update(JSON.stringify(speeds));
  for (const clip of clips) {
    hash.update(`${relative(REPO_ROOT, clip.path)}\0${clip.label}\0${clip.samples.length}\0`);
    hash.update(new Uint8Array(clip.samples.buffer, clip.samples.byteOffset, clip.samples.byteLength));
  }
  return hash.digest('hex');
}

/**
 * {@link extractFeatures}, read from / written to a file under {@link FEATURE_CACHE_DIR}
 * keyed by {@link featureCacheKey}. The cached vectors are the float32 values the
 * extractor returned, so a cached run computes exactly what a fresh one would.
 */
export function extractFeaturesCached(
  clips: readonly Clip[],
  speeds: readonly number[],
  options: { dir?: string; log?: (line: string) => void } = {},
): FeatureSet {
  const log = options.log ?? (() => {});
  const file = resolve(options.dir ?? FEATURE_CACHE_DIR, `${featureCacheKey(clips, speeds)}.f32`);
  const rows = clips.length * speeds.length;
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    if (bytes.byteLength === rows * VOICE_FEATURE_COUNT * 4) {
      const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const set: FeatureSet = { clip: [], speed: [], features: [], label: [] };
      let row = 0;
      clips.forEach((clip, index) => {
        for (const speed of speeds) {
          set.clip.push(index);
          set.speed.push(speed);
          set.features.push(all.slice(row * VOICE_FEATURE_COUNT, (row + 1) * VOICE_FEATURE_COUNT));
          set.label.push(VOICE_EMOTION_LABELS.indexOf(clip.label));
          row++;
        }
      });
      log(`features read from cache ${relative(REPO_ROOT, file)}`);
      return set;
    }
  }
  const set = extractFeatures(clips, speeds);
  const all = new Float32Array(rows * VOICE_FEATURE_COUNT);
  set.features.forEach((f, i) => all.set(f, i * VOICE_FEATURE_COUNT));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, all);
  renameSync(`${file}.tmp`, file);
  log(`features cached in ${relative(REPO_ROOT, file)}`);
  return set;
}
