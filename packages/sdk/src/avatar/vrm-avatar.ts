import * as THREE from 'three';
import { VRMUtils, type VRM, type VRMHumanBoneName } from '@pixiv/three-vrm';
import type { IdleFrame } from './idle-behaviour';
import { damp, clamp } from '../util/smoothing';

/** Heights (world units, metres) used to frame the camera on a loaded avatar. */
export interface AvatarMeasurements {
  /** Top of the head (including hair). */
  top: number;
  head: number;
  neck: number;
  chest: number;
  hips: number;
  /** Lowest point of the model. */
  bottom: number;
  /** Half the model's width at rest, for framing the full view. */
  halfWidth: number;
  /** Frontmost z of the model, so the camera never clips the nose. */
  front: number;
}

const DEG = Math.PI / 180;
/** How much of a look-at target's direction the head follows; the eyes do the rest. */
const HEAD_FOLLOW = 0.45;
const HEAD_TURN_LIMIT = 35 * DEG;
const GAZE_HALF_LIFE_S = 0.02;
const HEAD_HALF_LIFE_S = 0.25;

/**
 * One loaded VRM, animated: applies expression weights, idle life (blink, breath, head
 * sway, saccades), gaze and a relaxed arm pose through three-vrm's normalized humanoid,
 * so the same code drives VRM 0.x and 1.0 models.
 */
export class VrmAvatar {
  readonly measurements: AvatarMeasurements;
  /** `'0'` for VRM 0.x, `'1'` for VRM 1.0. */
  readonly version: '0' | '1';
  private readonly armRest = new Map<VRMHumanBoneName, THREE.Quaternion>();
  /** +1 when the model's local space faces +Z (VRM 1.0), -1 when turned by rotateVRM0. */
  private readonly facing: 1 | -1;
  private readonly gazePoint = new THREE.Vector3();
  private gazeInitialised = false;
  private headYaw = 0;
  private headPitch = 0;

  constructor(readonly vrm: VRM) {
    this.version = vrm.meta.metaVersion === '0' ? '0' : '1';
    this.facing = this.version === '0' ? -1 : 1;
    vrm.scene.updateMatrixWorld(true);
    this.measurements = measure(vrm);
    this.computeRelaxedArms();
    // The mixer arbitrates mood against mouth itself; a model's own "mood blocks mouth"
    // overrides would silence speech while smiling.
    for (const expression of vrm.expressionManager?.expressions ?? []) {
      if (expression.overrideMouth === 'block') expression.overrideMouth = 'blend';
    }
    if (vrm.lookAt) vrm.lookAt.autoUpdate = false;
  }

  /** Whether the model defines an expression (preset or custom) of this name. */
  hasExpression(name: string): boolean {
    return this.vrm.expressionManager?.getExpression(name) != null;
  }

  /**
   * Advance one frame.
   * @param weights expression weights from the mixer
   * @param idle idle life for this frame, or null when idle is off
   * @param target world point the avatar attends to (the viewer's eyes, or a set point)
   */
  update(dt: number, weights: ReadonlyMap<string, number>, idle: IdleFrame | null, target: THREE.Vector3): void {
    const expressions = this.vrm.expressionManager;
    if (expressions) {
      for (const [name, weight] of weights) {
        if (expressions.getExpression(name)) expressions.setValue(name, weight);
      }
      if (expressions.getExpression('blink')) {
        expressions.setValue('blink', Math.max(idle?.blink ?? 0, weights.get('blink') ?? 0));
      }
    }
    this.pose(dt, idle, target);
    this.vrm.update(dt);
  }

  /** Frees geometry, materials and textures on the GPU. */
  dispose(): void {
    this.vrm.scene.removeFromParent();
    VRMUtils.deepDispose(this.vrm.scene);
  }

