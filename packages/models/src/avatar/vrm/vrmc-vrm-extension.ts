import { Extension, type Node, type WriterContext } from '@gltf-transform/core';

/** The VRMC_vrm content, with glTF objects in place of the indices the file needs. */
export interface VrmDescription {
  meta: Record<string, unknown>;
  humanBones: Record<string, Node>;
  /** Offset from the head bone to between the eyes, head-bone local, metres. */
  lookAtOffset: [number, number, number];
  /** Maximum eye-bone rotation in degrees for a target at the range's edge (90°). */
  lookAtRange: { horizontal: number; up: number; down: number };
  expressions: Record<
    string,
    {
      binds: Array<{ node: Node; index: number; weight: number }>;
      isBinary: boolean;
      overrideBlink: string;
      overrideLookAt: string;
      overrideMouth: string;
    }
  >;
  /** Meshes and how first-person cameras should treat them. */
  firstPerson: Array<{ node: Node; type: 'auto' | 'both' | 'thirdPersonOnly' | 'firstPersonOnly' }>;
}

/**
 * Gaze angle (degrees off the face's forward axis) at which the eyes reach their full turn. Real
 * eyes take most of a glance within ±40° before the head follows, so the eyes saturate there
 * instead of at 90°, which would leave them nearly still for everyday glances.
 */
const LOOK_AT_INPUT_MAX_DEG = 40;

/**
 * Writes the root `VRMC_vrm` extension (VRM 1.0). gltf-transform has no built-in VRM support;
 * an Extension's `write` hook runs after indices are assigned, so node references can be
 * turned into the indices the spec wants. Reading is not needed: this package only writes.
 */
export class VrmcVrmExtension extends Extension {
  static override readonly EXTENSION_NAME = 'VRMC_vrm';
  override readonly extensionName = 'VRMC_vrm';
  private description: VrmDescription | null = null;

  describe(description: VrmDescription): this {
    this.description = description;
    return this;
  }

  override read(): this {
    return this;
  }

  override write(context: WriterContext): this {
    const d = this.description;
    if (!d) throw new Error('VRMC_vrm: describe() the avatar before writing');
    const index = (node: Node): number => {
      const i = context.nodeIndexMap.get(node);
      if (i === undefined) throw new Error(`VRMC_vrm: node "${node.getName()}" is not in the written scene`);
      return i;
    };
    const range = (outputScale: number) => ({ inputMaxValue: LOOK_AT_INPUT_MAX_DEG, outputScale });
    const json = context.jsonDoc.json;
    json.extensions = json.extensions ?? {};
    json.extensions[this.extensionName] = {
      specVersion: '1.0',
      meta: d.meta,
      humanoid: {
        humanBones: Object.fromEntries(Object.entries(d.humanBones).map(([name, node]) => [name, { node: index(node) }])),
      },
      firstPerson: { meshAnnotations: d.firstPerson.map((a) => ({ node: index(a.node), type: a.type })) },
      lookAt: {
        offsetFromHeadBone: d.lookAtOffset,
        type: 'bone',
        rangeMapHorizontalInner: range(d.lookAtRange.horizontal),
        rangeMapHorizontalOuter: range(d.lookAtRange.horizontal),
        rangeMapVerticalDown: range(d.lookAtRange.down),
        rangeMapVerticalUp: range(d.lookAtRange.up),
      },
      expressions: {
        preset: Object.fromEntries(
          Object.entries(d.expressions).map(([name, e]) => [
            name,
            {
              morphTargetBinds: e.binds.map((b) => ({ node: index(b.node), index: b.index, weight: b.weight })),
              isBinary: e.isBinary,
              overrideBlink: e.overrideBlink,
              overrideLookAt: e.overrideLookAt,
              overrideMouth: e.overrideMouth,
            },
          ]),
        ),
      },
    };
    return this;
  }
}

