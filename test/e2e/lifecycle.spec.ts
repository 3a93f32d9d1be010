import { expect, test, type Page } from '@playwright/test';
import { callHuman, framesDuring, mountAvatar, snapshot, waitForReady } from '../support/avatar-page';
import { meanAbsoluteDifference, shareDifferentFrom } from '../support/pixels';

test.describe('lifecycle', () => {
  test('pauses rendering while off-screen and resumes when back', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm' });
    await waitForReady(page);
    expect(await framesDuring(page, 500)).toBeGreaterThan(2);
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
      window.scrollTo(0, 2500);
    });
    await page.waitForTimeout(200);
    expect(await framesDuring(page, 500)).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    expect(await framesDuring(page, 500)).toBeGreaterThan(2);
  });

  test('dispose frees the WebGL context, the canvas and the listeners', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm' });
    await waitForReady(page);
    const result = await page.evaluate(async () => {
      const element = document.querySelector('digital-human') as HTMLElement & { human: any };
      const human = element.human;
      const gl = human.three.renderer.getContext() as WebGL2RenderingContext;
      let eventsAfter = 0;
      human.on('frame', () => eventsAfter++);
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        state: human.state,
        contextLost: gl.isContextLost(),
        canvases: element.shadowRoot!.querySelectorAll('canvas').length,
        eventsAfter,
        elementHuman: element.human,
      };
    });
    expect(result).toEqual({ state: 'disposed', contextLost: true, canvases: 0, eventsAfter: 0, elementHuman: null });
  });

  test('view attribute reframes the camera: head view shows the head larger', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', view: 'full', idle: 'false' });
    await waitForReady(page);
    const full = shareDifferentFrom(await snapshot(page), [255, 255, 255]);
    await page.locator('digital-human').evaluate((el) => el.setAttribute('view', 'head'));
    const head = shareDifferentFrom(await snapshot(page), [255, 255, 255]);
    expect(head).toBeGreaterThan(full * 1.5);
  });
});

test.describe('on a high-density screen', () => {
  test.use({ deviceScaleFactor: 3 });

  test('caps the device pixel ratio and follows the element size', async ({ page }) => {
    await mountAvatar(page, { avatar: '/shared/vrm/cryptovoxels.vrm', 'max-pixel-ratio': '1.5' });
    await waitForReady(page);
    const canvasSize = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('digital-human')!.shadowRoot!.querySelector('canvas')!;
        return { width: canvas.width, height: canvas.height };
      });
    expect(await canvasSize()).toEqual({ width: 960, height: 720 });
    await page.locator('digital-human').evaluate((el) => {
      (el as HTMLElement).style.cssText = 'width: 300px; height: 200px; min-height: 0';
    });
    await expect.poll(canvasSize).toEqual({ width: 450, height: 300 });
  });

});

test.describe('expressions on the built-in avatar', () => {
  const FACE = { x: 0.3, y: 0.1, width: 0.4, height: 0.5 };

  test('changing the mood changes the face pixels, and neutral brings it back', async ({ page }) => {
    await mountAvatar(page, { view: 'head', idle: 'false' });
    await waitForReady(page);
    const neutral = await snapshot(page, 300);
    for (const mood of ['happy', 'sad', 'angry', 'surprised', 'relaxed']) {
      await callHuman(page, 'setMood', mood);
      const moody = await snapshot(page, 1000);
      const change = meanAbsoluteDifference(neutral, moody, FACE);
      expect(change, mood).toBeGreaterThan(0.3);
      await callHuman(page, 'setMood', 'neutral');
      const back = await snapshot(page, 1200);
      expect(meanAbsoluteDifference(neutral, back, FACE), `${mood} → neutral`).toBeLessThan(change * 0.2);
    }
  });

  test('each viseme gives its own mouth picture', async ({ page }) => {
    await mountAvatar(page, { view: 'head', idle: 'false' });
    await waitForReady(page);
    const shots = new Map<string, Awaited<ReturnType<typeof snapshot>>>();
    for (const viseme of ['aa', 'ih', 'ou', 'ee', 'oh']) {
      await callHuman(page, 'setViseme', viseme);
      shots.set(viseme, await snapshot(page, 400));
    }
    const names = [...shots.keys()];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const a = shots.get(names[i]!)!;
        const b = shots.get(names[j]!)!;
        expect(meanAbsoluteDifference(a, b, FACE), `${names[i]} vs ${names[j]}`).toBeGreaterThan(0.2);
      }
    }
  });

  test('looks at a point: the picture changes, and null returns the gaze', async ({ page }) => {
    await mountAvatar(page, { view: 'head', idle: 'false' });
    await waitForReady(page);
    const ahead = await snapshot(page, 2000);
    await callHuman(page, 'lookAt', { x: 1.5, y: 1.6, z: 1 });
    const aside = await snapshot(page, 1500);
    const turned = meanAbsoluteDifference(ahead, aside, FACE);
    expect(turned).toBeGreaterThan(1);
    await callHuman(page, 'lookAt', null);
    const back = await snapshot(page, 2000);
    expect(meanAbsoluteDifference(ahead, back, FACE)).toBeLessThan(turned * 0.2);
  });
});
