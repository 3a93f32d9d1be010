import { describe, expect, it } from 'vitest';
import { IdleBehaviour, type IdleFrame } from './idle-behaviour';
import { seededRandom } from '../util/random';

/** A fake clock: steps the behaviour in fixed frames and records every output. */
function simulate(behaviour: IdleBehaviour, seconds: number, fps = 60): IdleFrame[] {
  const frames: IdleFrame[] = [];
  const dt = 1 / fps;
  for (let i = 0; i < seconds * fps; i++) frames.push(behaviour.update(dt));
  return frames;
}

/** Start times (s) of blinks: frames where the lids begin to close. */
function blinkOnsets(frames: IdleFrame[], fps = 60): number[] {
  const onsets: number[] = [];
  frames.forEach((frame, i) => {
    if (frame.blink > 0 && (frames[i - 1]?.blink ?? 0) === 0) onsets.push(i / fps);
  });
  return onsets;
}

describe('IdleBehaviour (fake clock)', () => {
  it('blinks at a natural rate: 10–25 a minute, never the same interval twice in a row', () => {
    const frames = simulate(new IdleBehaviour(seededRandom(1)), 600);
    const onsets = blinkOnsets(frames);
    const perMinute = onsets.length / 10;
    expect(perMinute).toBeGreaterThanOrEqual(10);
    expect(perMinute).toBeLessThanOrEqual(25);
    const gaps = onsets.slice(1).map((t, i) => t - (onsets[i] ?? 0));
    const distinct = new Set(gaps.map((g) => g.toFixed(2)));
    expect(distinct.size).toBeGreaterThan(gaps.length * 0.6);
  });

  it('keeps separate blinks apart, except the occasional double blink', () => {
    const onsets = blinkOnsets(simulate(new IdleBehaviour(seededRandom(2)), 600));
    const gaps = onsets.slice(1).map((t, i) => t - (onsets[i] ?? 0));
    const doubles = gaps.filter((g) => g < 1.2);
    expect(doubles.length).toBeGreaterThan(0);
    expect(doubles.length).toBeLessThan(gaps.length * 0.25);
    for (const g of doubles) expect(g).toBeGreaterThan(0.25);
  });

  it('closes the lids fully and briefly (under 300 ms a blink)', () => {
    const frames = simulate(new IdleBehaviour(seededRandom(3)), 60);
    expect(Math.max(...frames.map((f) => f.blink))).toBe(1);
    let run = 0;
    let longest = 0;
    for (const f of frames) {
      run = f.blink > 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest / 60).toBeLessThan(0.3);
  });

  it.each([0.3, 0.7, 0.9])('spends about %s of the time in eye contact', (ratio) => {
    const frames = simulate(new IdleBehaviour(seededRandom(4), { eyeContact: ratio }), 1200, 30);
    const share = frames.filter((f) => f.lookingAtViewer).length / frames.length;
    expect(share).toBeGreaterThan(ratio - 0.08);
    expect(share).toBeLessThan(ratio + 0.08);
  });

  it('never looks at the viewer with eye contact 0, always with 1', () => {
    expect(simulate(new IdleBehaviour(seededRandom(5), { eyeContact: 0 }), 60).some((f) => f.lookingAtViewer)).toBe(false);
    expect(simulate(new IdleBehaviour(seededRandom(5), { eyeContact: 1 }), 60).every((f) => f.lookingAtViewer)).toBe(true);
  });

  it('makes small saccades in contact and larger glances away', () => {
    const frames = simulate(new IdleBehaviour(seededRandom(6), { eyeContact: 0.5 }), 120);
    const angle = (f: IdleFrame) => Math.hypot(f.gaze.yaw, f.gaze.pitch) * (180 / Math.PI);
    const contact = frames.filter((f) => f.lookingAtViewer).map(angle);
    const away = frames.filter((f) => !f.lookingAtViewer).map(angle);
    expect(Math.max(...contact)).toBeLessThan(2.5);
    expect(Math.min(...away)).toBeGreaterThan(7);
    expect(new Set(contact.map((a) => a.toFixed(3))).size).toBeGreaterThan(20);
  });

  it('breathes about 14 times a minute and sways the head by a few degrees at most', () => {
    const frames = simulate(new IdleBehaviour(seededRandom(7)), 60);
    const crossings = frames.filter((f, i) => i > 0 && (frames[i - 1]?.breath ?? 0) < 0 && f.breath >= 0).length;
    expect(crossings).toBeGreaterThanOrEqual(12);
    expect(crossings).toBeLessThanOrEqual(16);
    const maxHead = Math.max(...frames.map((f) => Math.max(Math.abs(f.head.yaw), Math.abs(f.head.pitch), Math.abs(f.head.roll))));
    expect(maxHead * (180 / Math.PI)).toBeLessThan(3);
    expect(maxHead).toBeGreaterThan(0);
  });

  it('moves the head smoothly: no jump between frames', () => {
    const frames = simulate(new IdleBehaviour(seededRandom(8)), 30);
    for (let i = 1; i < frames.length; i++) {
      const a = frames[i - 1]!.head;
      const b = frames[i]!.head;
      expect(Math.abs(b.yaw - a.yaw)).toBeLessThan(0.002);
    }
  });

  it('is deterministic for a seed and frame-rate independent in timing', () => {
    const a = simulate(new IdleBehaviour(seededRandom(9)), 30);
    const b = simulate(new IdleBehaviour(seededRandom(9)), 30);
    expect(a).toEqual(b);
    const at30 = blinkOnsets(simulate(new IdleBehaviour(seededRandom(9)), 30, 30), 30);
    const at60 = blinkOnsets(simulate(new IdleBehaviour(seededRandom(9)), 30, 60), 60);
    expect(at30.length).toBe(at60.length);
    at30.forEach((t, i) => expect(Math.abs(t - (at60[i] ?? 0))).toBeLessThan(1 / 30 + 1e-9));
  });

  it('applies a new eye-contact ratio at run time', () => {
    const behaviour = new IdleBehaviour(seededRandom(10), { eyeContact: 1 });
    simulate(behaviour, 5);
    behaviour.setEyeContact(0);
    const later = simulate(behaviour, 60).slice(60 * 15);
    expect(later.some((f) => f.lookingAtViewer)).toBe(false);
  });
});
