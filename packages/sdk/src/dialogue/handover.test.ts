import { describe, expect, it } from 'vitest';
import { HandoverMonitor } from './handover';

describe('HandoverMonitor', () => {
  it('recognises explicit requests for a human in Dutch and English', () => {
    for (const text of ['Ik wil een medewerker spreken', 'Mag ik met een echt mens praten?', 'Kunt u iemand halen?', 'I want to speak to a human', 'Can I talk to a real person please']) {
      expect(HandoverMonitor.isExplicitRequest(text), text).toBe(true);
    }
    for (const text of ['Ik ben verhuisd', 'Wat zijn de openingstijden?', 'Is my address right?']) {
      expect(HandoverMonitor.isExplicitRequest(text), text).toBe(false);
    }
  });

  it('hands over once after sustained negative affect, not on one bad moment', () => {
    let now = 0;
    const monitor = new HandoverMonitor({ sustainedNegativeS: 10, now: () => now });
    const upset = { label: 'tense', valence: -0.6, arousal: 0.7, confidence: 0.7 };
    expect(monitor.checkAffect(upset)).toBeNull();
    now = 5000;
    expect(monitor.checkAffect({ ...upset, valence: 0.2 })).toBeNull(); // calmed down: the clock restarts
    now = 6000;
    expect(monitor.checkAffect(upset)).toBeNull();
    now = 12_000;
    expect(monitor.checkAffect({ ...upset, confidence: 0.2 })).toBeNull(); // unsure estimates do not count
    now = 13_000;
    expect(monitor.checkAffect(upset)).toBeNull();
    now = 23_000;
    expect(monitor.checkAffect(upset)).toMatchObject({ trigger: 'affect' });
    now = 40_000;
    expect(monitor.checkAffect(upset)).toBeNull();
  });
});
