import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { framesDuring, mountAvatar, recordedEvents, waitForReady } from '../support/avatar-page';
import { fakeMediaLaunchOptions } from '../support/chromium';
import { writeFakeCameraVideo } from '../support/fake-camera';
import { writeFakeMicrophoneWav } from '../support/fake-microphone';
import { SHARED } from '../support/paths';

// Outside test-results/, which a concurrent Playwright run empties when it starts.
// The fake camera (looped): 2 s of an empty scene, 6 s of a happy face (an eval photo).
const VIDEO = join(tmpdir(), `digimens-camera-element-${process.pid}.y4m`);
writeFakeCameraVideo(VIDEO, [
  { image: null, seconds: 2 },
  { image: join(SHARED, 'eval/faces/happy/0121b01.jpg'), seconds: 6 },
]);
// The fake microphone (looped): silence, one angry RAVDESS dev clip, silence.
const WAV = join(tmpdir(), `digimens-camera-element-${process.pid}.wav`);
writeFakeMicrophoneWav(WAV, [
  { silenceSeconds: 1 },
  { wav: join(SHARED, 'eval/speech/dev/angry/ravdess_03-01-05-02-01-01-15.wav') },
  { silenceSeconds: 1.5 },
]);

test.use({ launchOptions: fakeMediaLaunchOptions({ camera: VIDEO, microphone: WAV }) });

/**
 * The MediaPipe models where a deployment has them after `pnpm models:fetch` (beside the
 * SDK's script, in `models/`); the tests read the shared copies, which are never committed.
 */
async function serveMediaPipeModels(page: Page): Promise<void> {
  for (const file of ['face_landmarker.task', 'blaze_face_short_range.tflite']) {
    await page.route(`**/dist/models/${file}`, (route) => route.fulfill({ path: join(SHARED, 'models/mediapipe', file) }));
  }
}

/** Records the element's `affect` events, the avatar's gaze targets and the camera streams the page opens. */
async function recordCameraEffects(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as any;
    w.__camera = { affect: [], lookAt: [], streams: [] };
    const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await getUserMedia(constraints);
      w.__camera.streams.push(stream);
      return stream;
    };
    // Capture phase: the element's events do not bubble, but every capture listener above it hears them.
    document.addEventListener('affect', (event) => w.__camera.affect.push((event as CustomEvent).detail), true);
  });
}

const cameraLog = (page: Page) =>
  page.evaluate(() => {
    const log = (window as any).__camera;
    return {
      affect: log.affect as Array<{ label: string; sources: { face: number; voice: number } }>,
      lookAt: log.lookAt as Array<{ x: number; y: number; z: number } | null>,
      liveVideoTracks: (log.streams as MediaStream[]).flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === 'live').length,
    };
  });

test('<digital-human camera microphone>: the avatar looks at the face, affect carries face and voice, the camera stops with the attribute', async ({ page }) => {
  test.setTimeout(90_000);
  await serveMediaPipeModels(page);
  await recordCameraEffects(page);
  await mountAvatar(page, { seed: '1', camera: 'true', microphone: 'true', tts: 'none' });
  await waitForReady(page);
  await page.evaluate(() => {
    const human = (document.querySelector('digital-human') as any).human;
    const lookAt = human.lookAt.bind(human);
    human.lookAt = (point: unknown) => {
      (window as any).__camera.lookAt.push(point);
      lookAt(point);
    };
  });

  // Someone appears: presence, and the avatar turns its gaze to a point in front of it, near head height.
  // The wait includes the face worker's start: beside the rendering avatar on 2 loaded cores the
  // Face Landmarker's graph alone took ~22 s to start (page console), and the face detector's
  // graph now starts too, so 30 s left no margin.
  await expect.poll(() => page.evaluate(() => (document.querySelector('digital-human') as any).human.face?.present), { timeout: 45_000 }).toBe(true);
  await expect.poll(async () => (await cameraLog(page)).lookAt.filter((p) => p !== null).length).toBeGreaterThan(0);
  const gaze = (await cameraLog(page)).lookAt.find((p) => p !== null)!;
  expect(gaze.z).toBeGreaterThan(0.2);
  expect(gaze.y).toBeGreaterThan(1);
  expect(gaze.y).toBeLessThan(2.2);

  // One affect state carries both sources (the angry clip comes round on every loop), and the happy face pulls it to happy.
  await expect.poll(async () => (await cameraLog(page)).affect.some((a) => a.sources.face > 0 && a.sources.voice > 0), { timeout: 40_000 }).toBe(true);
  await expect.poll(async () => (await cameraLog(page)).affect.some((a) => a.sources.face > 0 && a.label === 'happy'), { timeout: 30_000 }).toBe(true);
  expect(await recordedEvents(page, 'error')).toEqual([]);

  // Switching the camera off stops it (the browser's camera light goes off); the avatar keeps its own gaze.
  expect((await cameraLog(page)).liveVideoTracks).toBe(1);
  await page.evaluate(() => document.querySelector('digital-human')!.removeAttribute('camera'));
  expect((await cameraLog(page)).liveVideoTracks).toBe(0);
  expect((await cameraLog(page)).lookAt.at(-1)).toBeNull();
  expect(await page.evaluate(() => (document.querySelector('digital-human') as any).human.face)).toBeNull();
});

test('<digital-human camera> switched off while the camera is still opening: the camera ends up closed', async ({ page }) => {
  await serveMediaPipeModels(page);
  await recordCameraEffects(page);
  await mountAvatar(page, { seed: '1' });
  await waitForReady(page);
  await page.evaluate(() => {
    const element = document.querySelector('digital-human')!;
    element.setAttribute('camera', 'true');
    element.removeAttribute('camera');
  });
  // Long enough for getUserMedia and the models to have settled.
  await expect.poll(() => page.evaluate(() => (window as any).__camera.streams.length), { timeout: 20_000 }).toBe(1);
  await page.waitForTimeout(3000);
  expect((await cameraLog(page)).liveVideoTracks).toBe(0);
});

test('<digital-human camera> with the camera denied: says so in the element, the avatar stays alive, the message goes with the attribute', async ({ page }) => {
  // The page's own policy forbids the camera: getUserMedia is refused as a real denial would be.
  await page.route('**/empty.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'camera=()' } });
  });
  await serveMediaPipeModels(page);
  await mountAvatar(page, { seed: '1', camera: 'true' });
  await waitForReady(page);
  await expect.poll(async () => (await recordedEvents(page, 'error')).map((e) => e.detail.code)).toContain('camera-denied');
  const [error] = await recordedEvents(page, 'error');
  expect(error!.detail.message).toMatch(/^Not seeing: .*keeps running without seeing/);
  const alert = page.locator('digital-human').getByRole('alert');
  await expect(alert).toContainText('Not seeing');

  // Alive: still rendering frames, still ready.
  const frames = await framesDuring(page, 500);
  expect(frames).toBeGreaterThan(0);
  expect(await page.evaluate(() => (document.querySelector('digital-human') as any).human.state)).toBe('ready');

  await page.evaluate(() => document.querySelector('digital-human')!.removeAttribute('camera'));
  await expect(alert).toBeHidden();
});
