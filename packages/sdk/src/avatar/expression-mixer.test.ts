import { describe, expect, it } from 'vitest';
import { ExpressionMixer } from './expression-mixer';

function run(mixer: ExpressionMixer, seconds: number, fps = 60): Map<string, number> {
  let out = new Map<string, number>();
  for (let i = 0; i < seconds * fps; i++) out = mixer.update(1 / fps);
  return out;
}

describe('ExpressionMixer', () => {
  it('moves to a mood smoothly, not in one step', () => {
    const mixer = new ExpressionMixer();
    mixer.setMood('happy');
    const first = mixer.update(1 / 60).get('happy') ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(0.2);
    expect(run(mixer, 2).get('happy')).toBeCloseTo(1, 2);
  });

  it('cross-fades from one mood to the next', () => {
    const mixer = new ExpressionMixer();
    mixer.setMood('sad');
    run(mixer, 2);
    mixer.setMood('happy', 0.8);
    const mid = run(mixer, 0.15);
    expect(mid.get('sad')).toBeGreaterThan(0.1);
    expect(mid.get('happy')).toBeGreaterThan(0.1);
    const end = run(mixer, 2);
    expect(end.get('sad')).toBeCloseTo(0, 2);
    expect(end.get('happy')).toBeCloseTo(0.8, 2);
    expect(mixer.mood).toBe('happy');
  });

  it('lets visemes own the mouth: the mood never changes lip shapes', () => {
    const calm = new ExpressionMixer();
    const moody = new ExpressionMixer();
    moody.setMood('surprised');
    for (const mixer of [calm, moody]) mixer.setVisemes({ oh: 0.7, aa: 0.3 });
    const a = run(calm, 1);
    const b = run(moody, 1);
    for (const v of ['aa', 'ih', 'ou', 'ee', 'oh']) expect(b.get(v)).toBeCloseTo(a.get(v) ?? 0, 6);
  });

  it('tones a mood down while speaking and restores it after', () => {
    const mixer = new ExpressionMixer();
    mixer.setMood('happy');
    run(mixer, 2);
    mixer.setVisemes({ aa: 1 });
    const speaking = run(mixer, 0.5);
    expect(speaking.get('aa')).toBeCloseTo(1, 2);
    expect(speaking.get('happy')).toBeLessThanOrEqual(0.36);
    mixer.setVisemes({});
    const after = run(mixer, 0.5);
    expect(after.get('aa')).toBeCloseTo(0, 2);
    expect(after.get('happy')).toBeCloseTo(1, 2);
  });

  it('keeps total mouth weight at most 1', () => {
    const mixer = new ExpressionMixer();
    mixer.setVisemes({ aa: 1, ee: 1, ou: 1 });
    const out = run(mixer, 1);
    const total = ['aa', 'ih', 'ou', 'ee', 'oh'].reduce((s, v) => s + (out.get(v) ?? 0), 0);
    expect(total).toBeCloseTo(1, 3);
  });

  it('moves the mouth fast enough for speech (most of the way within 60 ms)', () => {
    const mixer = new ExpressionMixer();
    mixer.setVisemes({ ee: 1 });
    expect(run(mixer, 0.06).get('ee')).toBeGreaterThan(0.75);
  });

  it('routes mood and viseme names given to setExpression, and blends custom ones', () => {
    const mixer = new ExpressionMixer();
    mixer.setExpression('angry', 0.5);
    mixer.setExpression('ih', 1);
    mixer.setExpression('wink', 0.6);
    const out = run(mixer, 2);
    expect(mixer.mood).toBe('angry');
    expect(out.get('ih')).toBeCloseTo(1, 2);
    expect(out.get('wink')).toBeCloseTo(0.6, 2);
  });
});
