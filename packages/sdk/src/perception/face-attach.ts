import type { Point3 } from '../digital-human';
import type { FacePerception } from './face-perception';

/** The part of a DigitalHuman that face perception drives. */
export interface GazeFollower {
  lookAt(point: Point3 | null): void;
}

/**
 * Makes the avatar look at the person: every tracked face turns its gaze to the face's
 * position in front of it; when the person leaves, the avatar's own gaze behaviour
 * returns. Returns a function that detaches.
 */
export function attachFacePerception(human: GazeFollower, perception: FacePerception): () => void {
  const offFace = perception.on('face', ({ gaze }) => human.lookAt(gaze));
  const offPresence = perception.on('presence', ({ present }) => {
    if (!present) human.lookAt(null);
  });
  return () => {
    offFace();
    offPresence();
    human.lookAt(null);
  };
}
