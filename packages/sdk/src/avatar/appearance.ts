import * as THREE from 'three';
import type { VRM } from '@pixiv/three-vrm';
import { ConfigError, type ConfigIssue } from '../config';
import { smoothstep } from '../util/smoothing';
import { APPEARANCE_ROLES, assignRoles, type AppearanceRole, type MaterialFacts } from './appearance-roles';
import { hexToLinear, isHexColor, linearToHex, luminance, mix, multiply, type Rgb } from './linear-color';
import { usedTexelMean, vertexColorMean } from './texture-mean';

export { APPEARANCE_ROLES, type AppearanceRole } from './appearance-roles';

/**
 * Colours of an avatar's skin, hair, eyes (iris) and clothing as `#rrggbb` (or `#rgb`).
 * Every field is optional: {@link DigitalHuman.setAppearance} changes only the ones given.
 */
export type Appearance = Partial<Record<AppearanceRole, string>>;

/** How long a colour change takes by default, in seconds. */
export const APPEARANCE_TRANSITION_S = 0.6;

/** Colour factors are kept within this, so a dark texture tinted light does not blow out. */
const MAX_FACTOR = 4;
const EPSILON = 1e-4;

/**
 * Checks a partial appearance: known roles, colours as hex.
 * @throws {ConfigError} naming each bad field.
 */
export function validateAppearance(appearance: unknown): Appearance {
  if (appearance === null || typeof appearance !== 'object' || Array.isArray(appearance)) {
    throw new ConfigError([{ field: 'appearance', expected: 'an object such as { skin: "#b9b3d6" }', received: appearance }]);
  }
  const issues: ConfigIssue[] = [];
  const valid: Appearance = {};
  for (const [key, value] of Object.entries(appearance)) {
    if (!(APPEARANCE_ROLES as readonly string[]).includes(key)) {
      issues.push({ field: `appearance.${key}`, expected: `one of ${APPEARANCE_ROLES.join(', ')}`, received: key });
    } else if (!isHexColor(value)) {
      issues.push({ field: `appearance.${key}`, expected: 'a colour as "#rrggbb" or "#rgb"', received: value });
    } else {
      valid[key as AppearanceRole] = value;
    }
  }
  if (issues.length) throw new ConfigError(issues);
  return valid;
}

/**
 * The colour factor that makes a surface's mean colour `desired` when the factor multiplies a
 * source (texels × vertex colours) whose mean is `source`. Clamped to [0, MAX_FACTOR]: a
 * near-black texture cannot be tinted white.
 */
export function factorFor(desired: Rgb, source: Rgb): Rgb {
  return desired.map((d, c) => Math.min(MAX_FACTOR, Math.max(0, d / Math.max(EPSILON, source[c] ?? 1)))) as unknown as Rgb;
}

/** A material whose colour the API can tint: three's standard family, MToon, basic, toon. */
type TintableMaterial = THREE.Material & {
  color: THREE.Color;
  map?: THREE.Texture | null;
  /** MToon only: the shaded colour and the texture it multiplies. */
  shadeColorFactor?: THREE.Color;
  shadeMultiplyTexture?: THREE.Texture | null;
};

interface Factors {
  color: Rgb;
  shade: Rgb | null;
}

/** One tinted material and what is needed to hit a target with it. */
interface Binding {
  material: TintableMaterial;
  role: AppearanceRole;
  /** Mean of what the colour factor multiplies (used texels × vertex colours); white if nothing. */
  source: Rgb;
  shadeSource: Rgb;
  /** Mean colour before lighting at load: factor × source. */
  effective: Rgb;
  /** Its effective colour over its role's main material's, per channel (lips vs. skin, limbus vs. iris). */
  relative: Rgb;
  /** Luminance of the shade over the lit colour: how dark this material's shadows are painted. */
  shadeRatio: number;
  from: Factors;
  to: Factors;
}

/**
 * Recolours a loaded VRM's skin, hair, eyes and clothing without reloading it. Roles are found
 * once on construction (see `appearance-roles.ts`); each change is a tint of the colour factors
 * (and MToon's shade factor) such that the surface's mean colour before lighting becomes the
 * target, so textured surfaces keep their detail and land on the requested colour. Changes
 * blend over {@link APPEARANCE_TRANSITION_S}, advanced by {@link update} once per frame.
 */
export class AvatarAppearance {
  private readonly bindings: Binding[];
  private readonly targets = new Map<AppearanceRole, Rgb>();
  private readonly clocks = new Map<AppearanceRole, { elapsed: number; duration: number }>();

  constructor(vrm: VRM) {
    this.bindings = findBindings(vrm);
  }

  /** Roles this model has a material for. */
  get roles(): AppearanceRole[] {
    return APPEARANCE_ROLES.filter((role) => this.bindings.some((b) => b.role === role));
  }

