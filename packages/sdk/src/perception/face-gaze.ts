import type { FaceObservation } from './face-tracker';

/** A point in the avatar's world (metres; avatar at the origin facing +Z). */
export interface GazePoint {
  x: number;
  y: number;
  z: number;
}

/** How the camera sits relative to the avatar. */
export interface GazeCalibration {
  /** Horizontal field of view of the camera (degrees); typical webcams 55–70. */
  horizontalFovDeg: number;
  /** Height of the camera in the avatar's world: it sits at the screen, near the avatar's eyes. */
  cameraHeight: number;
  /** Typical adult face width (m): turns face size in the image into distance. */
  faceWidth: number;
}

export const DEFAULT_GAZE: GazeCalibration = { horizontalFovDeg: 60, cameraHeight: 1.5, faceWidth: 0.15 };

/**
 * Where the person's face is, in front of the avatar. The camera looks out of the screen
 * like the avatar does, so the camera's left (image left, unmirrored) is the avatar's left
 * (+X); distance follows from the face's apparent width.
 */
export function gazeTarget(face: FaceObservation, calibration: GazeCalibration = DEFAULT_GAZE): GazePoint {
  const aspect = face.imageHeight / face.imageWidth;
  const tanHalf = Math.tan(((calibration.horizontalFovDeg / 2) * Math.PI) / 180);
  const faceFraction = Math.max(0.02, face.box.width);
  const distance = Math.min(4, Math.max(0.3, calibration.faceWidth / (faceFraction * 2 * tanHalf)));
  const cx = face.box.x + face.box.width / 2;
  const cy = face.box.y + face.box.height / 2;
  return {
    x: (0.5 - cx) * 2 * distance * tanHalf,
    y: calibration.cameraHeight + (0.5 - cy) * 2 * distance * tanHalf * aspect,
    z: distance,
  };
}
