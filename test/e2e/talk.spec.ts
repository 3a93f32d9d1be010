import { expect, test, type Page } from '@playwright/test';
import { mountAvatar, waitForReady } from '../support/avatar-page';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { speechDispatcherHome } from '../support/speech-dispatcher';

// Chromium with Web Speech synthesis through espeak-ng (a browser per file, so top-level).
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-speech-dispatcher', '--autoplay-policy=no-user-gesture-required'],
    env: { ...process.env, ...speechDispatcherHome() } as Record<string, string>,
  },
});

const QUESTION = 'Ik ben verhuisd, hoe geef ik mijn nieuwe adres door?';

/** Records the conversation's states and every mouth movement the avatar is given. */
async function recordTalk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: any };
    const log = ((window as any).__talk = { states: [] as string[], mouth: [] as number[] });
    element.addEventListener('conversation', (event) => log.states.push((event as CustomEvent).detail.state));
    const setVisemes = element.human.setVisemes.bind(element.human);
    element.human.setVisemes = (weights: Record<string, number>) => {
      log.mouth.push(Object.values(weights).reduce((sum, w) => sum + w, 0));
      setVisemes(weights);
    };
  });
}

/** Types the question into the element's own text box. */
async function askInDutch(page: Page): Promise<void> {
  const box = page.locator('digital-human').getByRole('textbox', { name: 'Typ uw vraag…' });
  await box.fill(QUESTION);
  await box.press('Enter');
}

async function waitForIdle(page: Page): Promise<{ states: string[]; mouth: number[] }> {
  await expect.poll(() => page.evaluate(() => (window as any).__talk.states.at(-1)), { timeout: 40_000 }).toBe('idle');
  return page.evaluate(() => (window as any).__talk);
}

/**
 * The offline default: no key, no network beyond the page's own files. A typed Dutch
 * question gets a Dutch answer from the scripted brain, captioned and lip-synced. (The
 * voice is `tts="none"` here: headless Chromium has no voices unless speech-dispatcher is
 * set up; the conversation paces silent speech like spoken speech.)
 */
test('a typed Dutch question gets a captioned, lip-synced Dutch answer, offline', async ({ page }) => {
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) foreignRequests.push(request.url());
  });
  await mountAvatar(page, { tts: 'none', view: 'head' });
  await waitForReady(page);
  await recordTalk(page);
  await askInDutch(page);

  const captions = page.locator('digital-human').getByRole('log');
  await expect(captions).toContainText('Ik ben verhuisd');
  await expect(captions.locator('.digimens-caption-avatar').first()).toContainText(/adres|verhuizing|verhuisd/i);
  const talk = await waitForIdle(page);
  expect(talk.states).toEqual(expect.arrayContaining(['thinking', 'speaking', 'idle']));
  expect(Math.max(...talk.mouth)).toBeGreaterThan(0.5); // the mouth opened
  expect(talk.mouth.at(-1)).toBe(0); // and came back to rest
  expect(foreignRequests).toEqual([]);
});

test.describe('with the browser voice (Web Speech through speech-dispatcher and espeak-ng)', () => {
  test('the answer is spoken in Dutch, sentence by sentence, with the mouth moving', async ({ page }) => {
    await mountAvatar(page, { view: 'head' }); // the default voice: tts="web-speech"
    await waitForReady(page);
    await recordTalk(page);
    await page.evaluate(() => {
      const spoken: Array<{ text: string; lang: string; voice: string | null; started: boolean }> = ((window as any).__spoken = []);
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        const entry = { text: utterance.text, lang: utterance.lang, voice: utterance.voice?.lang ?? null, started: false };
        spoken.push(entry);
        utterance.addEventListener('start', () => (entry.started = true));
        speak(utterance);
      };
    });
    await askInDutch(page);
    const talk = await waitForIdle(page);
    const spoken = await page.evaluate(() => (window as any).__spoken as Array<{ text: string; lang: string; voice: string | null; started: boolean }>);

    expect(spoken.length).toBeGreaterThan(0);
    for (const utterance of spoken) {
      expect(utterance.lang).toBe('nl-NL');
      expect(utterance.voice).toMatch(/^nl/);
      expect(utterance.started).toBe(true);
    }
    expect(spoken.map((u) => u.text).join(' ')).toMatch(/adres|verhuizing|verhuisd/i);
    expect(Math.max(...talk.mouth)).toBeGreaterThan(0.5);
    expect(talk.mouth.at(-1)).toBe(0);
  });
});
