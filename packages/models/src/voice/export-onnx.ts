import { VOICE_EMOTION_CIRCUMPLEX, VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT, VOICE_FEATURE_NAMES } from '../../../sdk/src/perception/voice-features';
import type { MlpWeights } from './mlp';
import { encodeOnnxModel } from './onnx-proto';
import { STANDARD_CLIP, type Standardiser } from './standardise';

/**
 * The voice-emotion ONNX graph:
 *
 * features[N,F] → (x − mean) · scale → clip ±5 → Gemm → ReLU → Gemm → Softmax → probabilities[N,8]
 *                                                                      probabilities · circumplex → valence_arousal[N,2]
 *
 * Standardisation lives in the graph so the model file alone defines what it expects
 * (the raw vector of `voice-features.ts`), and valence/arousal come from the same graph.
 */
export function exportVoiceEmotionOnnx(weights: MlpWeights, standardiser: Standardiser, metadata: Record<string, string>): Uint8Array {
  if (weights.inputs !== VOICE_FEATURE_COUNT) throw new Error(`model expects ${weights.inputs} features, the extractor gives ${VOICE_FEATURE_COUNT}`);
  const circumplex = VOICE_EMOTION_LABELS.flatMap((label) => [VOICE_EMOTION_CIRCUMPLEX[label].valence, VOICE_EMOTION_CIRCUMPLEX[label].arousal]);
  return encodeOnnxModel({
    name: 'voice_emotion',
    producer: 'digimens train:voice',
    opset: 13,
    inputs: [{ name: 'features', dims: ['batch', VOICE_FEATURE_COUNT] }],
    outputs: [
      { name: 'probabilities', dims: ['batch', weights.classes] },
      { name: 'valence_arousal', dims: ['batch', 2] },
    ],
    initializers: [
      { name: 'mean', dims: [weights.inputs], data: standardiser.mean },
      { name: 'scale', dims: [weights.inputs], data: standardiser.scale },
      { name: 'clip_min', dims: [], data: [-STANDARD_CLIP] },
      { name: 'clip_max', dims: [], data: [STANDARD_CLIP] },
      { name: 'w1', dims: [weights.hidden, weights.inputs], data: weights.w1 },
      { name: 'b1', dims: [weights.hidden], data: weights.b1 },
      { name: 'w2', dims: [weights.classes, weights.hidden], data: weights.w2 },
      { name: 'b2', dims: [weights.classes], data: weights.b2 },
      { name: 'circumplex', dims: [weights.classes, 2], data: circumplex },
    ],
    nodes: [
      { op: 'Sub', inputs: ['features', 'mean'], outputs: ['centred'] },
      { op: 'Mul', inputs: ['centred', 'scale'], outputs: ['standardised'] },
      { op: 'Clip', inputs: ['standardised', 'clip_min', 'clip_max'], outputs: ['clipped'] },
      { op: 'Gemm', inputs: ['clipped', 'w1', 'b1'], outputs: ['hidden_pre'], attributes: { transB: 1 } },
      { op: 'Relu', inputs: ['hidden_pre'], outputs: ['hidden'] },
      { op: 'Gemm', inputs: ['hidden', 'w2', 'b2'], outputs: ['logits'], attributes: { transB: 1 } },
      { op: 'Softmax', inputs: ['logits'], outputs: ['probabilities'], attributes: { axis: 1 } },
      { op: 'MatMul', inputs: ['probabilities', 'circumplex'], outputs: ['valence_arousal'] },
    ],
    metadata: {
      labels: VOICE_EMOTION_LABELS.join(','),
      features: VOICE_FEATURE_NAMES.join(','),
      ...metadata,
    },
  });
}
