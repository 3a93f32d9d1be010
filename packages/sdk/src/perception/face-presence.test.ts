import { describe, expect, it } from 'vitest';
import { PresenceFilter } from './face-presence';

describe('PresenceFilter', () => {
  it('turns on after enterMs of faces and ignores a single false detection', () => {
    const presence = new PresenceFilter({ enterMs: 150, leaveMs: 1000 });
    expect(presence.update(true, 0)).toBe(false);
    expect(presence.pending).toBe(true);
    expect(presence.update(false, 66)).toBe(false);
    expect(presence.pending).toBe(false);
    expect(presence.update(true, 132)).toBe(false);
    expect(presence.update(true, 300)).toBe(true);
    expect(presence.value).toBe(true);
  });

  it('rides over short losses and turns off after leaveMs', () => {
    const presence = new PresenceFilter({ enterMs: 0, leaveMs: 1000 });
    presence.update(true, 0);
    presence.update(true, 1);
    expect(presence.update(false, 100)).toBe(false);
    expect(presence.update(true, 500)).toBe(false);
    expect(presence.update(false, 600)).toBe(false);
    expect(presence.update(false, 1700)).toBe(true);
    expect(presence.value).toBe(false);
  });
});