  /** Names of the materials each role tints, for hosts checking what was detected. */
  materialsOf(role: AppearanceRole): string[] {
    return this.bindings.filter((b) => b.role === role).map((b) => b.material.name);
  }

  /** Current colours (targets while transitioning) of the roles this model has. */
  get(): Appearance {
    const out: Appearance = {};
    for (const role of this.roles) {
      const target = this.targets.get(role);
      const main = this.bindings.find((b) => b.role === role && isUnit(b.relative));
      const colour = target ?? main?.effective;
      if (colour) out[role] = linearToHex(colour);
    }
    return out;
  }

  /** Starts blending the given roles to their colours; `duration` 0 applies at once. Roles the model lacks are skipped. */
  set(appearance: Appearance, duration = APPEARANCE_TRANSITION_S): void {
    for (const role of APPEARANCE_ROLES) {
      const hex = appearance[role];
      if (hex === undefined) continue;
      const target = hexToLinear(hex);
      this.targets.set(role, target);
      for (const b of this.bindings) {
        if (b.role !== role) continue;
        b.from = currentFactors(b.material);
        const desired = multiply(target, b.relative);
        b.to = {
          color: factorFor(desired, b.source),
          shade: b.material.shadeColorFactor ? factorFor(desired.map((c) => c * b.shadeRatio) as unknown as Rgb, b.shadeSource) : null,
        };
      }
      this.clocks.set(role, { elapsed: 0, duration });
    }
    this.update(0);
  }

  /** Advances running transitions by `dt` seconds. */
  update(dt: number): void {
    for (const [role, clock] of this.clocks) {
      clock.elapsed += dt;
      const t = clock.duration > 0 ? smoothstep(clock.elapsed / clock.duration) : 1;
      for (const b of this.bindings) {
        if (b.role !== role) continue;
        // Lands exactly on the target at the end (mix(a, b, 1) can be off in the last bit).
        b.material.color.setRGB(...(t >= 1 ? b.to.color : mix(b.from.color, b.to.color, t)));
        if (b.material.shadeColorFactor && b.from.shade && b.to.shade) {
          b.material.shadeColorFactor.setRGB(...(t >= 1 ? b.to.shade : mix(b.from.shade, b.to.shade, t)));
        }
      }
      if (t >= 1) this.clocks.delete(role);
    }
  }
}

function isUnit(c: Rgb): boolean {
  return c.every((v) => Math.abs(v - 1) < 1e-9);
}

function currentFactors(m: TintableMaterial): Factors {
  return { color: m.color.toArray() as unknown as Rgb, shade: m.shadeColorFactor ? (m.shadeColorFactor.toArray() as unknown as Rgb) : null };
}

function isTintable(material: THREE.Material): material is TintableMaterial {
  return (material as Partial<TintableMaterial>).color instanceof THREE.Color;
}

type BoneCategory = 'eyes' | 'hair' | 'head' | 'body';

