import { VOICE_EMOTION_CIRCUMPLEX, VOICE_EMOTION_LABELS } from '../../../sdk/src/perception/voice-emotion-labels';
import { VOICE_FEATURE_COUNT, VOICE_FEATURE_NAMES } from '../../../sdk/src/perception/voice-features';
import { OnnxGraphBuilder } from '../onnx/graph-builder';
import type { MlpWeights } from './mlp';
import { STANDARD_CLIP, type Standardiser } from './standardise';

/** The speaker-adaptation branch of an adaptive model (see `adaptation.ts`). */
export interface AdaptationBranch {
  network: MlpWeights;
  standardiser: Standardiser;
  /** Pseudo-utterances of population mean in the speaker reference. */
  shrinkage: number;
  /** Weight of the branch = speaker_count / (speaker_count + blend). */
  blend: number;
}

/**
 * The voice-emotion ONNX graph:
 *
 * features[N,F] → (x − mean) · scale → clip ±5 → Gemm → ReLU → Gemm → Softmax → probabilities[N,8]
 *                                                                      probabilities · circumplex → valence_arousal[N,2]
 *
 * With an adaptation branch the graph takes two more inputs, `speaker_mean[N,F]` (mean
 * raw features of the utterances heard before this one in the session) and
 * `speaker_count[N,1]` (how many), and computes
 *
 * reference = (count · speaker_mean + k · mean) / (count + k)
 * adapted   = Softmax(MLP₂(clip(((features − reference) − mean₂) · scale₂)))
 * probabilities = cold + count / (count + blend) · (adapted − cold)
 *
 * so with count 0 the output is exactly the cold branch's.
 *
 * Standardisation lives in the graph so the model file alone defines what it expects
 * (the raw vector of `voice-features.ts`), and valence/arousal come from the same graph.
 */
export function exportVoiceEmotionOnnx(weights: MlpWeights, standardiser: Standardiser, metadata: Record<string, string>, adaptation?: AdaptationBranch): Uint8Array {
  if (weights.inputs !== VOICE_FEATURE_COUNT) throw new Error(`model expects ${weights.inputs} features, the extractor gives ${VOICE_FEATURE_COUNT}`);
  const circumplex = VOICE_EMOTION_LABELS.flatMap((label) => [VOICE_EMOTION_CIRCUMPLEX[label].valence, VOICE_EMOTION_CIRCUMPLEX[label].arousal]);
  const graph = new OnnxGraphBuilder();
  const constant = (name: string, shape: number[], data: ArrayLike<number>) => graph.constant(name, { shape, data: Float32Array.from(data) });

  let clipBounds: [string, string] | null = null;
  /**
   * standardise → clip ±5 → Gemm → ReLU → Gemm → Softmax, with every node and constant named
   * `prefix + name`. The clip bounds are shared and created at the first call, so a model
   * without adaptation keeps the constant order (and bytes) of earlier exports.
   */
  const mlpBranch = (prefix: string, input: string, standard: Standardiser, mlp: MlpWeights, output: string) => {
    const named = (name: string) => `${prefix}${name}`;
    const centred = graph.node('Sub', [input, constant(named('mean'), [mlp.inputs], standard.mean)], {}, named('centred'));
    const standardised = graph.node('Mul', [centred, constant(named('scale'), [mlp.inputs], standard.scale)], {}, named('standardised'));
    clipBounds ??= [constant('clip_min', [], [-STANDARD_CLIP]), constant('clip_max', [], [STANDARD_CLIP])];
    const clipped = graph.node('Clip', [standardised, ...clipBounds], {}, named('clipped'));
    const hiddenPre = graph.node('Gemm', [clipped, constant(named('w1'), [mlp.hidden, mlp.inputs], mlp.w1), constant(named('b1'), [mlp.hidden], mlp.b1)], { transB: 1 }, named('hidden_pre'));
    const hidden = graph.node('Relu', [hiddenPre], {}, named('hidden'));
    const logits = graph.node('Gemm', [hidden, constant(named('w2'), [mlp.classes, mlp.hidden], mlp.w2), constant(named('b2'), [mlp.classes], mlp.b2)], { transB: 1 }, named('logits'));
    return graph.node('Softmax', [logits], { axis: 1 }, output);
  };

  let probabilities: string;
  if (!adaptation) {
    probabilities = mlpBranch('', 'features', standardiser, weights, 'probabilities');
  } else {
    const a = adaptation.network;
    if (a.inputs !== VOICE_FEATURE_COUNT || a.classes !== weights.classes) throw new Error('adaptation branch has the wrong shape');
    const cold = mlpBranch('', 'features', standardiser, weights, 'probabilities_cold');
    const k = adaptation.shrinkage;
    const weightedMean = graph.node('Mul', ['speaker_mean', 'speaker_count'], {}, 'speaker_weighted_mean');
    const numerator = graph.node('Add', [weightedMean, constant('shrunk_population', [weights.inputs], Array.from(standardiser.mean, (m) => k * m))], {}, 'reference_numerator');
    const denominator = graph.node('Add', ['speaker_count', constant('shrinkage', [], [k])], {}, 'reference_denominator');
    const reference = graph.node('Div', [numerator, denominator], {}, 'speaker_reference');
    const relative = graph.node('Sub', ['features', reference], {}, 'speaker_relative');
    const adapted = mlpBranch('adapted_', relative, adaptation.standardiser, a, 'probabilities_adapted');
    const weight = graph.node('Div', ['speaker_count', graph.node('Add', ['speaker_count', constant('blend', [], [adaptation.blend])], {}, 'blend_denominator')], {}, 'adaptation_weight');
    const shift = graph.node('Mul', [weight, graph.node('Sub', [adapted, cold], {}, 'adaptation_delta')], {}, 'adaptation_shift');
    probabilities = graph.node('Add', [cold, shift], {}, 'probabilities');
  }
  graph.node('MatMul', [probabilities, constant('circumplex', [weights.classes, 2], circumplex)], {}, 'valence_arousal');

  return graph.build({
    name: 'voice_emotion',
    doc: adaptation
      ? 'Voice emotion from gain-invariant utterance features (digimens train:voice), adapted to the session speaker by their running feature mean: 8 class probabilities and valence/arousal.'
      : 'Voice emotion from gain-invariant utterance features (digimens train:voice): 8 class probabilities and valence/arousal.',
    inputs: [
      { name: 'features', shape: ['batch', VOICE_FEATURE_COUNT] },
      ...(adaptation
        ? [
            { name: 'speaker_mean', shape: ['batch', VOICE_FEATURE_COUNT] },
            { name: 'speaker_count', shape: ['batch', 1] },
          ]
        : []),
    ],
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
