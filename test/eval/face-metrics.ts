/** Labels the face eval knows; a folder with another name is refused. */
export const LABELS = ['neutral', 'happy', 'sad', 'angry', 'surprised', 'fearful', 'disgusted'] as const;

/** One image's outcome: `predicted` is null when no face was detected (counts as wrong). */
export interface Outcome {
  truth: string;
  predicted: string | null;
}

/** Accuracy, macro-F1 over the true labels present, per-class recall and the confusion matrix. */
export function classificationMetrics(outcomes: Outcome[]) {
  const labels = LABELS.filter((l) => outcomes.some((o) => o.truth === l));
  const confusion: Record<string, Record<string, number>> = {};
  for (const truth of labels) confusion[truth] = Object.fromEntries([...LABELS, 'none'].map((p) => [p, 0]));
  for (const o of outcomes) confusion[o.truth]![o.predicted ?? 'none']! += 1;
  const perClass: Record<string, number> = {};
  let f1Sum = 0;
  for (const label of labels) {
    const tp = confusion[label]![label] ?? 0;
    const actual = outcomes.filter((o) => o.truth === label).length;
    const predicted = outcomes.filter((o) => o.predicted === label).length;
    const recall = actual ? tp / actual : 0;
    const precision = predicted ? tp / predicted : 0;
    perClass[label] = round(recall);
    f1Sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const correct = outcomes.filter((o) => o.predicted === o.truth).length;
  return {
    n: outcomes.length,
    detected: outcomes.filter((o) => o.predicted !== null).length,
    accuracy: round(outcomes.length ? correct / outcomes.length : 0),
    macroF1: round(labels.length ? f1Sum / labels.length : 0),
    perClass,
    confusion,
  };
}

/**
 * Skin-tone group from the individual typology angle (Chardon et al. 1991; Del Bino &
 * Bernerd 2013 bins): very light > 55° > light > 41° > intermediate > 28° > tan > 10° >
 * brown > -30° > dark.
 */
export function itaGroup(ita: number | null): string {
  if (ita === null) return 'unknown';
  if (ita > 55) return 'very light (ITA>55)';
  if (ita > 41) return 'light (41-55)';
  if (ita > 28) return 'intermediate (28-41)';
  if (ita > 10) return 'tan (10-28)';
  if (ita > -30) return 'brown (-30-10)';
  return 'dark (<-30)';
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
