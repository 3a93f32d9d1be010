import { expect, test } from '@playwright/test';

test('no microphone: a degraded event says why, text input stays usable, no model is downloaded', async ({ page }) => {
  // A computer without any audio input: getUserMedia rejects as Chromium does then.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
  });
  const models: string[] = [];
  page.on('request', (request) => request.url().includes('/models/') && models.push(request.url()));
  await page.goto('/voice.html');
  expect(await page.evaluate(() => (window as any).startVoice())).toBe(false);
  const log = await page.evaluate(() => (window as any).__voice as Array<{ type: string; detail: any }>);
  expect(log.map((e) => e.type)).toEqual(['degraded']);
  expect(log[0]!.detail).toMatchObject({ code: 'microphone-unavailable', reason: expect.stringMatching(/no microphone was found.*text input stays available/) });
  await page.fill('#text', 'Ik heb geen microfoon');
  await expect(page.locator('#text')).toHaveValue('Ik heb geen microfoon');
  await expect(page.locator('#text')).toBeEnabled();
  expect(models).toEqual([]);
});
