import { describe, expect, it } from 'vitest';
import { cropFromEyes, detectorEyes, headPoseFromMatrix, landmarkBox } from './face-geometry';
import { gazeTarget } from './face-gaze';
import { toModelInput } from './face-emotion-input';

describe('face geometry', () => {
  it('levels the eyes and scales the crop from the inter-ocular distance', () => {
    const crop = cropFromEyes({ left: [40, 50], right: [60, 50] });
    expect(crop.angle).toBeCloseTo(0);
    expect(crop.side).toBeCloseTo(2.2 * 20);
    expect(crop.centre[0]).toBeCloseTo(50);
    expect(crop.centre[1]).toBeCloseTo(50 + 0.6 * 20);
    const tilted = cropFromEyes({ left: [40, 40], right: [60, 60] }, { sidePerIod: 2, centreBelowEyes: 0.5 });
    expect(tilted.angle).toBeCloseTo(Math.PI / 4);
    expect(tilted.side).toBeCloseTo(2 * Math.hypot(20, 20));
    // "Below" is perpendicular to the eye line: for this tilt, down and towards the image left.
    const below = 0.5 * Math.hypot(20, 20);
    expect(tilted.centre[0]).toBeCloseTo(50 - below * Math.SQRT1_2);
    expect(tilted.centre[1]).toBeCloseTo(50 + below * Math.SQRT1_2);
  });

  it('takes the eyes from the face detector\'s first two keypoints, in pixels', () => {
    // BlazeFace order: the person's right eye (image left), left eye, nose, mouth, ears.
    const keypoints = [{ x: 0.36, y: 0.48 }, { x: 0.67, y: 0.49 }, { x: 0.52, y: 0.64 }, { x: 0.51, y: 0.79 }, { x: 0.19, y: 0.55 }, { x: 0.81, y: 0.56 }];
    const eyes = detectorEyes(keypoints, 200, 100)!;
    expect(eyes.left[0]).toBeCloseTo(72);
    expect(eyes.left[1]).toBeCloseTo(48);
    expect(eyes.right[0]).toBeCloseTo(134);
    expect(eyes.right[1]).toBeCloseTo(49);
    expect(detectorEyes(keypoints.slice(0, 1), 200, 100)).toBeNull();
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
