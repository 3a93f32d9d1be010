import { beforeAll, describe, expect, it } from 'vitest';
import validator from 'gltf-validator';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { VRMLoaderPlugin, type VRM } from '@pixiv/three-vrm';
import { EXPRESSION_NAMES, PRESETS, generateAvatar } from '../src/avatar/index.js';

const REQUIRED_BONES = [
  'hips', 'spine', 'chest', 'neck', 'head', 'leftEye', 'rightEye',
  'leftShoulder', 'leftUpperArm', 'leftLowerArm', 'leftHand',
  'rightShoulder', 'rightUpperArm', 'rightLowerArm', 'rightHand',
] as const;

const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const [name, params] of Object.entries(PRESETS)) files.set(name, await generateAvatar(params, { title: name }));
});

async function loadVrm(bytes: Uint8Array): Promise<VRM> {
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const gltf = await loader.parseAsync(buffer, '');
  const vrm = gltf.userData.vrm as VRM | undefined;
  if (!vrm) throw new Error('no VRM in the file');
  return vrm;
}

describe('generateAvatar', () => {
  it('is deterministic: same parameters, byte-identical files', async () => {
    const a = await generateAvatar(PRESETS.nova);
    const b = await generateAvatar({ ...PRESETS.nova });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('different parameters give different files', async () => {
    const a = await generateAvatar(PRESETS.nova);
    const b = await generateAvatar({ ...PRESETS.nova, noseWidth: 0.9 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('rejects out-of-range parameters with a clear message', async () => {
    await expect(generateAvatar({ lipFullness: 3 })).rejects.toThrow(/"lipFullness".*3.*0\.\.1/);
  });

  describe.each(Object.keys(PRESETS))('preset %s', (name) => {
    it('passes the glTF validator with zero errors, within size and triangle budgets', async () => {
      const bytes = files.get(name) as Uint8Array;
      expect(bytes.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
      const report = await validator.validateBytes(bytes, { maxIssues: 100 });
      const errors = report.issues.messages.filter((m) => m.severity === 0);
      expect(errors).toEqual([]);
      expect(report.info?.totalTriangleCount ?? Infinity).toBeLessThanOrEqual(40_000);
    });

    it('loads in three-vrm with every humanoid bone and expression bound to morphs', async () => {
      const vrm = await loadVrm(files.get(name) as Uint8Array);
      for (const bone of REQUIRED_BONES) expect(vrm.humanoid.getRawBoneNode(bone), bone).toBeTruthy();
      expect(vrm.lookAt?.applier.constructor.name).toBe('VRMLookAtBoneApplier');
      for (const expression of EXPRESSION_NAMES) {
        const e = vrm.expressionManager?.getExpression(expression);
        expect(e, expression).toBeTruthy();
        // A bind for a morph target the mesh really has.
        const binds = (e as unknown as { _binds: Array<{ primitives: unknown[]; index: number }> })._binds;
        expect(binds.length, expression).toBeGreaterThan(0);
        expect(binds[0]?.primitives.length, expression).toBeGreaterThan(0);
      }
    });
  });
});
