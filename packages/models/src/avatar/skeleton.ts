import type { AvatarParameters } from './parameters.js';
import { lerp, type Vec3 } from './math.js';

/** VRM 1.0 humanoid bone names this avatar has, parents before children. */
export const BONE_NAMES = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'leftShoulder',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightShoulder',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  // VRM requires legs; the head-and-shoulders mesh has none, so nothing is weighted to them.
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
] as const;
export type BoneName = (typeof BONE_NAMES)[number];

const PARENT: Record<BoneName, BoneName | null> = {
  hips: null,
  spine: 'hips',
  chest: 'spine',
  neck: 'chest',
  head: 'neck',
  leftEye: 'head',
  rightEye: 'head',
  leftShoulder: 'chest',
  leftUpperArm: 'leftShoulder',
  leftLowerArm: 'leftUpperArm',
  leftHand: 'leftLowerArm',
  rightShoulder: 'chest',
  rightUpperArm: 'rightShoulder',
  rightLowerArm: 'rightUpperArm',
  rightHand: 'rightLowerArm',
  leftUpperLeg: 'hips',
  leftLowerLeg: 'leftUpperLeg',
  leftFoot: 'leftLowerLeg',
  rightUpperLeg: 'hips',
  rightLowerLeg: 'rightUpperLeg',
  rightFoot: 'rightLowerLeg',
};

/** Where the bones sit (model space, metres, +Y up, facing +Z) and where the head is modelled. */
export interface Skeleton {
  /** World-space rest position of every bone. */
  joints: Record<BoneName, Vec3>;
  parent: Record<BoneName, BoneName | null>;
  /** Centre of the skull: the origin of the head-local coordinates the face is modelled in. */
  headCenter: Vec3;
  /** Half the distance between the shoulder joints. */
  shoulderHalfWidth: number;
}

/**
 * Builds the rest skeleton. The rest pose has the arms hanging at the sides (VRM 1.0 allows any
 * rest pose; the humanoid is normalised by three-vrm), every bone unrotated.
 */
export function buildSkeleton(params: AvatarParameters, eyeCenters: { left: Vec3; right: Vec3 }): Skeleton {
  const headCenter: Vec3 = [0, 1.578, 0.0];
  const shoulder = lerp(0.138, 0.172, params.shoulderWidth);
  const side = (sign: 1 | -1) => ({
    shoulder: [sign * 0.03, 1.405, -0.012] as Vec3,
    upperArm: [sign * shoulder, 1.37, -0.015] as Vec3,
    lowerArm: [sign * (shoulder + 0.025), 1.12, -0.02] as Vec3,
    hand: [sign * (shoulder + 0.035), 0.875, 0.0] as Vec3,
  });
  const l = side(1);
  const r = side(-1);
  const toWorld = (p: Vec3): Vec3 => [p[0] + headCenter[0], p[1] + headCenter[1], p[2] + headCenter[2]];
  return {
    joints: {
      hips: [0, 0.98, 0],
      spine: [0, 1.09, -0.005],
      chest: [0, 1.23, -0.01],
      neck: [0, 1.44, -0.015],
      head: [0, 1.525, -0.01],
      leftEye: toWorld(eyeCenters.left),
      rightEye: toWorld(eyeCenters.right),
      leftShoulder: l.shoulder,
      leftUpperArm: l.upperArm,
      leftLowerArm: l.lowerArm,
      leftHand: l.hand,
      rightShoulder: r.shoulder,
      rightUpperArm: r.upperArm,
      rightLowerArm: r.lowerArm,
      rightHand: r.hand,
      leftUpperLeg: [0.085, 0.92, 0],
      leftLowerLeg: [0.085, 0.5, 0.005],
      leftFoot: [0.085, 0.08, -0.01],
      rightUpperLeg: [-0.085, 0.92, 0],
      rightLowerLeg: [-0.085, 0.5, 0.005],
      rightFoot: [-0.085, 0.08, -0.01],
    },
    parent: PARENT,
    headCenter,
    shoulderHalfWidth: shoulder,
  };
}
