import { VOICE_FEATURE_COUNT } from './voice-features';

/**
 * Running statistics of one speaker's voice features over a session, for the voice-emotion
 * model's speaker adaptation (docs/models/voice-emotion.md, "Speaker adaptation").
 *
 * Emotion shifts a voice's pitch, loudness dynamics and spectrum, but so does who is
 * speaking: a person with a high, lively voice sounds "aroused" to a model that compares
 * them with the average speaker. Over a conversation the model can instead compare each
 * utterance with that person's own average. This object keeps that average: the mean of
 * the raw feature vectors (`voice-features.ts`) of the utterances heard so far. The
 * model graph shrinks it toward the population mean for the first few utterances and
 * weighs its speaker-normalised branch by the count, so with no utterance heard
 * (`count === 0`) the model gives exactly its per-utterance ("cold") output.
 *
 * Only utterances heard before the one being classified count: {@link VoiceEmotion}
 * classifies first and adds the utterance afterwards.
 */
export class SpeakerFeatureStats {
  private readonly sum = new Float64Array(VOICE_FEATURE_COUNT);
  private heard = 0;

  /** Utterances added since the last {@link reset}. */
  get count(): number {
    return this.heard;
  }

  /** Adds one utterance's feature vector. Non-finite vectors are ignored. */
  add(features: ArrayLike<number>): void {
    if (features.length !== VOICE_FEATURE_COUNT) throw new RangeError(`expected ${VOICE_FEATURE_COUNT} features, got ${features.length}`);
    for (let i = 0; i < features.length; i++) if (!Number.isFinite(features[i]!)) return;
    for (let i = 0; i < features.length; i++) this.sum[i] = this.sum[i]! + features[i]!;
    this.heard++;
  }

  /** Mean feature vector of the utterances heard (all zeros when none). */
  mean(): Float32Array {
    const out = new Float32Array(VOICE_FEATURE_COUNT);
    if (this.heard === 0) return out;
    for (let i = 0; i < out.length; i++) out[i] = this.sum[i]! / this.heard;
    return out;
  }

  /** Forgets the speaker: the next utterance is classified as by a stranger. */
  reset(): void {
    this.sum.fill(0);
    this.heard = 0;
  }
}

/**
 * The speaker reference the adaptive model subtracts from an utterance's features: the
 * running mean shrunk toward the population mean, `(count·mean + k·population) / (count + k)`.
 * The ONNX graph computes the same from its `speaker_mean` and `speaker_count` inputs; the
 * trainer uses this function, so training and inference agree.
 */
export function speakerReference(mean: ArrayLike<number>, count: number, population: ArrayLike<number>, shrinkage: number): Float64Array {
  return Float64Array.from({ length: population.length }, (_, i) => (count * mean[i]! + shrinkage * population[i]!) / (count + shrinkage));
}

/** Weight of the speaker-normalised branch after `count` utterances: `count / (count + k)`. */
export function adaptationWeight(count: number, blend: number): number {
  return count / (count + blend);
}