/** Every tintable material of the model with its facts, roles assigned, as bindings. */
function findBindings(vrm: VRM): Binding[] {
  const usage = new Map<TintableMaterial, { meshes: THREE.Mesh[]; geometries: THREE.BufferGeometry[]; vertices: number; weights: Record<BoneCategory, number> }>();
  const categoryOf = boneCategorizer(vrm);
  vrm.scene.traverse((object) => {
    if (!(object instanceof THREE.Mesh)) return;
    const mesh = object as THREE.Mesh;
    const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    for (const material of materials) {
      if (!isTintable(material)) continue;
      const entry = usage.get(material) ?? { meshes: [], geometries: [], vertices: 0, weights: { eyes: 0, hair: 0, head: 0, body: 0 } };
      entry.meshes.push(mesh);
      entry.geometries.push(mesh.geometry);
      entry.vertices += mesh.geometry.getAttribute('position')?.count ?? 0;
      addSkinWeights(mesh, categoryOf, entry.weights);
      usage.set(material, entry);
    }
  });
  const materials = [...usage.keys()];
  const sources = materials.map((m) => {
    const entry = usage.get(m);
    const geometries = entry?.geometries ?? [];
    return {
      source: sourceMean(m.map ?? null, m.vertexColors, geometries),
      shadeSource: sourceMean(m.shadeMultiplyTexture ?? null, false, geometries),
    };
  });
  const facts: MaterialFacts[] = materials.map((m, i) => {
    const entry = usage.get(m);
    const w = entry?.weights ?? { eyes: 0, hair: 0, head: 0, body: 0 };
    const total = w.eyes + w.hair + w.head + w.body;
    const share = (x: number): number => (total > 0 ? x / total : 0);
    return {
      names: [m.name, ...(entry?.meshes ?? []).map((mesh) => mesh.name)].filter(Boolean),
      vertexCount: entry?.vertices ?? 0,
      eyeShare: share(w.eyes),
      hairShare: share(w.hair),
      headShare: share(w.head + w.eyes + w.hair),
      color: multiply(m.color.toArray() as unknown as Rgb, sources[i]?.source ?? [1, 1, 1]),
    };
  });
  const roles = assignRoles(facts);
  const bindings: Binding[] = [];
  for (const [i, role] of roles) {
    const material = materials[i];
    const s = sources[i];
    const f = facts[i];
    if (!material || !s || !f) continue;
    const shadeEffective = material.shadeColorFactor ? multiply(material.shadeColorFactor.toArray() as unknown as Rgb, s.shadeSource) : f.color;
    const factors = currentFactors(material);
    bindings.push({
      material,
      role,
      source: s.source,
      shadeSource: s.shadeSource,
      effective: f.color,
      relative: [1, 1, 1],
      shadeRatio: Math.min(1, luminance(shadeEffective) / Math.max(EPSILON, luminance(f.color))),
      from: factors,
      to: factors,
    });
  }
  // Each role's main material is its largest; the others keep their colour relative to it.
  for (const role of APPEARANCE_ROLES) {
    const members = bindings.filter((b) => b.role === role);
    const main = members.reduce<Binding | null>((best, b) => (best && vertexCount(usage, best) >= vertexCount(usage, b) ? best : b), null);
    if (!main) continue;
    for (const b of members) {
      if (b === main) continue;
      b.relative = b.effective.map((c, k) => Math.min(MAX_FACTOR, c / Math.max(EPSILON, main.effective[k] ?? 1))) as unknown as Rgb;
    }
  }
  return bindings;
}

function vertexCount(usage: Map<TintableMaterial, { vertices: number }>, b: Binding): number {
  return usage.get(b.material)?.vertices ?? 0;
}

/** Mean of what a colour factor multiplies: used texels of `map` × vertex colours, white if neither. */
function sourceMean(map: THREE.Texture | null, vertexColors: boolean, geometries: THREE.BufferGeometry[]): Rgb {
  let mean: Rgb = [1, 1, 1];
  const texels = map ? usedTexelMean(map, geometries) : null;
  if (texels) mean = multiply(mean, texels);
  const vertex = vertexColors ? vertexColorMean(geometries) : null;
  if (vertex) mean = multiply(mean, vertex);
  return mean;
}

/** Adds a skinned mesh's weights per bone category (unskinned meshes count as body, by vertex). */
function addSkinWeights(mesh: THREE.Mesh, categoryOf: (bone: THREE.Object3D) => BoneCategory, into: Record<BoneCategory, number>): void {
  const index = mesh.geometry.getAttribute('skinIndex');
  const weight = mesh.geometry.getAttribute('skinWeight');
  const bones = mesh instanceof THREE.SkinnedMesh ? mesh.skeleton.bones : null;
  if (!index || !weight || !bones) {
    into.body += mesh.geometry.getAttribute('position')?.count ?? 0;
    return;
  }
  const categories = bones.map(categoryOf);
  for (let i = 0; i < index.count; i++) {
    for (let k = 0; k < 4; k++) {
      const w = weight.getComponent(i, k);
      if (w <= 0) continue;
      into[categories[index.getComponent(i, k)] ?? 'body'] += w;
    }
  }
}

/**
 * Sorts bones by what they carry: the eye bones; spring-bone chains hanging from the head
 * (hair); the head and neck; everything else (body, and spring chains on it: skirts, coats).
 */
function boneCategorizer(vrm: VRM): (bone: THREE.Object3D) => BoneCategory {
  const humanoid = new Map<THREE.Object3D, string>();
  for (const [name, bone] of Object.entries(vrm.humanoid.rawHumanBones)) if (bone?.node) humanoid.set(bone.node, name);
  const springs = new Set<THREE.Object3D>();
  for (const joint of vrm.springBoneManager?.joints ?? []) springs.add(joint.bone);
  const cache = new Map<THREE.Object3D, BoneCategory>();
  return (bone) => {
    const cached = cache.get(bone);
    if (cached) return cached;
    let node: THREE.Object3D | null = bone;
    let spring = false;
    let category: BoneCategory = 'body';
    while (node) {
      const name = humanoid.get(node);
      if (name) {
        if (name === 'leftEye' || name === 'rightEye') category = 'eyes';
        else if (name === 'head' || name === 'neck' || name === 'jaw') category = spring ? 'hair' : 'head';
        break;
      }
      if (springs.has(node)) spring = true;
      node = node.parent;
    }
    cache.set(bone, category);
    return category;
  };
}
