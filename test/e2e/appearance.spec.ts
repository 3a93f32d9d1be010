import { expect, test, type Page } from '@playwright/test';
import { mountAvatar, snapshot, waitForReady } from '../support/avatar-page';
import { deltaE2000, hexToLinear, linearToLab, srgbToLinear, type Rgb } from '../support/color-difference';
import type { Image } from '../support/pixels';

/*
 * setAppearance must move the *rendered* skin colour to the target. What a colour looks like on
 * screen depends on the lights and, for MToon, on the painted shade colour, so the target hex
 * cannot be compared with pixels directly. Instead the test measures, on this very frame, how
 * the renderer maps the skin material's colour to pixels, and predicts what the target renders
 * as, without going through the API under test:
 *
 * Before lighting is clamped and encoded, a pixel of a lit surface is linear in the material's
 * colour factor c and (MToon) its shade factor s: pixel = A·c + B·s + C (per channel; C holds
 * what does not depend on either: rim light, other surfaces' contributions). Three calibration
 * frames with the factors set directly on the material give them: (c, s) = (0, 0) → C,
 * (g, 0) → A·g + C, (0, g) → B·g + C.
 *
 * Skin pixels are those that changed between the first two frames (only the skin material was
 * changed), kept where the surface is mostly lit (B·g ≤ A·g / 4: MToon's soft shading mixes a
 * little shade in almost everywhere) and where the prediction would not clip, then eroded by a
 * pixel to drop antialiased edges. There a surface of the target colour T renders as
 * A·T + B·S + C, where S is the shade the model's author paints for that colour: T times the
 * file's own shade-to-colour ratio, read from the material before the test touches it (B is
 * zero for standard materials, which have no shade colour). The test compares the mean of those
 * predictions with the mean of the pixels after `setAppearance({ skin: T })` in CIEDE2000.
 * Nothing in the prediction comes from the SDK's tinting: a wrong role, a wrong tint or an
 * unfinished transition all show up as a large ΔE.
 */

const GREY = 0.5;

interface Case {
  name: string;
  attributes: Record<string, string>;
  /** Which material the test calibrates: the skin as the file names it, or null for "the only one". */
  skinMaterial: string | null;
  target: string;
}

const CASES: Case[] = [
  { name: 'built-in generated avatar (MToon)', attributes: { view: 'head', idle: 'false' }, skinMaterial: 'skin', target: '#8d5a3b' },
  {
    name: 'cryptovoxels.vrm (VRM 0.x, one untextured standard material)',
    attributes: { avatar: '/shared/vrm/cryptovoxels.vrm', view: 'head', idle: 'false' },
    skinMaterial: null,
    target: '#6fb5b0',
  },
];

/** Sets the colour (and MToon shade) factors of the skin material, bypassing the SDK's API. */
async function setSkinFactors(page: Page, name: string | null, color: Rgb, shade: Rgb): Promise<void> {
  await page.evaluate(
    ({ name, color, shade }) => {
      const element = document.querySelector('digital-human') as HTMLElement & { human: any };
      const materials = new Set<any>();
      element.human.three.scene.traverse((o: any) => {
        for (const m of [o.material].flat()) if (m?.color && (name === null || m.name === name)) materials.add(m);
      });
      for (const m of materials) {
        m.userData.__original ??= { color: m.color.toArray(), shade: m.shadeColorFactor?.toArray() };
        m.color.setRGB(...color);
        m.shadeColorFactor?.setRGB(...shade);
      }
    },
    { name, color, shade },
  );
}

/** The skin material's colour and shade factors as the file has them (shade = colour when it has none). */
async function skinFactors(page: Page, name: string | null): Promise<{ color: Rgb; shade: Rgb }> {
  return page.evaluate((name) => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: any };
    let found: { color: Rgb; shade: Rgb } | null = null;
    element.human.three.scene.traverse((o: any) => {
      for (const m of [o.material].flat()) {
        if (found || !m?.color || (name !== null && m.name !== name)) continue;
        found = { color: m.color.toArray(), shade: (m.shadeColorFactor ?? m.color).toArray() };
      }
    });
    if (!found) throw new Error(`no material ${name}`);
    return found;
  }, name);
}

async function restoreSkinFactors(page: Page): Promise<void> {
  await page.evaluate(() => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: any };
    element.human.three.scene.traverse((o: any) => {
      for (const m of [o.material].flat()) {
        const original = m?.userData?.__original;
        if (!original) continue;
        m.color.fromArray(original.color);
        if (original.shade) m.shadeColorFactor.fromArray(original.shade);
        delete m.userData.__original;
      }
    });
  });
}

