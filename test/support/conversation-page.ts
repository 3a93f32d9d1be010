import type { Page } from '@playwright/test';

/** What the conversation test page records (times are the page's `performance.now()`). */
export interface ConversationLog {
  events: Array<{ type: string; t: number; detail: any }>;
  /** Every mouth update: whether the mouth was open. */
  mouth: Array<{ t: number; open: boolean }>;
}

/**
 * On the test host page (only the IIFE loaded), wires a Conversation exactly as a
 * website would: OpenAIBrain and OpenAITts through the proxy at `proxyUrl`, lip-sync on a
 * DigitalHuman, everything recorded in `window.__log`.
 */
export async function mountConversation(page: Page, proxyUrl: string, options: { replyTimeoutMs?: number } = {}): Promise<void> {
  await page.goto('/empty.html');
  await page.waitForFunction(() => 'Digimens' in window);
  await page.evaluate(
    ({ proxyUrl, replyTimeoutMs }) => {
      const D = (window as any).Digimens;
      const stage = document.createElement('div');
      stage.style.cssText = 'width:320px;height:240px';
      document.body.append(stage);
      const human = new D.DigitalHuman(stage, { idle: false, seed: 1, maxPixelRatio: 1 });
      const log = { events: [] as any[], mouth: [] as any[] };
      const mouth = {
        setVisemes(weights: Record<string, number>) {
          log.mouth.push({ t: performance.now(), open: Object.values(weights).some((w) => w > 0.05) });
          human.setVisemes(weights);
        },
      };
      const baseURL = `${proxyUrl}/v1`;
      const tts = new D.OpenAITts({ baseURL });
      const lipSync = new D.TtsLipSync(mouth, () => tts.now(), () => 'en');
      const brain = new D.OpenAIBrain({ baseURL, model: 'test-model', timeoutMs: 10_000 });
      const conversation = new D.Conversation({ brain, tts, lang: 'en', face: human, lipSync, fillerAfterMs: null, replyTimeoutMs });
      for (const type of ['state', 'caption', 'thinking', 'cue', 'handover', 'replied', 'error', 'interrupted']) {
        conversation.on(type, (detail: unknown) => log.events.push({ type, t: performance.now(), detail }));
      }
      Object.assign(window, { __log: log, __conversation: conversation, __lipSync: lipSync, __tts: tts, __human: human });
    },
    { proxyUrl, replyTimeoutMs: options.replyTimeoutMs ?? 8000 },
  );
}

export function conversationLog(page: Page): Promise<ConversationLog> {
  return page.evaluate(() => (window as any).__log as ConversationLog);
}

/** Calls a method of the page's Conversation. */
export async function callConversation(page: Page, method: 'submitText' | 'userStartedSpeaking' | 'retry', ...args: unknown[]): Promise<number> {
  return page.evaluate(
    ({ method, args }) => {
      const t = performance.now();
      (window as any).__conversation[method](...args);
      return t;
    },
    { method, args },
  );
}

export function conversationState(page: Page): Promise<string> {
  return page.evaluate(() => (window as any).__conversation.state as string);
}
