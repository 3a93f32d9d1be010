import type { DigimensErrorCode } from './errors';
import type { View } from './config';

/**
 * Lifecycle of a {@link DigitalHuman}:
 * `loading` → `ready` (avatar shown) or `degraded` (running, but something is missing:
 * see `reason`) → `disposed`.
 */
export type LifecycleState = 'loading' | 'ready' | 'degraded' | 'disposed';

/** Payload of `ready`. */
export interface ReadyEvent {
  /** URL the avatar was loaded from. */
  avatarUrl: string;
  /** VRM spec version of the file: `'0'` (0.x) or `'1'` (1.0). */
  vrmVersion: '0' | '1';
  /** Milliseconds from load start to the first rendered frame with the avatar. */
  loadMs: number;
}

/** Payload of `error`. The avatar keeps running where it can; `state` says how. */
export interface ErrorEvent {
  code: DigimensErrorCode;
  /** What went wrong and what to do about it, for a developer or operator. */
  message: string;
  cause?: unknown;
}

/** Payload of `state`. */
export interface StateEvent {
  state: LifecycleState;
  /** Why the avatar is degraded, when it is. */
  reason?: string;
}

/** Payload of `progress` while the avatar file downloads. */
export interface ProgressEvent {
  loaded: number;
  /** Total bytes, when the server says (`Content-Length`). */
  total: number | undefined;
}

/** Payload of `view`. */
export interface ViewEvent {
  view: View;
}

/** Every event a {@link DigitalHuman} emits, by name. */
export interface DigitalHumanEvents {
  ready: ReadyEvent;
  error: ErrorEvent;
  state: StateEvent;
  progress: ProgressEvent;
  view: ViewEvent;
}
