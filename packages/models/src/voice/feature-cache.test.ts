import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clip } from './dataset';
import { extractFeaturesCached, featureCacheKey } from './feature-cache';
import { extractFeatures } from './recipe';

const tone = (hz: number) => Float32Array.from({ length: 8000 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 16_000) + 0.01 * Math.sin(i));
const clips: Clip[] = [
  { path: '/x/happy/a.wav', label: 'happy', speaker: 'a', samples: tone(180) },
  { path: '/x/sad/b.wav', label: 'sad', speaker: 'b', samples: tone(120) },
];

describe('extractFeaturesCached', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voice-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exactly what extractFeatures gives, fresh and from the cache', () => {
    const fresh = extractFeatures(clips, [1, 0.9]);
    const first = extractFeaturesCached(clips, [1, 0.9], { dir });
    expect(readdirSync(dir)).toHaveLength(1);
    const lines: string[] = [];
    const cached = extractFeaturesCached(clips, [1, 0.9], { dir, log: (l) => lines.push(l) });
    expect(lines.join()).toMatch(/read from cache/);
    for (const set of [first, cached]) {
      expect(set.clip).toEqual(fresh.clip);
      expect(set.speed).toEqual(fresh.speed);
      expect(set.label).toEqual(fresh.label);
      set.features.forEach((f, i) => expect(Array.from(f)).toEqual(Array.from(fresh.features[i]!)));
    }
  });

  it('keys on the clips’ samples, labels and the speeds', () => {
    const key = featureCacheKey(clips, [1]);
    expect(featureCacheKey(clips, [1, 0.9])).not.toBe(key);
    expect(featureCacheKey([clips[0]!, { ...clips[1]!, label: 'angry' }], [1])).not.toBe(key);
    const changed = Float32Array.from(clips[1]!.samples);
    changed[100] = changed[100]! + 1e-6;
    expect(featureCacheKey([clips[0]!, { ...clips[1]!, samples: changed }], [1])).not.toBe(key);
    expect(featureCacheKey(clips, [1])).toBe(key);
  });
});
