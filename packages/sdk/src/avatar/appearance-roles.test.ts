import { describe, expect, it } from 'vitest';
import { assignRoles, roleFromName, type MaterialFacts } from './appearance-roles';

describe('roleFromName', () => {
  it.each([
    ['N00_000_00_Face_00_SKIN (Instance)', 'skin'],
    ['N00_000_00_Body_00_SKIN', 'skin'],
    ['N00_000_Hair_00_HAIR', 'hair'],
    ['N00_000_00_EyeIris_00_EYE', 'eyes'],
    ['N00_001_01_Tops_01_CLOTH', 'clothing'],
    ['skin', 'skin'],
    ['lips', 'skin'],
    ['iris', 'eyes'],
    ['limbus', 'eyes'],
    ['cloth', 'clothing'],
    ['hair', 'hair'],
  ])('%s → %s', (name, role) => expect(roleFromName(name)).toBe(role));

  it.each(['N00_000_00_EyeWhite_00_EYE', 'EyeHighlight', 'FaceEyelash', 'FaceBrow', 'FaceMouth', 'sclera', 'teeth', 'pupil', 'skin (Outline)'])(
    'keeps %s untinted',
    (name) => expect(roleFromName(name)).toBe('keep'),
  );

  it('has no verdict on names that say nothing', () => expect(roleFromName('No Name')).toBeNull());
});

const facts = (overrides: Partial<MaterialFacts>): MaterialFacts => ({
  names: [],
  vertexCount: 100,
  eyeShare: 0,
  hairShare: 0,
  headShare: 0,
  color: [0.5, 0.4, 0.3],
  ...overrides,
});

describe('assignRoles', () => {
  it('makes a one-material model all skin', () => {
    expect([...assignRoles([facts({ names: ['No Name'], color: [1, 1, 1] })])]).toEqual([[0, 'skin']]);
  });

  it('finds unnamed eyes on the eye bones (the chromatic part) and hair on head-hung spring bones', () => {
    const roles = assignRoles([
      facts({ eyeShare: 1, headShare: 1, color: [0.9, 0.9, 0.9], vertexCount: 400 }), // eye white
      facts({ eyeShare: 1, headShare: 1, color: [0.1, 0.3, 0.5], vertexCount: 100 }), // iris
      facts({ hairShare: 0.9, headShare: 1, color: [0.2, 0.1, 0.05] }),
      facts({ headShare: 0.95, vertexCount: 3000 }), // face
      facts({ headShare: 0.95, vertexCount: 50 }), // something small on the head
      facts({ headShare: 0, vertexCount: 2000, color: [0.2, 0.3, 0.6] }), // body clothing
    ]);
    expect(Object.fromEntries(roles)).toEqual({ 1: 'eyes', 2: 'hair', 3: 'skin', 5: 'clothing' });
  });

  it('lets names win over bone analysis', () => {
    const roles = assignRoles([facts({ names: ['cloth'], headShare: 1, vertexCount: 5000 }), facts({ names: ['skin'], vertexCount: 10 })]);
    expect(Object.fromEntries(roles)).toEqual({ 0: 'clothing', 1: 'skin' });
  });
});
