import { speakerReference } from '../../../sdk/src/perception/voice-speaker-adaptation';
import { seededRandom } from '../../../sdk/src/util/random';
import type { MlpTrainOptions } from './mlp';
import { type TrainedVoiceModel, trainVoiceModel } from './recipe';

/**
 * Session speaker adaptation (docs/models/voice-emotion.md, "Speaker adaptation"): a
 * second network sees each utterance's features minus the speaker's reference (the mean of
 * that speaker's utterances heard before it, shrunk toward the population mean by
 * `shrinkage` pseudo-utterances), and its probabilities are blended into the cold model's
 * with weight count / (count + blend).
 */
export interface AdaptationOptions {
  /** Pseudo-utterances of population mean added to the speaker mean (shrinkage). */
  shrinkage: number;
  /** Blend constant: weight of the adapted branch = count / (count + blend). */
  blend: number;
  /** Simulated speaker references per training row. */
  draws: number;
  /** Seed of the simulation (which clips make each reference). */
  seed: number;
}

export const ADAPTATION: AdaptationOptions = { shrinkage: 2, blend: 1, draws: 1, seed: 101 };

/**
 * Speaker-normalised training rows: for row i of group g (a speaker at one speed: a
 * speed copy sounds like another speaker, so its reference comes from the same speaker's
 * clips at the same speed), `draws` times pick n of the group's other rows (n uniform in
 * 1…N−1 half the time, log-uniform the other half, so short sessions are well covered),
 * and subtract their shrunk mean. The row itself is never part of its own reference, as
 * in a session, where the utterance being classified has not been added yet.
 */
export function speakerNormalisedRows(
  features: readonly ArrayLike<number>[],
  groups: readonly string[],
  population: ArrayLike<number>,
  options: AdaptationOptions,
): { rows: Float64Array[]; source: number[] } {
  const random = seededRandom(options.seed);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const d = population.length;
  const rows: Float64Array[] = [];
  const source: number[] = [];
  features.forEach((row, i) => {
    const others = members.get(groups[i]!)!.filter((j) => j !== i);
    for (let draw = 0; draw < options.draws; draw++) {
      const most = others.length;
      const n = most === 0 ? 0 : random() < 0.5 ? 1 + Math.floor(random() * most) : Math.min(most, Math.floor(Math.exp(random() * Math.log(most + 1))));
      // Partial Fisher–Yates: the first n of a shuffled copy.
      const pool = others.slice();
      const mean = new Float64Array(d);
      for (let k = 0; k < n; k++) {
        const pick = k + Math.floor(random() * (pool.length - k));
        [pool[k], pool[pick]] = [pool[pick]!, pool[k]!];
        const other = features[pool[k]!]!;
        for (let f = 0; f < d; f++) mean[f] = mean[f]! + other[f]! / n;
      }
      const reference = speakerReference(mean, n, population, options.shrinkage);
      rows.push(Float64Array.from(row, (v, f) => v - reference[f]!));
      source.push(i);
    }
  });
  return { rows, source };
}

/** The cold model and the speaker-normalised branch, trained on the same rows. */
export interface TrainedAdaptiveVoiceModel {
  cold: TrainedVoiceModel;
  adapted: TrainedVoiceModel;
  adaptation: AdaptationOptions;
}

/** Trains the cold model (exactly {@link trainVoiceModel}) and then the adapted branch. */
export function trainAdaptiveVoiceModel(
  features: readonly Float32Array[],
  labels: readonly number[],
  groups: readonly string[],
  options: MlpTrainOptions,
  ensembleSize: number,
  adaptation: AdaptationOptions = ADAPTATION,
  onMember: (branch: 'cold' | 'adapted', k: number) => void = () => {},
): TrainedAdaptiveVoiceModel {
  const cold = trainVoiceModel(features, labels, options, ensembleSize, (k) => onMember('cold', k));
  const { rows, source } = speakerNormalisedRows(features, groups, cold.standardiser.mean, adaptation);
  const adapted = trainVoiceModel(
    rows,
    source.map((i) => labels[i]!),
    options,
    ensembleSize,
    (k) => onMember('adapted', k),
  );
  return { cold, adapted, adaptation };
}
