import { Document, Logger, VertexLayout, WebIO, type Accessor, type Buffer, type Material, type Node } from '@gltf-transform/core';
import { MATERIAL_KEYS, type MaterialKey, type MaterialSpec } from '../materials.js';
import { computeNormals, type MeshPart } from '../mesh-part.js';
import { BONE_NAMES, type BoneName, type Skeleton } from '../skeleton.js';
import type { ExpressionDefinition } from '../expressions.js';
import type { Vec3 } from '../math.js';
import { MtoonExtension } from './mtoon-extension.js';
import { VrmcVrmExtension } from './vrmc-vrm-extension.js';

/** A mesh of the avatar: its primitives and, for the morphing face, the expression order. */
export interface AvatarMesh {
  name: string;
  parts: MeshPart[];
  /** Morph target names, in target order; every part must have a position set for each. */
  morphNames: readonly string[];
}

export interface VrmInput {
  title: string;
  skeleton: Skeleton;
  meshes: AvatarMesh[];
  materials: Record<MaterialKey, MaterialSpec>;
  expressions: Record<string, ExpressionDefinition>;
  /** Which mesh carries the expressions' morph targets. */
  expressionMesh: string;
  /** Between the eyes, model space; the look-at offset is taken from the head bone to here. */
  eyeMidpoint: Vec3;
}

/** Morph deltas below this (metres) are written as zero so sparse targets stay small. */
const DELTA_EPSILON = 2e-6;

/**
 * Builds the glTF document (skinned meshes, materials, VRM extensions) with gltf-transform and
 * serialises it as GLB. Everything is created in a fixed order from the input, so the same
 * input gives byte-identical output.
 */
export async function writeVrm(input: VrmInput): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Digimens avatar generator';
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Avatar');
  doc.getRoot().setDefaultScene(scene);

  const bones = createBones(doc, input.skeleton);
  const hips = bones.get('hips');
  if (!hips) throw new Error('skeleton has no hips');
  scene.addChild(hips);

  const skin = doc.createSkin('Armature').setSkeleton(hips);
  const ibm: number[] = [];
  for (const name of BONE_NAMES) {
    const node = bones.get(name);
    if (!node) throw new Error(`missing bone ${name}`);
    skin.addJoint(node);
    const [x, y, z] = input.skeleton.joints[name];
    ibm.push(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -x, -y, -z, 1);
  }
  skin.setInverseBindMatrices(accessor(doc, buffer, 'MAT4', new Float32Array(ibm)));

  const mtoon = doc.createExtension(MtoonExtension);
  // Materials are created on first use, in MATERIAL_KEYS order, so none is left unused.
  const used = new Set(input.meshes.flatMap((m) => m.parts.map((p) => p.material)));
  const materials = new Map<MaterialKey, Material>();
  for (const key of MATERIAL_KEYS) {
    if (!used.has(key)) continue;
    const spec = input.materials[key];
    const m = doc
      .createMaterial(key)
      .setBaseColorFactor([...spec.baseColor, 1])
      .setEmissiveFactor(spec.emissive)
      .setMetallicFactor(0)
      .setRoughnessFactor(1)
      .setDoubleSided(spec.doubleSided);
    mtoon.assign(m, spec);
    materials.set(key, m);
  }

  const meshNodes = new Map<string, Node>();
  for (const am of input.meshes) {
    const mesh = doc.createMesh(am.name);
    if (am.morphNames.length > 0) mesh.setExtras({ targetNames: [...am.morphNames] });
    for (const part of am.parts) {
      const material = materials.get(part.material);
      if (!material) throw new Error(`unknown material ${part.material}`);
      const prim = doc.createPrimitive().setMaterial(material);
      writeAttributes(doc, buffer, part, prim);
      for (const name of am.morphNames) {
        const target = part.morphs.get(name);
        if (!target) throw new Error(`part ${part.name} lacks morph ${name}`);
        const delta = new Float32Array(part.vertexCount * 3);
        target.forEach((p, i) => {
          const r = part.positions[i] ?? p;
          for (let k = 0; k < 3; k++) {
            const d = (p[k] ?? 0) - (r[k] ?? 0);
            delta[i * 3 + k] = Math.abs(d) < DELTA_EPSILON ? 0 : d;
          }
        });
        const t = doc.createPrimitiveTarget(name).setAttribute('POSITION', accessor(doc, buffer, 'VEC3', delta).setSparse(true));
        prim.addTarget(t);
      }
      mesh.addPrimitive(prim);
    }
    if (am.morphNames.length > 0) mesh.setWeights(am.morphNames.map(() => 0));
    const node = doc.createNode(am.name).setMesh(mesh).setSkin(skin);
    scene.addChild(node);
    meshNodes.set(am.name, node);
  }

  const faceNode = meshNodes.get(input.expressionMesh);
  const faceMesh = input.meshes.find((m) => m.name === input.expressionMesh);
  if (!faceNode || !faceMesh) throw new Error(`no mesh ${input.expressionMesh} for expressions`);
  const head = input.skeleton.joints.head;
  doc
    .createExtension(VrmcVrmExtension)
    .setRequired(false)
    .describe({
      meta: {
        name: input.title,
        version: '1.0',
        authors: ['Digimens avatar generator'],
        copyrightInformation: 'Generated by Digimens; free to use',
        licenseUrl: 'https://vrm.dev/licenses/1.0/',
        avatarPermission: 'everyone',
        allowExcessivelyViolentUsage: false,
        allowExcessivelySexualUsage: false,
        commercialUsage: 'corporation',
        allowPoliticalOrReligiousUsage: false,
        allowAntisocialOrHateUsage: false,
        creditNotation: 'unnecessary',
        allowRedistribution: true,
        modification: 'allowModificationRedistribution',
      },
      humanBones: Object.fromEntries(BONE_NAMES.map((name) => [name, bones.get(name) as Node])),
      lookAtOffset: [
        input.eyeMidpoint[0] - head[0],
        input.eyeMidpoint[1] - head[1],
        input.eyeMidpoint[2] - head[2],
      ],
      lookAtRange: { horizontal: 22, up: 14, down: 16 },
      expressions: Object.fromEntries(
        Object.entries(input.expressions).map(([name, e]) => [
          name,
          {
            binds: [{ node: faceNode, index: faceMesh.morphNames.indexOf(name), weight: 1 }],
            isBinary: false,
            overrideBlink: e.overrideBlink,
            overrideLookAt: e.overrideLookAt,
            overrideMouth: e.overrideMouth,
          },
        ]),
      ),
      firstPerson: [...meshNodes.values()].map((node) => ({ node, type: 'auto' as const })),
    });

  return new WebIO()
    .setLogger(new Logger(Logger.Verbosity.ERROR))
    // three-vrm de-interleaves on load (with a console warning per attribute); write
    // separate attributes so the browser gets them as they are used.
    .setVertexLayout(VertexLayout.SEPARATE)
    .registerExtensions([VrmcVrmExtension, MtoonExtension])
    .writeBinary(doc);
}

