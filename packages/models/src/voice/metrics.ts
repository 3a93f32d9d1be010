import { VOICE_EMOTION_LABELS, type VoiceEmotionLabel } from '../../../sdk/src/perception/voice-emotion-labels';

/** Recall, precision, F1 and support of one class. */
export interface ClassMetrics {
  recall: number;
  precision: number;
  f1: number;
  n: number;
}

/** The `pnpm eval:voice --json` report (the interface others rely on). */
export interface VoiceEvalReport {
  n: number;
  accuracy: number;
  /** Mean F1 over the classes present in the data. */
  macroF1: number;
  perClass: Partial<Record<VoiceEmotionLabel, ClassMetrics>>;
  /** `confusion[true][predicted]` counts; labels in {@link VOICE_EMOTION_LABELS} order. */
  confusion: { labels: readonly VoiceEmotionLabel[]; matrix: number[][] };
  /** Accuracy over clips of the six core classes, predicting among those six only. */
  accuracy6: number;
}

/** The six classes both corpora share (no calm, no surprised). */
export const CORE_LABELS: readonly VoiceEmotionLabel[] = ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted'];

/**
 * Scores predictions. `probabilities[i]` is the model output (in {@link VOICE_EMOTION_LABELS}
 * order) for clip i. The 6-class accuracy renormalises each output over the six core
 * classes and drops calm and surprised clips, which is how a six-class model would be
 * scored on the same data.
 */
export function scoreVoice(truth: readonly VoiceEmotionLabel[], probabilities: readonly ArrayLike<number>[]): VoiceEvalReport {
  const labels = VOICE_EMOTION_LABELS;
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  let correct6 = 0;
  let n6 = 0;
  const core = CORE_LABELS.map((l) => labels.indexOf(l));
  truth.forEach((label, i) => {
    const p = probabilities[i]!;
    const t = labels.indexOf(label);
    const predicted = argmax(p, labels.map((_, k) => k));
    matrix[t]![predicted]!++;
    if (predicted === t) correct++;
    if (core.includes(t)) {
      n6++;
      if (argmax(p, core) === t) correct6++;
    }
  });
  const perClass: Partial<Record<VoiceEmotionLabel, ClassMetrics>> = {};
  const f1s: number[] = [];
  labels.forEach((label, k) => {
    const n = matrix[k]!.reduce((a, b) => a + b, 0);
    if (n === 0) return;
    const tp = matrix[k]![k]!;
    const predictedAs = matrix.reduce((sum, row) => sum + row[k]!, 0);
    const recall = tp / n;
    const precision = predictedAs ? tp / predictedAs : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[label] = { recall, precision, f1, n };
    f1s.push(f1);
  });
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0,
    perClass,
    confusion: { labels, matrix },
    accuracy6: n6 ? correct6 / n6 : 0,
  };
}

function argmax(p: ArrayLike<number>, among: readonly number[]): number {
  let best = among[0]!;
  for (const k of among) if (p[k]! > p[best]!) best = k;
  return best;
}
