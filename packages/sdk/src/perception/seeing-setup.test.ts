import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERSON_GONE_MS, watchPersonGone } from './seeing-setup';

describe('watchPersonGone (when the voice side forgets the speaker)', () => {
  afterEach(() => vi.useRealTimers());

  it('fires once presence has stayed off for PERSON_GONE_MS', () => {
    vi.useFakeTimers();
    const onGone = vi.fn();
    const gone = watchPersonGone(onGone);
    gone.presence(true);
    gone.presence(false);
    vi.advanceTimersByTime(PERSON_GONE_MS - 1);
    expect(onGone).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onGone).toHaveBeenCalledTimes(1);
  });

  it('does not fire when the face comes back in time, or after dispose', () => {
    vi.useFakeTimers();
    const onGone = vi.fn();
    const gone = watchPersonGone(onGone, 1000);
    gone.presence(false);
    vi.advanceTimersByTime(900);
    gone.presence(true);
    vi.advanceTimersByTime(5000);
    gone.presence(false);
    gone.dispose();
    vi.advanceTimersByTime(5000);
    expect(onGone).not.toHaveBeenCalled();
  });
});
