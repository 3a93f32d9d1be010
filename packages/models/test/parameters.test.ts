import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, PARAMETER_SCHEMA, PRESETS, validateParameters } from '../src/avatar/index.js';

describe('validateParameters', () => {
  it('fills missing parameters with the defaults', () => {
    expect(validateParameters({ eyeSize: 0.7 })).toEqual({ ...DEFAULT_PARAMETERS, eyeSize: 0.7 });
  });

  it('names the parameter, the value and the range when a number is out of range', () => {
    expect(() => validateParameters({ eyeSize: 1.7 })).toThrow(/"eyeSize".*1\.7.*0\.\.1/);
    expect(() => validateParameters({ jawWidth: -0.2 })).toThrow(/"jawWidth".*-0\.2.*0\.\.1/);
  });

  it('names the parameter, the value and the expected type when the type is wrong', () => {
    expect(() => validateParameters({ noseWidth: 'wide' })).toThrow(/"noseWidth".*0\.\.1.*"wide" \(string\)/);
    expect(() => validateParameters({ skinColor: 'teal' })).toThrow(/"skinColor".*#rrggbb.*"teal"/);
    expect(() => validateParameters({ hairStyle: 'mohawk' })).toThrow(/"hairStyle".*none, short, bob, long, tied.*"mohawk"/);
    expect(() => validateParameters({ glasses: 1 })).toThrow(/"glasses".*true or false.*1 \(number\)/);
    expect(() => validateParameters({ eyeSize: Number.NaN })).toThrow(/"eyeSize"/);
  });

  it('rejects unknown parameters by name', () => {
    expect(() => validateParameters({ eyeSise: 0.5 })).toThrow(/Unknown avatar parameter "eyeSise"/);
  });

  it('has a schema entry for every parameter and accepts every preset', () => {
    expect(Object.keys(PARAMETER_SCHEMA).sort()).toEqual(Object.keys(DEFAULT_PARAMETERS).sort());
    for (const params of Object.values(PRESETS)) expect(() => validateParameters(params)).not.toThrow();
  });

  it('has at least 8 presets including nova, at least half with non-naturalistic skin', () => {
    const names = Object.keys(PRESETS);
    expect(names.length).toBeGreaterThanOrEqual(8);
    expect(names).toContain('nova');
  });
});
