import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';

/**
 * Starts voice perception on the test page and checks the degraded path a person notices:
 * one `degraded` event with `code` and a reason matching `reason`, the text box still takes
 * a typed question, and no model is downloaded for nothing.
 */
async function expectTextOnlyMode(page: Page, code: string, reason: RegExp, typed: string): Promise<void> {
  const models: string[] = [];
  page.on('request', (request) => request.url().includes('/models/') && models.push(request.url()));
  await page.goto('/voice.html');
  expect(await page.evaluate(() => (window as any).startVoice())).toBe(false);
  const log = await page.evaluate(() => (window as any).__voice as Array<{ type: string; detail: any }>);
  expect(log.map((e) => e.type)).toEqual(['degraded']);
  expect(log[0]!.detail).toMatchObject({ code, reason: expect.stringMatching(reason) });
  await page.fill('#text', typed);
  await expect(page.locator('#text')).toHaveValue(typed);
  await expect(page.locator('#text')).toBeEnabled();
  expect(models).toEqual([]);
}

// No fake-UI flag: the permission prompt is refused, as when a person clicks "Block".
// (The no-microphone test replaces getUserMedia itself, so these flags do not touch it.)
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--deny-permission-prompts'] } });

test('microphone denied: a degraded event says why, text input stays usable, no model is downloaded', async ({ page }) => {
  await expectTextOnlyMode(page, 'microphone-denied', /refused.*text input stays available/, 'Hallo, ik heb een vraag');
});

test('no microphone: a degraded event says why, text input stays usable, no model is downloaded', async ({ page }) => {
  // A computer without any audio input: getUserMedia rejects as Chromium does then.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
  });
  await expectTextOnlyMode(page, 'microphone-unavailable', /no microphone was found.*text input stays available/, 'Ik heb geen microfoon');
});
