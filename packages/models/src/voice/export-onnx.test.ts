import { describe, expect, it } from 'vitest';
import { VoiceEmotion } from '../../../sdk/src/perception/voice-emotion';
import { VOICE_EMOTION_CIRCUMPLEX, VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT } from '../../../sdk/src/perception/voice-features';
import { seededRandom } from '../../../sdk/src/util/random';
import { adaptationWeight, speakerReference } from '../../../sdk/src/perception/voice-speaker-adaptation';
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

  describe('with a speaker-adaptation branch', () => {
    // A second toy network standing in for the speaker-normalised branch.
    const shift = x.map((r) => Float64Array.from(r, (v) => v - 11.5));
    const adaptedStandardiser = fitStandardiser(shift);
    const adaptedRows = shift.map((r) => standardise(adaptedStandardiser, r));
    const adaptedWeights = trainMlp(adaptedRows, y, Array(8).fill(1), { ...options, seed: 3 });
    const branch = { network: adaptedWeights, standardiser: adaptedStandardiser, shrinkage: 2, blend: 1 };
    const adaptive = exportVoiceEmotionOnnx(weights, standardiser, {}, branch);

    it('cold start: before any utterance it gives exactly the single-input model’s output', async () => {
      const cold = await VoiceEmotion.fromBytes(bytes);
      const model = await VoiceEmotion.fromBytes(adaptive);
      expect(cold.adaptsToSpeaker).toBe(false);
      expect(model.adaptsToSpeaker).toBe(true);
      for (const i of [0, 7, 42]) {
        const a = await cold.predict(Float32Array.from(x[i]!));
        const b = await model.predict(Float32Array.from(x[i]!));
        expect(b.speakerUtterances).toBe(0);
        expect(b.probabilities).toEqual(a.probabilities);
        expect([b.valence, b.arousal]).toEqual([a.valence, a.arousal]);
      }
      await Promise.all([cold.dispose(), model.dispose()]);
    });

    it('adapts: after utterances the graph blends the branch on features minus the shrunk speaker mean', async () => {
      const model = await VoiceEmotion.fromBytes(adaptive);
      const heard = [3, 9, 20].map((i) => Float32Array.from(x[i]!));
      for (const f of heard) model['speaker'].add(f);
      expect(model.speakerUtterances).toBe(3);
      const mean = Float64Array.from(heard[0]!, (_, f) => heard.reduce((s, h) => s + h[f]!, 0) / 3);
      const reference = speakerReference(mean, 3, standardiser.mean, 2);
      for (const i of [0, 42]) {
        const row = Float32Array.from(x[i]!);
        const pCold = predictMlp(weights, standardise(standardiser, row));
        const pAdapted = predictMlp(adaptedWeights, standardise(adaptedStandardiser, Float64Array.from(row, (v, f) => v - reference[f]!)));
        const w = adaptationWeight(3, 1);
        const estimate = await model.predict(row);
        expect(estimate.speakerUtterances).toBe(3);
        VOICE_EMOTION_LABELS.forEach((label, k) => expect(estimate.probabilities[label]).toBeCloseTo(pCold[k]! + w * (pAdapted[k]! - pCold[k]!), 4));
      }
      await model.dispose();
    });

    it('classify adds each utterance after judging it; resetSpeaker starts over; adaptation can be switched off', async () => {
      const tone = (hz: number) => Float32Array.from({ length: 8000 }, (_, i) => 0.2 * Math.sin((2 * Math.PI * hz * i) / 16_000));
      const model = await VoiceEmotion.fromBytes(adaptive);
      const first = await model.classify(tone(150));
      expect(first.speakerUtterances).toBe(0);
      expect((await model.classify(tone(220))).speakerUtterances).toBe(1);
      expect((await model.classify(tone(300))).speakerUtterances).toBe(2);
      model.resetSpeaker();
      expect(model.speakerUtterances).toBe(0);
      const again = await model.classify(tone(150));
      expect(again.speakerUtterances).toBe(0);
      expect(again.probabilities).toEqual(first.probabilities);
      // A reset while an utterance is being judged: that utterance is not the new speaker's.
      const pending = model.classify(tone(220));
      model.resetSpeaker();
      await pending;
      expect(model.speakerUtterances).toBe(0);
      const off = await VoiceEmotion.fromBytes(adaptive, { speakerAdaptation: false });
      expect(off.adaptsToSpeaker).toBe(false);
      await off.classify(tone(150));
      expect((await off.classify(tone(220))).speakerUtterances).toBe(0);
      await Promise.all([model.dispose(), off.dispose()]);
    });

    it('is deterministic with the branch too', () => {
      expect(Buffer.from(exportVoiceEmotionOnnx(weights, standardiser, {}, branch)).equals(Buffer.from(adaptive))).toBe(true);
    });
  });
});
