/**
 * Entry of the script-tag build: registers `<digital-human>` as soon as the script runs
 * and exposes the whole public API as `window.Digimens`.
 */
import { defineDigitalHumanElement } from './element';

export * from './index';

defineDigitalHumanElement();