function createBones(doc: Document, s: Skeleton): Map<BoneName, Node> {
  const nodes = new Map<BoneName, Node>();
  for (const name of BONE_NAMES) {
    const parentName = s.parent[name];
    const p = s.joints[name];
    const q = parentName ? s.joints[parentName] : ([0, 0, 0] as Vec3);
    const node = doc.createNode(name).setTranslation([p[0] - q[0], p[1] - q[1], p[2] - q[2]]);
    if (parentName) nodes.get(parentName)?.addChild(node);
    nodes.set(name, node);
  }
  return nodes;
}

function accessor(
  doc: Document,
  buffer: Buffer,
  type: 'SCALAR' | 'VEC3' | 'VEC4' | 'MAT4',
  array: Float32Array | Uint8Array | Uint16Array | Uint32Array,
): Accessor {
  return doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
}

function writeAttributes(doc: Document, buffer: Buffer, part: MeshPart, prim: ReturnType<Document['createPrimitive']>): void {
  const n = part.vertexCount;
  const normals = part.normals.length === n ? part.normals : computeNormals(part.positions, part.indices);
  const position = new Float32Array(n * 3);
  const normal = new Float32Array(n * 3);
  const joints = new Uint8Array(n * 4);
  const weights = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const p = part.positions[i] ?? [0, 0, 0];
    const q = normals[i] ?? [0, 1, 0];
    position.set(p, i * 3);
    normal.set(q, i * 3);
    const influences = [...(part.skin[i] ?? [])].filter(([, w]) => w > 1e-4).sort((a, b) => b[1] - a[1]).slice(0, 4);
    const total = influences.reduce((sum, [, w]) => sum + w, 0);
    if (total <= 0) throw new Error(`vertex ${i} of ${part.name} has no skin weight`);
    influences.forEach(([bone, w], k) => {
      joints[i * 4 + k] = BONE_NAMES.indexOf(bone);
      weights[i * 4 + k] = w / total;
    });
  }
  prim
    .setAttribute('POSITION', accessor(doc, buffer, 'VEC3', position))
    .setAttribute('NORMAL', accessor(doc, buffer, 'VEC3', normal))
    .setAttribute('JOINTS_0', accessor(doc, buffer, 'VEC4', joints))
    .setAttribute('WEIGHTS_0', accessor(doc, buffer, 'VEC4', weights));
  const IndexArray = n < 65536 ? Uint16Array : Uint32Array;
  prim.setIndices(accessor(doc, buffer, 'SCALAR', new IndexArray(part.indices)));
}
