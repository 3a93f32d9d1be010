/**
 * Parametric VRM 1.0 avatar generator. Isomorphic: no Node APIs, so a configurator page can
 * run it live; only `build-avatars.ts` (the CLI) touches the file system.
 */
export {
  DEFAULT_PARAMETERS,
  HAIR_STYLES,
  PARAMETER_SCHEMA,
  type AvatarParameters,
  type BooleanParameterSchema,
  type ChoiceParameterSchema,
  type ColorParameterSchema,
  type HairStyle,
  type HexColor,
  type NumberParameterSchema,
  type ParameterSchema,
} from './parameters.js';
export { PRESETS } from './presets.js';
export { AvatarParameterError, validateParameters } from './validate.js';
export { generateAvatar, type GenerateOptions } from './generate-avatar.js';
export { EXPRESSION_NAMES, type ExpressionName } from './expressions.js';
export { BONE_NAMES, type BoneName } from './skeleton.js';
