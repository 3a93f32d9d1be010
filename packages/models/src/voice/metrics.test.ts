import { describe, expect, it } from 'vitest';
import { VOICE_EMOTION_LABELS, type VoiceEmotionLabel } from '../../../sdk/src/perception/voice-emotion-labels';
import { scoreVoice } from './metrics';

const oneHot = (label: VoiceEmotionLabel, runnerUp?: VoiceEmotionLabel) =>
  VOICE_EMOTION_LABELS.map((l) => (l === label ? 0.6 : l === runnerUp ? 0.3 : 0.1 / 6));

describe('scoreVoice', () => {
  it('computes accuracy, macro-F1, recall, the confusion matrix and the 6-class accuracy', () => {
    const truth: VoiceEmotionLabel[] = ['angry', 'angry', 'happy', 'calm', 'sad'];
    const predictions = [oneHot('angry'), oneHot('happy'), oneHot('happy'), oneHot('calm'), oneHot('surprised', 'sad')];
    const report = scoreVoice(truth, predictions);
    expect(report.n).toBe(5);
    expect(report.accuracy).toBeCloseTo(3 / 5);
    expect(report.perClass.angry).toMatchObject({ recall: 0.5, precision: 1, n: 2 });
    expect(report.perClass.happy).toMatchObject({ recall: 1, precision: 0.5 });
    expect(report.perClass.sad).toMatchObject({ recall: 0, f1: 0 });
    // F1: angry 2/3, happy 2/3, calm 1, sad 0 → mean 7/12 (classes absent from the truth are left out).
    expect(report.macroF1).toBeCloseTo(7 / 12);
    const a = VOICE_EMOTION_LABELS.indexOf('angry');
    const h = VOICE_EMOTION_LABELS.indexOf('happy');
    expect(report.confusion.matrix[a]![h]).toBe(1);
    // 6-class: calm is dropped; sad's runner-up wins once surprised is out of the choice.
    expect(report.accuracy6).toBeCloseTo(3 / 4);
  });
});
