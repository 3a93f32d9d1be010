/** A landmark in normalised image coordinates (0–1 of width and height; z relative depth). */
export interface Landmark {
  x: number;
  y: number;
  z?: number;
}

/** A box in normalised image coordinates. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Head rotation in degrees, as angles of MediaPipe's face-to-camera rotation (y-x-z order):
 * yaw turns the head sideways, pitch nods it, roll tilts it; all 0 facing the camera.
 */
export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

/** Centres of both eyes in pixels; `left` is the eye on the image's left (the person's right). */
export interface EyePair {
  left: [number, number];
  right: [number, number];
}

/**
 * The eyes from MediaPipe Face Detector keypoints (BlazeFace: person's right eye, left eye,
 * nose tip, mouth, right ear, left ear; normalised coordinates), in pixels. Null without
 * both eye keypoints.
 */
export function detectorEyes(keypoints: ReadonlyArray<{ x: number; y: number }>, width: number, height: number): EyePair | null {
  const [personRight, personLeft] = keypoints;
  if (!personRight || !personLeft) return null;
  return { left: [personRight.x * width, personRight.y * height], right: [personLeft.x * width, personLeft.y * height] };
}

/** Tight box around all landmarks, clamped to the image. */
export function landmarkBox(landmarks: readonly Landmark[]): FaceBox {
  let minX = 1;
  let minY = 1;
  let maxX = 0;
  let maxY = 0;
  for (const { x, y } of landmarks) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  minX = Math.max(0, minX);
  minY = Math.max(0, minY);
  return { x: minX, y: minY, width: Math.max(0, Math.min(1, maxX) - minX), height: Math.max(0, Math.min(1, maxY) - minY) };
}

/**
 * Where a face crop sits in the source image: a square of `side` pixels whose centre is
 * `centre` and which is rotated by `angle` (radians) so that the eyes are level.
 */
export interface AlignedCrop {
  centre: [number, number];
  side: number;
  angle: number;
}

/** Shape of the aligned crop relative to the inter-ocular distance (IOD). */
export interface CropGeometry {
  /** Crop side in IODs. */
  sidePerIod: number;
  /** Vertical offset of the crop centre below the eyes' midpoint, in IODs. */
  centreBelowEyes: number;
}

/**
 * face-api's expression net was trained on detector boxes (brows to chin, cheek to cheek),
 * about 2.2 IODs wide. The centre's 0.6 IOD below the eyes was refitted for BlazeFace's eye
 * keypoints (the 0.4 of before was for the face mesh's eye-corner midpoints), by macro-F1 on
 * the tuning half of the eval's performers only; the other half's figure is reported as
 * held-out in docs/models/face-emotion.md (Round 4).
 */
export const EXPRESSION_CROP: CropGeometry = { sidePerIod: 2.2, centreBelowEyes: 0.6 };

/**
 * The crop that puts the eyes level, scaled from the inter-ocular distance: independent of
 * where the detector's box happens to fall, so the classifier sees faces the same way.
 */
export function cropFromEyes({ left, right }: EyePair, geometry: CropGeometry = EXPRESSION_CROP): AlignedCrop {
  const dx = right[0] - left[0];
  const dy = right[1] - left[1];
  const iod = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  const mid: [number, number] = [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2];
  // "Below the eyes" in the face's own frame: perpendicular to the eye line.
  const down = geometry.centreBelowEyes * iod;
  return { centre: [mid[0] - Math.sin(angle) * down, mid[1] + Math.cos(angle) * down], side: geometry.sidePerIod * iod, angle };
}

/**
 * Head pose from MediaPipe's facial transformation matrix (4×4, column-major, canonical
 * face → camera). Intrinsic yaw-pitch-roll of its rotation part.
 */
export function headPoseFromMatrix(m: ArrayLike<number>): HeadPose {
  const at = (row: number, column: number) => m[column * 4 + row] ?? 0;
  const deg = 180 / Math.PI;
  return {
    yaw: Math.atan2(at(0, 2), at(2, 2)) * deg,
    pitch: Math.asin(Math.max(-1, Math.min(1, -at(1, 2)))) * deg,
    roll: Math.atan2(at(1, 0), at(1, 1)) * deg,
  };
}
