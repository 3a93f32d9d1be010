import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MODEL_MANIFEST } from '../../../sdk/src/models/manifest';
import { buildFaceExpressionModel, buildMiniXceptionModel } from './face-model-sources';

// The SDK refuses a model whose sha256 differs from its manifest: the converter's output
// must be byte-for-byte what the manifest lists (update both together).
describe('converted models match the SDK manifest', () => {
  it.each([
    ['faceExpression', buildFaceExpressionModel],
    ['emotionMiniXception', buildMiniXceptionModel],
  ] as const)('%s', (key, build) => {
    const model = build();
    const entry = MODEL_MANIFEST[key];
    expect(model.file).toBe(entry.file);
    expect(model.bytes.byteLength).toBe(entry.size);
    expect(createHash('sha256').update(model.bytes).digest('hex')).toBe(entry.sha256);
  });
});
