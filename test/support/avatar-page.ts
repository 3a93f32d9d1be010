import type { Page } from '@playwright/test';
import { decodePng, type Image } from './pixels';

/** Attributes of a `<digital-human>` under test. */
export type Attributes = Record<string, string>;

/**
 * Puts one `<digital-human>` with `attributes` on the test host page (which holds only
 * the IIFE script tag) and records every event it dispatches in `window.__events`.
 */
export async function mountAvatar(page: Page, attributes: Attributes): Promise<void> {
  await page.goto('/empty.html');
  await page.evaluate((attrs) => {
    const events: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { __events: typeof events }).__events = events;
    const element = document.createElement('digital-human');
    for (const type of ['ready', 'error', 'state', 'progress']) {
      element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    document.body.append(element);
  }, attributes);
}

/** Events recorded by {@link mountAvatar}, optionally of one type. */
export async function recordedEvents(page: Page, type?: string): Promise<Array<{ type: string; detail: any }>> {
  const events = await page.evaluate(() => (window as unknown as { __events: Array<{ type: string; detail: unknown }> }).__events);
  return type ? events.filter((e) => e.type === type) : events;
}

/** Counts `frame` events of the element's DigitalHuman during `ms` milliseconds: proof the avatar is alive. */
export async function framesDuring(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (duration) => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: { on: (t: string, f: () => void) => () => void } };
    let frames = 0;
    const off = element.human.on('frame', () => frames++);
    await new Promise((resolve) => setTimeout(resolve, duration));
    off();
    return frames;
  }, ms);
}

/** Waits until the element's avatar is loaded and drawn. */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const element = document.querySelector('digital-human') as (HTMLElement & { human?: { state: string } }) | null;
    return element?.human?.state === 'ready';
  });
}

/**
 * Screenshot of the element, decoded, once `settleMs` of animation time has passed (the
 * SDK's transitions are timed in seconds, not frames; software WebGL may run at a few fps)
 * and at least two more frames were drawn.
 */
export async function snapshot(page: Page, settleMs = 0): Promise<Image> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        let frames = 0;
        const step = () => {
          frames++;
          if (frames >= 2 && performance.now() - start >= ms) resolve();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    settleMs,
  );
  return decodePng(await page.locator('digital-human').screenshot());
}

/** Calls a method of the element's DigitalHuman in the page. */
export async function callHuman(page: Page, method: string, ...args: unknown[]): Promise<void> {
  await page.evaluate(
    ({ method, args }) => {
      const element = document.querySelector('digital-human') as HTMLElement & { human: Record<string, (...a: unknown[]) => void> };
      element.human[method]!(...args);
    },
    { method, args },
  );
}
