import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import type { VRM } from '@pixiv/three-vrm';
import { AvatarAppearance, factorFor, validateAppearance } from './appearance';
import { ConfigError } from '../config';
import { hexToLinear, linearToHex } from './linear-color';

/** A stand-in VRM: unskinned meshes named like the generator's, no humanoid bones or springs. */
function fakeVrm(materials: THREE.Material[]): VRM {
  const scene = new THREE.Group();
  for (const material of materials) {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(new Float32Array(30), 3));
    scene.add(new THREE.Mesh(geometry, material));
  }
  return { scene, humanoid: { rawHumanBones: {} }, springBoneManager: null } as unknown as VRM;
}

describe('colour conversions', () => {
  it('round-trips hex through linear', () => {
    for (const hex of ['#000000', '#ffffff', '#6fb5b0', '#b9b3d6']) expect(linearToHex(hexToLinear(hex))).toBe(hex);
    expect(linearToHex(hexToLinear('#abc'))).toBe('#aabbcc');
  });
});

describe('factorFor', () => {
  it('is the target itself on an untextured surface', () => {
    expect(factorFor([0.2, 0.4, 0.6], [1, 1, 1])).toEqual([0.2, 0.4, 0.6]);
  });
  it('divides out a texture mean so the tinted mean hits the target', () => {
    const [r, g, b] = factorFor([0.2, 0.4, 0.6], [0.5, 0.8, 0.6]);
    expect([r * 0.5, g * 0.8, b * 0.6].map((x) => +x.toFixed(6))).toEqual([0.2, 0.4, 0.6]);
  });
  it('clamps what a near-black texture would need', () => {
    expect(factorFor([1, 1, 1], [0, 0.001, 0.5])).toEqual([4, 4, 2]);
  });
});

describe('validateAppearance', () => {
  it('accepts known roles with hex colours', () => {
    expect(validateAppearance({ skin: '#abc', eyes: '#112233' })).toEqual({ skin: '#abc', eyes: '#112233' });
  });
  it('names every bad field', () => {
    expect(() => validateAppearance({ skin: 'teal', nose: '#fff' })).toThrow(ConfigError);
    expect(() => validateAppearance({ skin: 'teal' })).toThrow(/appearance\.skin/);
  });
});

describe('AvatarAppearance', () => {
  it('tints skin (and lips relative to it), leaves the eye whites, and blends over the transition', () => {
    const skin = new THREE.MeshStandardMaterial({ name: 'skin', color: new THREE.Color(0.5, 0.5, 0.5) });
    const lips = new THREE.MeshStandardMaterial({ name: 'lips', color: new THREE.Color(0.5, 0.25, 0.25) });
    const sclera = new THREE.MeshStandardMaterial({ name: 'sclera', color: new THREE.Color(0.9, 0.9, 0.9) });
    // The largest skin surface is the role's main material.
    const vrm = fakeVrm([skin, skin, lips, sclera]);
    const appearance = new AvatarAppearance(vrm);
    expect(appearance.roles).toEqual(['skin']);
    expect(appearance.get()).toEqual({ skin: linearToHex([0.5, 0.5, 0.5]) });

    appearance.set({ skin: '#6fb5b0' }, 1);
    const target = hexToLinear('#6fb5b0');
    appearance.update(0.5);
    const halfway = skin.color.r;
    expect(halfway).toBeGreaterThan(Math.min(0.5, target[0]));
    expect(halfway).toBeLessThan(Math.max(0.5, target[0]));
    appearance.update(0.6);
    expect(skin.color.toArray()).toEqual([...target]);
    expect(lips.color.toArray().map((c) => +c.toFixed(6))).toEqual([target[0], target[1] * 0.5, target[2] * 0.5].map((c) => +c.toFixed(6)));
    expect(sclera.color.toArray()).toEqual([0.9, 0.9, 0.9]);
    expect(appearance.get()).toEqual({ skin: '#6fb5b0' });
  });

  it('scales the MToon-style shade factor with the colour, keeping its darkness', () => {
    const material = new THREE.MeshStandardMaterial({ name: 'hair', color: new THREE.Color(0.4, 0.4, 0.4) }) as THREE.MeshStandardMaterial & {
      shadeColorFactor: THREE.Color;
    };
    material.shadeColorFactor = new THREE.Color(0.2, 0.2, 0.2);
    const appearance = new AvatarAppearance(fakeVrm([material]));
    appearance.set({ hair: '#ff0000' }, 0);
    expect(material.color.toArray()).toEqual([1, 0, 0]);
    expect(material.shadeColorFactor.toArray().map((c) => +c.toFixed(6))).toEqual([0.5, 0, 0]);
  });
});

describe('AvatarAppearance on a textured material', () => {
  it('measures the texels the surface uses (not the whole atlas) and tints so their mean hits the target', () => {
    // A 2×1 atlas: the left texel is a mid grey the skin uses, the right one is bright red it does not.
    const texture = new THREE.DataTexture(new Uint8Array([128, 128, 128, 255, 255, 0, 0, 255]), 2, 1);
    texture.colorSpace = THREE.SRGBColorSpace;
    texture.flipY = false;
    const material = new THREE.MeshStandardMaterial({ name: 'Face_00_SKIN', map: texture });
    const vrm = fakeVrm([material]);
    const mesh = vrm.scene.children[0] as THREE.Mesh;
    mesh.geometry.setAttribute('uv', new THREE.Float32BufferAttribute(new Float32Array(20).fill(0.2), 2));
    const appearance = new AvatarAppearance(vrm);
    const grey = hexToLinear('#808080')[0];
    expect(appearance.get()).toEqual({ skin: '#808080' });

    appearance.set({ skin: '#6fb5b0' }, 0);
    const target = hexToLinear('#6fb5b0');
    const rendered = material.color.toArray().map((c) => +(c * grey).toFixed(6));
    expect(rendered).toEqual(target.map((c) => +c.toFixed(6)));
  });
});
