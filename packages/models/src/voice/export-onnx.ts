import { VOICE_EMOTION_CIRCUMPLEX, VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT, VOICE_FEATURE_NAMES } from '../../../sdk/src/perception/voice-features';
import { OnnxGraphBuilder } from '../onnx/graph-builder';
import type { MlpWeights } from './mlp';
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
  const graph = new OnnxGraphBuilder();
  const constant = (name: string, shape: number[], data: ArrayLike<number>) => graph.constant(name, { shape, data: Float32Array.from(data) });

  const centred = graph.node('Sub', ['features', constant('mean', [weights.inputs], standardiser.mean)], {}, 'centred');
  const standardised = graph.node('Mul', [centred, constant('scale', [weights.inputs], standardiser.scale)], {}, 'standardised');
  const clipped = graph.node('Clip', [standardised, constant('clip_min', [], [-STANDARD_CLIP]), constant('clip_max', [], [STANDARD_CLIP])], {}, 'clipped');
  const hiddenPre = graph.node('Gemm', [clipped, constant('w1', [weights.hidden, weights.inputs], weights.w1), constant('b1', [weights.hidden], weights.b1)], { transB: 1 }, 'hidden_pre');
  const hidden = graph.node('Relu', [hiddenPre], {}, 'hidden');
  const logits = graph.node('Gemm', [hidden, constant('w2', [weights.classes, weights.hidden], weights.w2), constant('b2', [weights.classes], weights.b2)], { transB: 1 }, 'logits');
  const probabilities = graph.node('Softmax', [logits], { axis: 1 }, 'probabilities');
  graph.node('MatMul', [probabilities, constant('circumplex', [weights.classes, 2], circumplex)], {}, 'valence_arousal');

  return graph.build({
    name: 'voice_emotion',
    doc: 'Voice emotion from gain-invariant utterance features (digimens train:voice): 8 class probabilities and valence/arousal.',
    inputs: [{ name: 'features', shape: ['batch', VOICE_FEATURE_COUNT] }],
    outputs: [
      { name: 'probabilities', shape: ['batch', weights.classes] },
      { name: 'valence_arousal', shape: ['batch', 2] },
    ],
    metadata: {
      labels: VOICE_EMOTION_LABELS.join(','),
      features: VOICE_FEATURE_NAMES.join(','),
      ...metadata,
    },
  });
}
