import { expect, test } from '@playwright/test';
import { callHuman, mountAvatar, recordedEvents, snapshot, waitForReady } from '../support/avatar-page';
import { greenAndRed, shareDifferentFrom } from '../support/pixels';

const FIXTURES = [
  { file: 'VRMC_vrm_expressions_isBinary_Overrides.vrm', version: '1' },
  { file: 'VRMC_vrm_expressions_isBinary_Overridden.vrm', version: '1' },
  { file: 'VRMC_materials_mtoon_UV_Animation_Test.vrm', version: '1' },
  { file: 'cryptovoxels.vrm', version: '0' },
] as const;

test.describe('VRM fixtures from ../shared/vrm', () => {
  for (const { file, version } of FIXTURES) {
    test(`${file} loads and renders (VRM ${version === '0' ? '0.x' : '1.0'})`, async ({ page }) => {
      await mountAvatar(page, { avatar: `/shared/vrm/${file}`, idle: 'false' });
      await waitForReady(page);
      const [ready] = await recordedEvents(page, 'ready');
      expect(ready?.detail.vrmVersion).toBe(version);
      expect(await recordedEvents(page, 'error')).toEqual([]);
      const image = await snapshot(page);
      expect(shareDifferentFrom(image, [255, 255, 255])).toBeGreaterThan(0.05);
    });
  }

  // The isBinary samples show green checks when expression overrides and isBinary are
  // implemented as the VRM 1.0 spec says, and red crosses when they are not.
  for (const file of FIXTURES.slice(0, 2).map((f) => f.file)) {
    test(`${file} shows its green check for every happy/blink combination`, async ({ page }) => {
      await mountAvatar(page, { avatar: `/shared/vrm/${file}`, idle: 'false', view: 'upper' });
      await waitForReady(page);
      const window = { x: 0.3, y: 0.08, width: 0.4, height: 0.5 };
      for (const [happy, blink] of [[0, 0], [0.3, 0.3], [0.7, 0.3], [0.3, 0.7], [0.7, 0.7], [1, 1]] as const) {
        await callHuman(page, 'setExpression', 'happy', happy);
        await callHuman(page, 'setExpression', 'blink', blink);
        const image = await snapshot(page, 800);
        const { green, red } = greenAndRed(image, window);
        const total = image.width * image.height * window.width * window.height;
        expect(green / total, `green share at happy=${happy} blink=${blink}`).toBeGreaterThan(0.4);
        expect(red / total, `red share at happy=${happy} blink=${blink}`).toBeLessThan(0.01);
      }
    });
  }
});
