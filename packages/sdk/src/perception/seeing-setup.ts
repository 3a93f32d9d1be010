import type { DigimensErrorCode } from '../errors';
import type { AffectFusion, AffectState } from './affect-fusion';
import { attachFacePerception, type GazeFollower } from './face-attach';
import { FacePerception, type FacePerceptionOptions } from './face-perception';

/** Where the camera side reports to. */
export interface SeeingSinks {
  /** The avatar, which turns its gaze to the person's face. */
  human: GazeFollower;
  /** The affect fusion shared with the microphone side, so one state carries both sources. */
  fusion: AffectFusion;
  /** The fused affect state, after every new face estimate (and when the face leaves). */
  onAffect(affect: AffectState): void;
  /** Seeing is impossible (camera denied or absent, models missing); the avatar keeps running. */
  onDegraded(code: DigimensErrorCode, reason: string): void;
  /**
   * No face has been seen for {@link PERSON_GONE_MS} after one was: whoever talks next is
   * probably someone else (the voice side then forgets the speaker it adapted to).
   */
  onPersonGone?(): void;
}

/**
 * How long no face must be present (after presence turned off, which itself waits 1.2 s)
 * before the person counts as gone. Long enough to ride over looking away or bending
 * down; short enough that the next visitor of a kiosk is not judged against the last one.
 */
export const PERSON_GONE_MS = 8000;

/** The running camera side, and how to release it. */
export interface SeeingSetup {
  perception: FacePerception;
  dispose(): void;
}

/**
 * Starts seeing: the camera feeds {@link FacePerception}, the avatar looks at the person's
 * face, and the face's emotion goes into the shared affect fusion (a face that leaves stops
 * counting at once). Frames stay on the device; only numbers come out.
 */
export function setUpSeeing(options: Partial<FacePerceptionOptions>, sinks: SeeingSinks): SeeingSetup {
  const perception = new FacePerception(options);
  const detachGaze = attachFacePerception(sinks.human, perception);
  const gone = watchPersonGone(() => sinks.onPersonGone?.());
  const unsubscribe = [
    perception.on('degraded', ({ code, reason }) => sinks.onDegraded(code, reason)),
    perception.on('emotion', (estimate) => sinks.onAffect(sinks.fusion.updateFace(estimate, performance.now()))),
    perception.on('presence', ({ present }) => {
      gone.presence(present);
      if (!present) sinks.onAffect(sinks.fusion.updateFace(null, performance.now()));
    }),
  ];
  void perception.start();
  return {
    perception,
    dispose() {
      gone.dispose();
      for (const off of unsubscribe) off();
      detachGaze();
      perception.dispose();
      // No camera, no face: the affect state goes on from the voice alone.
      sinks.fusion.updateFace(null, performance.now());
    },
  };
}

/**
 * Calls `onGone` once presence has stayed off for `delayMs`; presence coming back first
 * cancels it. Feed it every `presence` event.
 */
export function watchPersonGone(onGone: () => void, delayMs = PERSON_GONE_MS): { presence(present: boolean): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    presence(present) {
      clearTimeout(timer);
      timer = present ? undefined : setTimeout(onGone, delayMs);
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
