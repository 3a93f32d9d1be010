import { expect, test } from '@playwright/test';
import { mountAvatar, waitForReady } from '../support/avatar-page';

test.describe('lip-sync drives the avatar', () => {
  test('speaking a sentence moves the visemes in order and returns to rest', async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', lang: 'nl' });
    await waitForReady(page);

    // "ja, boe": open (aa), lips shut (b), round (ou); timed as a TTS with word boundaries.
    const dominant = await page.evaluate(async () => {
      const { loadG2P, buildTimeline, LipSyncScheduler } = (window as any).Digimens;
      const human = (document.querySelector('digital-human') as any).human;
      const g2p = await loadG2P('nl');
      const timeline = buildTimeline('ja, boe', {
        kind: 'words',
        words: [
          { text: 'ja', start: 0, end: 400 },
          { text: 'boe', start: 600, end: 1100 },
        ],
      }, g2p);
      const seen: string[] = [];
      const target = {
        setVisemes(weights: Record<string, number>) {
          human.setVisemes(weights);
          const [name, weight] = Object.entries(weights).sort((a, b) => b[1] - a[1])[0] ?? ['rest', 0];
          const label = weight > 0.3 ? name : 'rest';
          if (seen.at(-1) !== label) seen.push(label);
        },
      };
      // Stands in for the audio clock (AudioContext.currentTime) of the playing speech, stepped
      // every 10 ms: the mouth follows the audio clock, so sampling it finely shows every
      // shape, however slowly software WebGL draws frames on this machine.
      let now = 0;
      const lips = new LipSyncScheduler({ target, clock: () => now });
      const played = lips.enqueue(timeline, 0.1);
      for (; now < 1.6; now += 0.01) lips.update();
      await played;
      lips.dispose();
      return seen;
    });
    expect(dominant[0]).toBe('rest');
    expect(dominant.at(-1)).toBe('rest');
    const open = dominant.indexOf('aa');
    const round = dominant.indexOf('ou');
    expect(open).toBeGreaterThan(0);
    expect(round).toBeGreaterThan(open);
    // Between "ja" and "boe" the mouth closes (pause, then the b).
    expect(dominant.slice(open, round)).toContain('rest');
    expect(pageErrors).toEqual([]);
  });

  test('stop() brings the mouth to rest within 100 ms', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm' });
    await waitForReady(page);
    const result = await page.evaluate(async () => {
      const { loadG2P, buildTimeline, LipSyncScheduler } = (window as any).Digimens;
      const human = (document.querySelector('digital-human') as any).human;
      const g2p = await loadG2P('nl');
      const timeline = buildTimeline('aaaa', { kind: 'duration', duration: 2000 }, g2p);
      let last: Record<string, number> = {};
      let stoppedAt = 0;
      let restAt = 0;
      const target = {
        setVisemes(weights: Record<string, number>) {
          human.setVisemes(weights);
          last = weights;
          if (stoppedAt && !restAt && Object.keys(weights).length === 0) restAt = performance.now();
        },
      };
      // Half a second into the utterance on its (stepped) audio clock, then stop in real time.
      let now = 0;
      const lips = new LipSyncScheduler({ target, clock: () => now });
      void lips.enqueue(timeline, 0);
      for (; now < 0.5; now += 0.01) lips.update();
      const speaking = last.aa ?? 0;
      lips.start();
      stoppedAt = performance.now();
      lips.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      lips.dispose();
      return { speaking, restMs: restAt - stoppedAt, after: last };
    });
    expect(result.speaking).toBeGreaterThan(0.5);
    expect(result.restMs).toBeGreaterThanOrEqual(0);
    expect(result.restMs).toBeLessThanOrEqual(100);
    expect(result.after).toEqual({});
  });
});
