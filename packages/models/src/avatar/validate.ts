import { DEFAULT_PARAMETERS, PARAMETER_SCHEMA, type AvatarParameters } from './parameters.js';

/** Thrown for a parameter that is unknown, of the wrong type or out of range. */
export class AvatarParameterError extends Error {
  constructor(
    message: string,
    /** Name of the offending parameter. */
    readonly parameter: string,
  ) {
    super(message);
    this.name = 'AvatarParameterError';
  }
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}" (string)`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${String(value)} (${typeof value})`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * Checks a (partial) parameter object and returns a complete one, missing fields taken from
 * `DEFAULT_PARAMETERS`. Throws an {@link AvatarParameterError} naming the parameter, the value
 * and the allowed range or values for the first problem found.
 */
export function validateParameters(input: unknown = {}): AvatarParameters {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AvatarParameterError(`Avatar parameters must be an object, got ${describe(input)}`, '(root)');
  }
  const given = input as Record<string, unknown>;
  const known = Object.keys(PARAMETER_SCHEMA);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new AvatarParameterError(`Unknown avatar parameter "${key}"; known parameters: ${known.join(', ')}`, key);
    }
  }
  const result: Record<string, unknown> = { ...DEFAULT_PARAMETERS };
  for (const [key, schema] of Object.entries(PARAMETER_SCHEMA)) {
    const value = given[key];
    if (value === undefined) continue;
    switch (schema.kind) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new AvatarParameterError(
            `Avatar parameter "${key}" must be a finite number in ${schema.min}..${schema.max}, got ${describe(value)}`,
            key,
          );
        }
        if (value < schema.min || value > schema.max) {
          throw new AvatarParameterError(
            `Avatar parameter "${key}" is ${value}, outside the allowed range ${schema.min}..${schema.max}`,
            key,
          );
        }
        break;
      case 'color':
        if (typeof value !== 'string' || !HEX_COLOR.test(value)) {
          throw new AvatarParameterError(
            `Avatar parameter "${key}" must be a colour "#rrggbb", got ${describe(value)}`,
            key,
          );
        }
        break;
      case 'choice':
        if (typeof value !== 'string' || !schema.values.includes(value)) {
          throw new AvatarParameterError(
            `Avatar parameter "${key}" must be one of ${schema.values.join(', ')}, got ${describe(value)}`,
            key,
          );
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') {
          throw new AvatarParameterError(`Avatar parameter "${key}" must be true or false, got ${describe(value)}`, key);
        }
        break;
    }
    result[key] = value;
  }
  return result as unknown as AvatarParameters;
}
