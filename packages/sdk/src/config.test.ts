import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, resolveConfig } from './config';

function issuesOf(input: unknown) {
  try {
    resolveConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected resolveConfig to throw');
}

describe('resolveConfig', () => {
  it('fills every field from the defaults', () => {
    expect(resolveConfig()).toEqual(DEFAULT_CONFIG);
    expect(resolveConfig({ view: 'head' })).toEqual({ ...DEFAULT_CONFIG, view: 'head' });
  });

  it('treats undefined fields as absent', () => {
    expect(resolveConfig({ lang: undefined }).lang).toBe('nl');
  });

  it('names the bad field, what was expected and what was given', () => {
    const error = issuesOf({ view: 'sideways' });
    expect(error.code).toBe('config-invalid');
    expect(error.issues).toEqual([
      { field: 'view', expected: 'expected one of "head", "upper", "full"', received: 'sideways' },
    ]);
    expect(error.message).toBe('Invalid Digimens config — view: expected one of "head", "upper", "full", got "sideways"');
  });

  it('speech-to-text: on-device by default (no audio leaves the page); an unknown provider lists the known ones', () => {
    expect(resolveConfig().stt).toBe('auto');
    expect(issuesOf({ stt: 'whisper' }).issues).toEqual([
      { field: 'stt', expected: 'expected one of "auto", "openai", "web-speech", "none"', received: 'whisper' },
    ]);
  });

  it('reports every bad field at once', () => {
    const error = issuesOf({ lang: 'fr', eyeContact: 1.5, maxPixelRatio: 'high' });
    expect(error.issues.map((i) => i.field).sort()).toEqual(['eyeContact', 'lang', 'maxPixelRatio']);
    expect(error.message).toContain('eyeContact: expected a number between 0 and 1, got 1.5');
    expect(error.message).toContain('maxPixelRatio: expected a number between 0.5 and 4, got "high"');
  });

  it('suggests the intended name for a mistyped field', () => {
    const error = issuesOf({ avtar: 'a.vrm' });
    expect(error.issues[0]?.field).toBe('avtar');
    expect(error.message).toContain('did you mean "avatar"?');
  });

  it('rejects an empty avatar URL but accepts null for the built-in one', () => {
    expect(issuesOf({ avatar: '  ' }).message).toContain('avatar: expected a non-empty URL');
    expect(resolveConfig({ avatar: null }).avatar).toBeNull();
  });

  it('rejects a non-object config with a clear message', () => {
    expect(issuesOf('view=head').message).toContain('(config): expected an object of config fields');
    expect(issuesOf([1]).message).toContain('expected an object');
  });

  it('requires an integer seed', () => {
    expect(issuesOf({ seed: 1.5 }).message).toContain('seed: expected an integer, got 1.5');
  });
});
