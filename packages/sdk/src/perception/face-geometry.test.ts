import { describe, expect, it } from 'vitest';
import { alignedCrop, headPoseFromMatrix, landmarkBox, type Landmark } from './face-geometry';
import { gazeTarget } from './face-gaze';
import { toModelInput } from './face-emotion-input';

/** A 478-point mesh with only the eye corners set (the rest at the given centre). */
function eyes(left: [number, number], right: [number, number]): Landmark[] {
  const mesh: Landmark[] = Array.from({ length: 478 }, () => ({ x: (left[0] + right[0]) / 2, y: (left[1] + right[1]) / 2 }));
  mesh[33] = { x: left[0] - 0.02, y: left[1] };
  mesh[133] = { x: left[0] + 0.02, y: left[1] };
  mesh[362] = { x: right[0] - 0.02, y: right[1] };
  mesh[263] = { x: right[0] + 0.02, y: right[1] };
  return mesh;
}

describe('face geometry', () => {
  it('levels the eyes and scales the crop from the inter-ocular distance', () => {
    const crop = alignedCrop(eyes([0.4, 0.5], [0.6, 0.5]), 100, 100);
    expect(crop.angle).toBeCloseTo(0);
    expect(crop.side).toBeCloseTo(2.2 * 20);
    expect(crop.centre[0]).toBeCloseTo(50);
    expect(crop.centre[1]).toBeCloseTo(50 + 0.4 * 20);
    const tilted = alignedCrop(eyes([0.4, 0.4], [0.6, 0.6]), 100, 100);
    expect(tilted.angle).toBeCloseTo(Math.PI / 4);
  });

  it('reads yaw from a rotation about the vertical axis', () => {
    const a = (30 * Math.PI) / 180;
    // Column-major rotation about Y.
    const m = [Math.cos(a), 0, -Math.sin(a), 0, 0, 1, 0, 0, Math.sin(a), 0, Math.cos(a), 0, 0, 0, -50, 1];
    const pose = headPoseFromMatrix(m);
    expect(pose.yaw).toBeCloseTo(30);
    expect(pose.pitch).toBeCloseTo(0);
    expect(pose.roll).toBeCloseTo(0);
  });

  it('maps a face on the image left to the avatar\'s left (+X), at a distance from its size', () => {
    const face = { landmarks: [], box: { x: 0.1, y: 0.3, width: 0.2, height: 0.3 }, pose: { yaw: 0, pitch: 0, roll: 0 }, blendshapes: {}, imageWidth: 640, imageHeight: 480 };
    const target = gazeTarget(face);
    expect(target.x).toBeGreaterThan(0);
    expect(target.z).toBeCloseTo(0.15 / (0.2 * 2 * Math.tan(Math.PI / 6)));
    expect(target.y).toBeGreaterThan(1.5);
    expect(landmarkBox([{ x: 0.2, y: 0.3 }, { x: 0.4, y: 0.6 }])).toEqual({ x: 0.2, y: 0.3, width: expect.closeTo(0.2), height: expect.closeTo(0.3) });
  });

  it('builds NCHW inputs, plain or mirrored', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255, 100, 110, 120, 255]);
    const rgb = toModelInput(rgba, 2, { inputSize: 2, input: 'rgb255' }, false);
    expect(rgb.dims).toEqual([1, 3, 2, 2]);
    expect([...rgb.data.slice(0, 4)]).toEqual([10, 40, 70, 100]);
    expect([...toModelInput(rgba, 2, { inputSize: 2, input: 'rgb255' }, true).data.slice(0, 4)]).toEqual([40, 10, 100, 70]);
    const grey = toModelInput(new Uint8ClampedArray(16).fill(255), 2, { inputSize: 1, input: 'grey-signed' }, false);
    expect(grey.dims).toEqual([1, 1, 1, 1]);
    expect(grey.data[0]).toBeCloseTo((0.2989 + 0.587 + 0.114 - 0.5) * 2, 5);
  });
});
