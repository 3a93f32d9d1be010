import { expect, test } from '@playwright/test';
import { snapshot, waitForReady } from '../support/avatar-page';
import { meanAbsoluteDifference, shareDifferentFrom } from '../support/pixels';

const WHITE: [number, number, number] = [255, 255, 255];

test.describe('a page with only the IIFE script tag and <digital-human>', () => {
  test('shows the built-in avatar, served beside the script', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto('/script-tag.html');
    await waitForReady(page);

    const ready = await page.evaluate(() => {
      const element = document.querySelector('digital-human') as HTMLElement & { human: { state: string } };
      return { state: element.human.state, api: Object.keys((window as unknown as { Digimens: object }).Digimens) };
    });
    expect(ready.state).toBe('ready');
    expect(ready.api).toEqual(expect.arrayContaining(['DigitalHuman', 'DigitalHumanElement', 'resolveConfig', 'VERSION']));

    const image = await snapshot(page);
    // The avatar stands in the middle: its region is mostly avatar, the corners background.
    const centre = shareDifferentFrom(image, WHITE, { x: 0.4, y: 0.15, width: 0.2, height: 0.5 });
    const corner = shareDifferentFrom(image, WHITE, { x: 0, y: 0, width: 0.1, height: 0.1 });
    expect(centre).toBeGreaterThan(0.6);
    expect(corner).toBeLessThan(0.02);
    expect(failed.filter((line) => !line.endsWith('/favicon.ico'))).toEqual([]);
  });

  test('is alive: idle motion changes the picture over time', async ({ page }) => {
    await page.goto('/script-tag.html');
    await waitForReady(page);
    const first = await snapshot(page);
    await page.waitForTimeout(1500);
    const later = await snapshot(page);
    expect(meanAbsoluteDifference(first, later)).toBeGreaterThan(0.05);
  });
});
