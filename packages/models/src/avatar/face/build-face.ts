import { MeshPart } from '../mesh-part.js';
import { EXPRESSION_NAMES, controlsOf } from '../expressions.js';
import type { Vec3 } from '../math.js';
import { buildBrows } from './brows.js';
import { buildEars } from './ears.js';
import { buildEyelids } from './eyelids.js';
import { buildEyeballs } from './eyes.js';
import { eyeRegionNormals } from './eye-region-normals.js';
import type { FaceLayout } from './face-layout.js';
import { mergeParts, type FacePart } from './face-part.js';
import { REST_CONTROLS, deformFace } from './face-rig.js';
import { buildHeadSkin } from './head-skin.js';
import { buildLips } from './lips.js';
import { buildMouthInterior } from './mouth-interior.js';

/** The face split by mesh: `morphing` carries every expression; `eyes` turn with the eye bones. */
export interface FaceMeshes {
  morphing: MeshPart[];
  eyes: MeshPart[];
}

/** Builds all face parts and evaluates every expression on them (model space). */
export function buildFace(l: FaceLayout, headCenter: Vec3): FaceMeshes {
  const skin = buildHeadSkin(l);
  const { lids, lashes } = buildEyelids(l);
  const skinParts: FacePart[] = [
    { name: 'head', material: 'skin', vertices: skin.vertices, indices: skin.indices },
    ...lids,
    ...buildEars(l),
  ];
  const interior = buildMouthInterior(l);
  const skinPart = mergeParts('skin', skinParts);
  const faceParts: FacePart[] = [
    skinPart,
    mergeParts('brows', buildBrows(l)),
    buildLips(l),
    mergeParts('lashes', lashes),
    ...interior.filter((p) => p.material !== 'teeth'),
    mergeParts('teeth', interior.filter((p) => p.material === 'teeth')),
  ];
  const toModel = (p: Vec3): Vec3 => [p[0] + headCenter[0], p[1] + headCenter[1], p[2] + headCenter[2]];
  const morphing = faceParts.map((fp) => {
    const part = new MeshPart(fp.name, fp.material);
    const normals = fp === skinPart ? eyeRegionNormals(l, fp) : null;
    fp.vertices.forEach((v, i) => part.addVertex(toModel(deformFace(l, v, REST_CONTROLS)), [['head', 1]], normals?.[i]));
    part.indices.push(...fp.indices);
    for (const name of EXPRESSION_NAMES) {
      const controls = controlsOf(name);
      part.morphs.set(
        name,
        fp.vertices.map((v) => toModel(deformFace(l, v, controls))),
      );
    }
    return part;
  });
  return { morphing, eyes: buildEyeballs(l, headCenter) };
}
