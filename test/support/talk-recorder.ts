import type { Page } from '@playwright/test';

/** An event of the `<digital-human>` under test, with the page's `performance.now()`. */
export type TalkEvent = { type: string; t: number; detail: any };
/** What {@link recordTalk} records: the element's events and every mouth update. */
export type TalkLog = { events: TalkEvent[]; mouth: Array<{ t: number; open: boolean }> };

/**
 * Records the `<digital-human>`'s speech, transcription, conversation, caption and error
 * events and every mouth update (open: any viseme above 0.05), with page time, in `window.__talk`.
 */
export async function recordTalk(page: Page): Promise<void> {
  await page.evaluate(() => {
    const element = document.querySelector('digital-human') as HTMLElement & { human: any };
    const talk = ((window as any).__talk = { events: [] as unknown[], mouth: [] as unknown[] });
    for (const type of ['speech-start', 'speech-end', 'transcription', 'conversation', 'caption', 'error']) {
      element.addEventListener(type, (event) => talk.events.push({ type, t: performance.now(), detail: (event as CustomEvent).detail }));
    }
    const setVisemes = element.human.setVisemes.bind(element.human);
    element.human.setVisemes = (weights: Record<string, number>) => {
      talk.mouth.push({ t: performance.now(), open: Object.values(weights).some((w) => w > 0.05) });
      setVisemes(weights);
    };
  });
}

export const talkLog = (page: Page): Promise<TalkLog> => page.evaluate(() => (window as any).__talk as TalkLog);
