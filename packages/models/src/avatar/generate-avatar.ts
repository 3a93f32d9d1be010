import { EXPRESSIONS, EXPRESSION_NAMES } from './expressions.js';
import { buildFace } from './face/build-face.js';
import { buildFaceLayout } from './face/face-layout.js';
import { buildGlasses } from './glasses.js';
import { buildHair } from './hair.js';
import { buildMaterials } from './materials.js';
import type { MeshPart } from './mesh-part.js';
import { buildArms, buildNeck, buildTorso } from './body.js';
import type { AvatarParameters } from './parameters.js';
import { buildSkeleton } from './skeleton.js';
import { validateParameters } from './validate.js';
import { writeVrm, type AvatarMesh } from './vrm/write-vrm.js';

/** Options that do not change the avatar's look. */
export interface GenerateOptions {
  /** Name written into the VRM meta. */
  title?: string;
}

/**
 * Generates a VRM 1.0 avatar (GLB bytes) from parameters; missing parameters take their
 * defaults. Deterministic: the same parameters give byte-identical files. Runs in Node and in
 * the browser (no Node APIs). Asynchronous only because gltf-transform's writer is.
 */
export async function generateAvatar(params: Partial<AvatarParameters> = {}, options: GenerateOptions = {}): Promise<Uint8Array> {
  const p = validateParameters(params);
  const layout = buildFaceLayout(p);
  const eyeLocal = layout.eyeCenter;
  const skeleton = buildSkeleton(p, {
    left: eyeLocal,
    right: [-eyeLocal[0], eyeLocal[1], eyeLocal[2]],
  });
  const hc = skeleton.headCenter;
  const face = buildFace(layout, hc);
  const arms = buildArms(skeleton);
  const body: MeshPart[] = [buildTorso(skeleton), arms.sleeves, buildNeck(skeleton), arms.hands];
  const hair = buildHair(p.hairStyle, layout, hc, p.hairVolume);
  if (hair) body.push(hair);
  if (p.glasses) body.push(buildGlasses(layout, hc));
  const meshes: AvatarMesh[] = [
    { name: 'Face', parts: face.morphing, morphNames: EXPRESSION_NAMES },
    { name: 'Eyes', parts: face.eyes, morphNames: [] },
    { name: 'Body', parts: body, morphNames: [] },
  ];
  return writeVrm({
    title: options.title ?? 'Digimens avatar',
    skeleton,
    meshes,
    materials: buildMaterials(p),
    expressions: EXPRESSIONS,
    expressionMesh: 'Face',
    eyeMidpoint: [hc[0], hc[1] + eyeLocal[1], hc[2] + eyeLocal[2]],
  });
}
