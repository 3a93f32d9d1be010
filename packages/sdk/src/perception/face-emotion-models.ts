import { MODEL_MANIFEST } from '../models/manifest';
import type { ModelEntry } from '../models/model-entry';
import type { Emotion } from './face-affect';

/** How a facial-emotion classifier wants its input and orders its output. */
export interface EmotionModelSpec {
  entry: ModelEntry;
  /** Side of the square input (pixels). */
  inputSize: number;
  /** `rgb255`: [N,3,S,S] RGB 0–255; `grey-signed`: [N,1,S,S] luma (BT.601) in -1…1. */
  input: 'rgb255' | 'grey-signed';
  /** Emotion of each output, in order. */
  labels: readonly Emotion[];
}

/** The converted classifiers (see packages/models/src/face and docs/models/face-emotion.md). */
export const EMOTION_MODELS = {
  /** face-api's faceExpressionNet: the stronger one (the default). */
  'face-expression': {
    entry: MODEL_MANIFEST.faceExpression,
    inputSize: 112,
    input: 'rgb255',
    labels: ['neutral', 'happy', 'sad', 'angry', 'fearful', 'disgusted', 'surprised'],
  },
  /** @vladmandic/human's mini-Xception: small and fast, weaker on photos. */
  'mini-xception': {
    entry: MODEL_MANIFEST.emotionMiniXception,
    inputSize: 64,
    input: 'grey-signed',
    labels: ['angry', 'disgusted', 'fearful', 'happy', 'sad', 'surprised', 'neutral'],
  },
} as const satisfies Record<string, EmotionModelSpec>;

export type EmotionModelName = keyof typeof EMOTION_MODELS;
