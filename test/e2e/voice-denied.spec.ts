import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

// No fake-UI flag: the permission prompt is refused, as when a person clicks "Block".
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'] } });

test('microphone denied: a degraded event says why, text input stays usable, no model is downloaded', async ({ page }) => {
  const models: string[] = [];
  page.on('request', (request) => request.url().includes('/models/') && models.push(request.url()));
  await page.goto('/voice.html');
  expect(await page.evaluate(() => (window as any).startVoice())).toBe(false);
  const log = await page.evaluate(() => (window as any).__voice as Array<{ type: string; detail: any }>);
  expect(log.map((e) => e.type)).toEqual(['degraded']);
  expect(log[0]!.detail).toMatchObject({ code: 'microphone-denied', reason: expect.stringMatching(/refused.*text input stays available/) });
  await page.fill('#text', 'Hallo, ik heb een vraag');
  await expect(page.locator('#text')).toHaveValue('Hallo, ik heb een vraag');
  await expect(page.locator('#text')).toBeEnabled();
  expect(models).toEqual([]);
});
