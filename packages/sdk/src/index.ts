/**
 * Digimens: an embeddable digital human for the browser.
 *
 * The only import path users need. For a plain `<script>` tag, use the IIFE build
 * (`dist/digimens.iife.js`), which registers `<digital-human>` and exposes `window.Digimens`.
 * @packageDocumentation
 */
export { DigitalHuman, type DigitalHumanEventMap, type Point3 } from './digital-human';
export { DigitalHumanElement, defineDigitalHumanElement, type DigitalHumanElementEventMap } from './element';
export {
  resolveConfig,
  DEFAULT_CONFIG,
  ConfigError,
  VIEWS,
  LANGUAGES,
  type DigitalHumanConfig,
  type ConfigIssue,
  type View,
  type Language,
} from './config';
export { DigimensError, type DigimensErrorCode } from './errors';
export type {
  DigitalHumanEvents,
  LifecycleState,
  ReadyEvent,
  ErrorEvent,
  StateEvent,
  ProgressEvent,
  ViewEvent,
} from './events';
export type { FrameTiming } from './avatar/stage';
export { MOODS, VISEMES, type Mood, type Viseme, type VisemeWeights } from './avatar/expression-mixer';
export { DEFAULT_AVATAR_PRESET } from './assets';

/** Version of this SDK build. */
export const VERSION: string = __DIGIMENS_VERSION__;
