/**
 * The eight voice-emotion classes (RAVDESS's set; EmoDB contributes six of them), in the
 * order of the model's output vector.
 */
export const VOICE_EMOTION_LABELS = ['neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'] as const;

/** One voice-emotion class. */
export type VoiceEmotionLabel = (typeof VOICE_EMOTION_LABELS)[number];

/**
 * Where each class sits on Russell's circumplex (valence, arousal, both in [−1, 1]), after
 * the placements in Posner, Russell & Peterson (2005), the same points the face emotion
 * uses (face-affect.ts) so fused estimates agree; `calm` (voice only) is pleasant and low
 * in arousal. The model's valence/arousal outputs are the probability-weighted mean of
 * these points: only as good as the class probabilities, but smooth when the label is
 * uncertain.
 */
export const VOICE_EMOTION_CIRCUMPLEX: Readonly<Record<VoiceEmotionLabel, { valence: number; arousal: number }>> = {
  neutral: { valence: 0, arousal: 0 },
  calm: { valence: 0.4, arousal: -0.6 },
  happy: { valence: 0.8, arousal: 0.4 },
  sad: { valence: -0.7, arousal: -0.4 },
  angry: { valence: -0.6, arousal: 0.7 },
  fearful: { valence: -0.6, arousal: 0.6 },
  disgusted: { valence: -0.7, arousal: 0.2 },
  surprised: { valence: 0.2, arousal: 0.8 },
};
