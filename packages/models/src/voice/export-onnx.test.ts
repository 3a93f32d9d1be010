import { describe, expect, it } from 'vitest';
import { VoiceEmotion } from '../../../sdk/src/perception/voice-emotion';
import { VOICE_EMOTION_CIRCUMPLEX, VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT } from '../../../sdk/src/perception/voice-features';
import { seededRandom } from '../../../sdk/src/util/random';
import { exportVoiceEmotionOnnx } from './export-onnx';
import { mergeEnsemble, predictMlp, trainMlp } from './mlp';
import { fitStandardiser, standardise } from './standardise';

/** A small separable problem: class c has its mean shifted along feature c. */
function toyData(n: number) {
  const random = seededRandom(11);
  const y = Array.from({ length: n }, (_, i) => i % VOICE_EMOTION_LABELS.length);
  const x = y.map((c) => Float64Array.from({ length: VOICE_FEATURE_COUNT }, (_, f) => 10 + 3 * random() + (f === c ? 4 : 0)));
  return { x, y };
}

describe('voice-emotion ONNX export', () => {
  const { x, y } = toyData(160);
  const standardiser = fitStandardiser(x);
  const rows = x.map((r) => standardise(standardiser, r));
  const options = { hidden: 8, epochs: 30, batchSize: 16, learningRate: 5e-3, weightDecay: 0, inputDropout: 0, hiddenDropout: 0, labelSmoothing: 0, inputNoise: 0, seed: 1 };
  const weights = mergeEnsemble([trainMlp(rows, y, Array(8).fill(1), options), trainMlp(rows, y, Array(8).fill(1), { ...options, seed: 2 })]);
  const bytes = exportVoiceEmotionOnnx(weights, standardiser, {});

  it('trains: the toy problem is learnt', () => {
    const correct = rows.filter((r, i) => {
      const p = predictMlp(weights, r);
      return p.indexOf(Math.max(...p)) === y[i];
    }).length;
    expect(correct / rows.length).toBeGreaterThan(0.9);
  });

  it('runs in ONNX Runtime Web and matches the TypeScript network (standardisation in the graph)', async () => {
    const model = await VoiceEmotion.fromBytes(bytes);
    for (const i of [0, 7, 42]) {
      const expected = predictMlp(weights, rows[i]!);
      const estimate = await model.predict(Float32Array.from(x[i]!));
      VOICE_EMOTION_LABELS.forEach((label, k) => expect(estimate.probabilities[label]).toBeCloseTo(expected[k]!, 4));
      // Valence/arousal: the probability-weighted circumplex, computed in the graph.
      const valence = VOICE_EMOTION_LABELS.reduce((sum, label, k) => sum + expected[k]! * VOICE_EMOTION_CIRCUMPLEX[label].valence, 0);
      expect(estimate.valence).toBeCloseTo(valence, 4);
    }
    await model.dispose();
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const again = exportVoiceEmotionOnnx(mergeEnsemble([trainMlp(rows, y, Array(8).fill(1), options), trainMlp(rows, y, Array(8).fill(1), { ...options, seed: 2 })]), standardiser, {});
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