  private pose(dt: number, idle: IdleFrame | null, target: THREE.Vector3): void {
    const humanoid = this.vrm.humanoid;
    const headNode = humanoid.getNormalizedBoneNode('head');
    if (!headNode) return;

    // Head turns part of the way towards the target; idle sway rides on top.
    const local = this.vrm.scene.worldToLocal(target.clone());
    const headLocal = this.vrm.scene.worldToLocal(headNode.getWorldPosition(new THREE.Vector3()));
    const d = local.sub(headLocal);
    const f = this.facing;
    const targetYaw = clamp(Math.atan2(f * d.x, f * d.z) * HEAD_FOLLOW, -HEAD_TURN_LIMIT, HEAD_TURN_LIMIT);
    const targetPitch = clamp(-f * Math.atan2(d.y, Math.hypot(d.x, d.z)) * HEAD_FOLLOW, -HEAD_TURN_LIMIT, HEAD_TURN_LIMIT);
    this.headYaw = damp(this.headYaw, targetYaw + (idle ? idle.gaze.yaw * 0.15 : 0), HEAD_HALF_LIFE_S, dt);
    this.headPitch = damp(this.headPitch, targetPitch + (idle ? idle.gaze.pitch * 0.15 : 0), HEAD_HALF_LIFE_S, dt);
    const yaw = this.headYaw + (idle?.head.yaw ?? 0);
    const pitch = this.headPitch + (idle?.head.pitch ?? 0);
    const roll = idle?.head.roll ?? 0;
    setRotation(humanoid.getNormalizedBoneNode('neck'), pitch * 0.4, yaw * 0.4, roll * 0.4);
    setRotation(headNode, pitch * 0.6, yaw * 0.6, roll * 0.6);

    // Breathing: the chest rises a little and the shoulders follow.
    const breath = idle?.breath ?? 0;
    setRotation(humanoid.getNormalizedBoneNode('spine'), -f * breath * 0.4 * DEG, 0, 0);
    setRotation(humanoid.getNormalizedBoneNode('chest'), -f * breath * 0.6 * DEG, 0, 0);
    for (const [bone, rest] of this.armRest) {
      const node = humanoid.getNormalizedBoneNode(bone);
      if (!node) continue;
      node.quaternion.copy(rest);
      if (bone === 'leftShoulder' || bone === 'rightShoulder') {
        const side = bone === 'leftShoulder' ? 1 : -1;
        node.rotateZ(side * f * breath * 0.5 * DEG);
      }
    }

    // Eyes: to the target, plus saccade offsets, moving fast but not teleporting.
    const lookAt = this.vrm.lookAt;
    if (!lookAt) return;
    const aim = target.clone();
    if (idle) {
      const distance = aim.distanceTo(headNode.getWorldPosition(new THREE.Vector3()));
      aim.x += Math.tan(idle.gaze.yaw) * distance;
      aim.y += Math.tan(idle.gaze.pitch) * distance;
    }
    if (!this.gazeInitialised) {
      this.gazePoint.copy(aim);
      this.gazeInitialised = true;
    }
    this.gazePoint.set(
      damp(this.gazePoint.x, aim.x, GAZE_HALF_LIFE_S, dt),
      damp(this.gazePoint.y, aim.y, GAZE_HALF_LIFE_S, dt),
      damp(this.gazePoint.z, aim.z, GAZE_HALF_LIFE_S, dt),
    );
    lookAt.lookAt(this.gazePoint);
  }

  /**
   * Most VRMs rest in a T-pose. Rotate each upper arm so it hangs down at the side,
   * whatever the model's rest pose is (a model already modelled arms-down gets ~no turn).
   */
  private computeRelaxedArms(): void {
    const humanoid = this.vrm.humanoid;
    for (const side of ['left', 'right'] as const) {
      const upper = humanoid.getRawBoneNode(`${side}UpperArm`);
      const lower = humanoid.getRawBoneNode(`${side}LowerArm`);
      if (!upper || !lower) continue;
      const from = this.vrm.scene.worldToLocal(upper.getWorldPosition(new THREE.Vector3()));
      const to = this.vrm.scene.worldToLocal(lower.getWorldPosition(new THREE.Vector3()));
      const direction = to.sub(from).normalize();
      const outward = Math.sign(direction.x) || (side === 'left' ? this.facing : -this.facing);
      const hanging = new THREE.Vector3(outward * 0.2, -1, 0).normalize();
      this.armRest.set(`${side}UpperArm`, new THREE.Quaternion().setFromUnitVectors(direction, hanging));
      this.armRest.set(`${side}Shoulder`, new THREE.Quaternion());
    }
  }
}

function setRotation(node: THREE.Object3D | null, x: number, y: number, z: number): void {
  node?.rotation.set(x, y, z);
}

function measure(vrm: VRM): AvatarMeasurements {
  const box = new THREE.Box3().setFromObject(vrm.scene, true);
  const y = (bone: VRMHumanBoneName, fallback: number) => {
    const node = vrm.humanoid.getRawBoneNode(bone);
    return node ? node.getWorldPosition(new THREE.Vector3()).y : fallback;
  };
  const head = y('head', box.max.y * 0.9);
  const neck = y('neck', head - 0.1);
  const hips = y('hips', (box.min.y + box.max.y) / 2);
  const chest = y('chest', (neck + hips) / 2);
  return {
    top: box.max.y,
    head,
    neck,
    chest,
    hips,
    bottom: box.min.y,
    halfWidth: Math.max(Math.abs(box.min.x), Math.abs(box.max.x)),
    front: box.max.z,
  };
}