function linearPixels(image: Image): Float32Array {
  const out = new Float32Array(image.width * image.height * 3);
  for (let p = 0; p < image.width * image.height; p++) {
    for (let c = 0; c < 3; c++) out[p * 3 + c] = srgbToLinear((image.data[p * 4 + c] ?? 0) / 255);
  }
  return out;
}

/**
 * Per pixel, the predicted linear colour of a surface of colour `target` and shade `shade`,
 * or NaN where the pixel is not mostly lit skin or the prediction would clip; see the top.
 */
function predict(C: Float32Array, A: Float32Array, B: Float32Array, target: Readonly<Rgb>, shade: Readonly<Rgb>): Float32Array {
  const out = new Float32Array(C.length);
  for (let p = 0; p < C.length / 3; p++) {
    let ok = true;
    for (let c = 0; c < 3; c++) {
      const i = p * 3 + c;
      const gain = ((A[i] ?? 0) - (C[i] ?? 0)) / GREY;
      const shadeGain = ((B[i] ?? 0) - (C[i] ?? 0)) / GREY;
      out[i] = (C[i] ?? 0) + gain * (target[c] ?? 0) + shadeGain * (shade[c] ?? 0);
      if (gain < 0.3 || shadeGain > gain / 4 || (out[i] ?? 0) > 0.97 || (A[i] ?? 0) > 0.97 || (B[i] ?? 0) > 0.97) ok = false;
    }
    if (!ok) out.fill(Number.NaN, p * 3, p * 3 + 3);
  }
  return out;
}

/** Pixels whose prediction exists and whose four neighbours' do too (no antialiased edges). */
function skinMask(width: number, height: number, predicted: Float32Array): number[] {
  const ok = (p: number): boolean => !Number.isNaN(predicted[p * 3] ?? Number.NaN);
  const mask: number[] = [];
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const p = y * width + x;
      if (ok(p) && ok(p - 1) && ok(p + 1) && ok(p - width) && ok(p + width)) mask.push(p);
    }
  }
  return mask;
}

function meanOver(pixels: Float32Array, mask: number[]): Rgb {
  const sum: Rgb = [0, 0, 0];
  for (const p of mask) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (pixels[p * 3 + c] ?? 0);
  return sum.map((s) => s / mask.length) as Rgb;
}

test('ΔE2000 implementation matches the published reference pairs (Sharma et al. 2005)', () => {
  const pairs: Array<[Rgb, Rgb, number]> = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  for (const [a, b, expected] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
});

for (const c of CASES) {
  test(`setAppearance moves the rendered skin colour to the target: ${c.name}`, async ({ page }) => {
    await mountAvatar(page, c.attributes);
    await waitForReady(page);
    const target = hexToLinear(c.target);
    const original = linearPixels(await snapshot(page, 300));
    const authored = await skinFactors(page, c.skinMaterial);
    const targetShade = target.map((t, k) => t * (authored.shade[k]! / Math.max(1e-4, authored.color[k]!))) as Rgb;

    await setSkinFactors(page, c.skinMaterial, [0, 0, 0], [0, 0, 0]);
    const C = linearPixels(await snapshot(page));
    await setSkinFactors(page, c.skinMaterial, [GREY, GREY, GREY], [0, 0, 0]);
    const shot = await snapshot(page);
    const A = linearPixels(shot);
    await setSkinFactors(page, c.skinMaterial, [0, 0, 0], [GREY, GREY, GREY]);
    const B = linearPixels(await snapshot(page));
    await restoreSkinFactors(page);

    const perPixel = predict(C, A, B, target, targetShade);
    const mask = skinMask(shot.width, shot.height, perPixel);
    expect(mask.length, 'skin pixels found').toBeGreaterThan(500);
    const predicted = meanOver(perPixel, mask);

    await page.evaluate((skin) => (document.querySelector('digital-human') as any).human.setAppearance({ skin }), c.target);
    // The transition takes 0.6 s of animation time.
    const after = linearPixels(await snapshot(page, 1200));
    const before = deltaE2000(linearToLab(meanOver(original, mask)), linearToLab(predicted));
    const reached = deltaE2000(linearToLab(meanOver(after, mask)), linearToLab(predicted));
    console.log(`${c.name}: ${mask.length} skin pixels; ΔE2000 to the target's rendering ${before.toFixed(2)} before, ${reached.toFixed(2)} after`);
    expect(before, 'the target is a visible change').toBeGreaterThan(10);
    expect(reached).toBeLessThanOrEqual(5);
    const appearance = await page.evaluate(() => (document.querySelector('digital-human') as any).human.getAppearance());
    expect(appearance.skin).toBe(c.target);
  });
}
