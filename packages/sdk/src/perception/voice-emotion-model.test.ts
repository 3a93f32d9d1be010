import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_MANIFEST } from '../models/manifest';
import { sha256Hex } from '../models/model-loader';
import { VoiceEmotion } from './voice-emotion';
import { VOICE_EMOTION_LABELS } from './voice-emotion-labels';
import { VoiceFeatureExtractor } from './voice-features';

const bytes = new Uint8Array(readFileSync(new URL('../../public/models/voice-emotion.onnx', import.meta.url)));

describe('the shipped voice-emotion model', () => {
  it('is the file the manifest describes (retrain → update the manifest entry)', async () => {
    expect(bytes.byteLength).toBe(MODEL_MANIFEST.voiceEmotion.size);
    expect(await sha256Hex(bytes)).toBe(MODEL_MANIFEST.voiceEmotion.sha256);
    expect(bytes.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('takes the extractor’s features and gives 8 probabilities plus valence/arousal', async () => {
    const model = await VoiceEmotion.fromBytes(bytes);
    const tone = Float32Array.from({ length: 16_000 }, (_, i) => 0.2 * Math.sin((2 * Math.PI * 180 * i) / 16_000));
    const estimate = await model.classify(tone);
    const total = VOICE_EMOTION_LABELS.reduce((sum, label) => sum + estimate.probabilities[label], 0);
    expect(total).toBeCloseTo(1, 4);
    expect(estimate.confidence).toBe(Math.max(...Object.values(estimate.probabilities)));
    expect(Math.abs(estimate.valence)).toBeLessThanOrEqual(1);
    expect(Math.abs(estimate.arousal)).toBeLessThanOrEqual(1);
    expect(estimate.durationMs).toBe(1000);
    await expect(model.predict(new VoiceFeatureExtractor().extract(tone).subarray(1))).rejects.toThrow(/expected \d+ features/);
    await model.dispose();
  });

  it('adapts to the session speaker, and its first utterance is judged as without adaptation', async () => {
    const model = await VoiceEmotion.fromBytes(bytes);
    const off = await VoiceEmotion.fromBytes(bytes, { speakerAdaptation: false });
    expect(model.adaptsToSpeaker).toBe(true);
    const tone = (hz: number) => Float32Array.from({ length: 16_000 }, (_, i) => 0.2 * Math.sin((2 * Math.PI * hz * i) / 16_000) * (1 + 0.5 * Math.sin((2 * Math.PI * 3 * i) / 16_000)));
    const first = await model.classify(tone(180));
    expect(first.probabilities).toEqual((await off.classify(tone(180))).probabilities);
    await model.classify(tone(240));
    const third = await model.classify(tone(180));
    expect(third.speakerUtterances).toBe(2);
    expect(third.probabilities).not.toEqual(first.probabilities);
    await Promise.all([model.dispose(), off.dispose()]);
  });
});
