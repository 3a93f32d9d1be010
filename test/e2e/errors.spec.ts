import { expect, test, type Page } from '@playwright/test';
import { mountAvatar, recordedEvents, waitForReady } from '../support/avatar-page';

/** Text the element shows in its alert box (inside the shadow root). */
async function shownError(page: Page): Promise<string> {
  const alert = page.locator('digital-human').getByRole('alert');
  await expect(alert).toBeVisible();
  return (await alert.textContent()) ?? '';
}

test.describe('bad input gets a clear error and the page keeps running', () => {
  test('a broken avatar URL: error event, message in the element, then recovery', async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await mountAvatar(page, { avatar: '/shared/vrm/does-not-exist.vrm' });
    await expect.poll(async () => (await recordedEvents(page, 'error')).length).toBe(1);

    const [error] = await recordedEvents(page, 'error');
    expect(error?.detail.code).toBe('avatar-load-failed');
    expect(error?.detail.message).toContain('/shared/vrm/does-not-exist.vrm');
    expect(error?.detail.message).toContain('HTTP 404');
    expect(await shownError(page)).toContain('does-not-exist.vrm');
    const states = (await recordedEvents(page, 'state')).map((e) => e.detail.state);
    expect(states).toEqual(['loading', 'degraded']);

    // Still running: fix the attribute and the avatar appears, the message goes.
    await page.locator('digital-human').evaluate((el) => el.setAttribute('avatar', '/shared/vrm/cryptovoxels.vrm'));
    await waitForReady(page);
    await expect(page.locator('digital-human').getByRole('alert')).toBeHidden();
    expect(pageErrors).toEqual([]);
  });

  test('a file that is not a VRM: avatar-invalid with what to do', async ({ page }) => {
    await mountAvatar(page, { avatar: '/empty.html' });
    await expect.poll(async () => (await recordedEvents(page, 'error')).length).toBe(1);
    const [error] = await recordedEvents(page, 'error');
    expect(error?.detail.code).toBe('avatar-invalid');
    expect(error?.detail.message).toMatch(/not a readable VRM file.*Export the avatar as VRM 0\.x or 1\.0/);
    expect(await shownError(page)).toContain('not a readable VRM file');
  });

  test('an invalid attribute: readable error, default used, avatar still shown', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', view: 'sideways', 'eye-contact': 'lots' });
    await waitForReady(page);
    const messages = (await recordedEvents(page, 'error')).map((e) => e.detail);
    expect(messages).toEqual([
      {
        code: 'config-invalid',
        message: 'Invalid attribute view="sideways": expected one of "head", "upper", "full". Using the default instead.',
      },
      {
        code: 'config-invalid',
        message: 'Invalid attribute eye-contact="lots": expected a number between 0 and 1. Using the default instead.',
      },
    ]);
    const shown = await shownError(page);
    expect(shown).toContain('view="sideways"');
    expect(shown).toContain('eye-contact="lots"');

    // Correcting the attribute clears its message.
    await page.locator('digital-human').evaluate((el) => {
      el.setAttribute('view', 'head');
      el.setAttribute('eye-contact', '0.5');
    });
    await expect(page.locator('digital-human').getByRole('alert')).toBeHidden();
    expect(await page.evaluate(() => (document.querySelector('digital-human') as any).human.config.view)).toBe('head');
  });

  test('a broken config passed to DigitalHuman throws a ConfigError naming the field', async ({ page }) => {
    await page.goto('/empty.html');
    const message = await page.evaluate(() => {
      const { DigitalHuman } = (window as any).Digimens;
      try {
        new DigitalHuman(document.body, { view: 'wide', maxPixelRatio: 0 });
        return 'no error';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    });
    expect(message).toBe(
      'ConfigError: Invalid Digimens config — view: expected one of "head", "upper", "full", got "wide"; maxPixelRatio: expected a number between 0.5 and 4, got 0',
    );
  });
});
