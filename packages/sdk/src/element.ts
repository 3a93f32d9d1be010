import { DigitalHuman, type DigitalHumanEventMap } from './digital-human';
import { ConfigError, resolveConfig, describeValue, type DigitalHumanConfig } from './config';
import type { ErrorEvent } from './events';
import type { DigimensErrorCode } from './errors';
import { attachCaptions } from './kiosk/captions';

/** Element attribute → config field, and how to read its string value. */
const ATTRIBUTES = {
  avatar: { field: 'avatar', parse: (v: string) => v },
  lang: { field: 'lang', parse: (v: string) => v },
  view: { field: 'view', parse: (v: string) => v },
  'eye-contact': { field: 'eyeContact', parse: parseNumber },
  'max-pixel-ratio': { field: 'maxPixelRatio', parse: parseNumber },
  background: { field: 'background', parse: (v: string) => v },
  idle: { field: 'idle', parse: parseBoolean },
  seed: { field: 'seed', parse: parseNumber },
  'asset-base': { field: 'assetBaseUrl', parse: (v: string) => v },
  brain: { field: 'brain', parse: (v: string) => v },
  tts: { field: 'tts', parse: (v: string) => v },
  'proxy-url': { field: 'proxyUrl', parse: (v: string) => v },
  model: { field: 'model', parse: (v: string) => v },
  persona: { field: 'persona', parse: (v: string) => v },
  captions: { field: 'captions', parse: parseBoolean },
  'text-input': { field: 'textInput', parse: parseBoolean },
  microphone: { field: 'microphone', parse: parseBoolean },
  camera: { field: 'camera', parse: parseBoolean },
  stt: { field: 'stt', parse: (v: string) => v },
  'early-reply': { field: 'earlyReply', parse: parseBoolean },
} as const satisfies Record<string, { field: keyof DigitalHumanConfig; parse: (value: string) => unknown }>;

type AttributeName = keyof typeof ATTRIBUTES;

/** DOM events the element dispatches (each a `CustomEvent` whose `detail` is the payload). */
const FORWARDED_EVENTS = ['ready', 'error', 'state', 'progress', 'view', 'caption', 'conversation', 'handover', 'affect', 'speech-start', 'speech-end', 'transcription'] as const satisfies readonly (keyof DigitalHumanEventMap)[];

/** DOM events of `<digital-human>`: each a `CustomEvent` carrying the SDK event's payload. */
export type DigitalHumanElementEventMap = {
  [K in (typeof FORWARDED_EVENTS)[number]]: CustomEvent<DigitalHumanEventMap[K]>;
};

const STYLE = `
:host { display: block; position: relative; width: 100%; height: 100%; min-height: 320px; overflow: hidden;
  font: 500 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2430; contain: content; }
:host([hidden]) { display: none; }
.stage { position: absolute; inset: 0; }
.overlay { position: absolute; left: 50%; bottom: 16px; transform: translateX(-50%); width: min(92%, 560px);
  display: flex; flex-direction: column; gap: 8px; pointer-events: none; }
.captions { display: flex; flex-direction: column; gap: 6px; }
.captions:empty { display: none; }
.captions p { margin: 0; padding: 8px 14px; border-radius: 12px; font-size: 1.15em; line-height: 1.35;
  background: rgb(255 255 255 / 0.92); box-shadow: 0 2px 10px rgb(20 24 40 / 0.1); }
.captions .digimens-caption-user { align-self: flex-end; background: #e9ecff; color: #2a3170; }
.ask { display: flex; gap: 8px; pointer-events: auto; }
.ask[hidden] { display: none; }
.ask input { flex: 1; min-width: 0; font: inherit; padding: 10px 14px; border-radius: 12px; border: 1px solid #d5d9e6;
  background: rgb(255 255 255 / 0.96); color: inherit; }
.ask input:focus { outline: 2px solid #5b6cff; outline-offset: 1px; }
.ask button { font: inherit; font-weight: 600; padding: 10px 16px; border: 0; border-radius: 12px; cursor: pointer;
  background: #5b6cff; color: #fff; }
.status, .error { border-radius: 12px; padding: 10px 14px; box-shadow: 0 4px 18px rgb(20 24 40 / 0.12);
  background: rgb(255 255 255 / 0.92); backdrop-filter: blur(6px); }
.status[hidden], .error[hidden] { display: none; }
.bar { height: 4px; border-radius: 2px; background: #e3e6ef; margin-top: 6px; overflow: hidden; }
.bar > div { height: 100%; width: 0; background: #5b6cff; transition: width 120ms linear; }
.error { border-left: 4px solid #d64545; color: #7a1f1f; pointer-events: auto; }
.error strong { display: block; margin-bottom: 2px; color: #a12828; }
`;

/**
 * `<digital-human>`: a living avatar from attributes alone.
 *
 * ```html
 * <script src="digimens.iife.js"></script>
 * <digital-human avatar="me.vrm" lang="nl" view="head"></digital-human>
 * ```
 * Attributes: `avatar`, `lang`, `view`, `eye-contact`, `max-pixel-ratio`, `background`,
 * `idle`, `seed`, `asset-base` (see {@link DigitalHumanConfig}). A bad attribute is
 * reported (an `error` event and a message in the element) and its default is used.
 * Events `ready`, `error`, `state`, `progress`, `view` are dispatched as `CustomEvent`s.
 */
export class DigitalHumanElement extends HTMLElement {
  static readonly observedAttributes = Object.keys(ATTRIBUTES);

  private humanInstance: DigitalHuman | null = null;
  private readonly stageElement: HTMLDivElement;
  private readonly statusElement: HTMLDivElement;
  private readonly progressBar: HTMLDivElement;
  private readonly errorElement: HTMLDivElement;
  private readonly captionsElement: HTMLDivElement;
  private readonly askForm: HTMLFormElement;
  private detachCaptions: (() => void) | null = null;
  /** Attribute problems, by attribute, shown until fixed. */
  private readonly attributeErrors = new Map<AttributeName, string>();
  /** Problems reported at run time, by error code, shown until resolved. */
  private readonly runtimeErrors = new Map<DigimensErrorCode, string>();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>
      <div class="stage" part="stage"></div>
      <div class="overlay">
        <div class="status" part="status" role="status" aria-live="polite" hidden><span></span><div class="bar"><div></div></div></div>
        <div class="error" part="error" role="alert" hidden></div>
        <div class="captions" part="captions"></div>
        <form class="ask" part="ask" hidden><input name="question" autocomplete="off"><button type="submit"></button></form>
      </div>`;
    this.stageElement = root.querySelector('.stage') as HTMLDivElement;
    this.statusElement = root.querySelector('.status') as HTMLDivElement;
    this.progressBar = root.querySelector('.bar > div') as HTMLDivElement;
    this.errorElement = root.querySelector('.error') as HTMLDivElement;
    this.captionsElement = root.querySelector('.captions') as HTMLDivElement;
    this.askForm = root.querySelector('.ask') as HTMLFormElement;
    this.askForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = this.askForm.elements.namedItem('question') as HTMLInputElement;
      this.humanInstance?.ask(input.value);
      input.value = '';
    });
  }

  /** The orchestrator behind this element (null while disconnected). */
  get human(): DigitalHuman | null {
    return this.humanInstance;
  }

  /** The message the element currently shows for a problem, or null. */
  get errorMessage(): string | null {
    const messages = [...this.attributeErrors.values(), ...this.runtimeErrors.values()];
    return messages.length ? messages.join('\n') : null;
  }

  connectedCallback(): void {
    if (this.humanInstance) return;
    const human = new DigitalHuman(this.stageElement, this.readAttributes());
    this.humanInstance = human;
    for (const type of FORWARDED_EVENTS) {
      human.on(type, (detail) => this.dispatchEvent(new CustomEvent(type, { detail })));
    }
    human.on('progress', ({ loaded, total }) => this.showProgress(loaded, total));
    human.on('state', ({ state }) => {
      if (state === 'loading') this.showProgress(0, undefined);
      else this.statusElement.hidden = true;
      if (state === 'ready') this.clearRuntimeErrors(AVATAR_ERROR_CODES);
    });
    human.on('error', (event) => this.showRuntimeError(event));
    this.renderConversationControls();
  }

  disconnectedCallback(): void {
    this.detachCaptions?.();
    this.detachCaptions = null;
    this.humanInstance?.dispose();
    this.humanInstance = null;
  }

  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (!this.humanInstance || oldValue === newValue || !(name in ATTRIBUTES)) return;
    const attribute = name as AttributeName;
    const change = this.readAttribute(attribute);
    // A camera switched off (or on again) settles its earlier problem; a new one is reported anew.
    if (attribute === 'camera') this.clearRuntimeErrors(CAMERA_ERROR_CODES);
    if (change) this.humanInstance.configure(change);
    else if (!this.attributeErrors.has(attribute)) this.humanInstance.configure(defaultFor(attribute));
    this.renderConversationControls();
  }

  /** Captions and the text box follow config (and the conversation, which config may rebuild). */
  private renderConversationControls(): void {
    const human = this.humanInstance;
    if (!human) return;
    const { captions, textInput, lang } = human.config;
    this.detachCaptions?.();
    this.detachCaptions = captions ? attachCaptions(human, this.captionsElement) : null;
    this.askForm.hidden = !textInput || human.conversation === null;
    const input = this.askForm.elements.namedItem('question') as HTMLInputElement;
    const words = ASK_WORDS[lang];
    input.placeholder = words.placeholder;
    input.setAttribute('aria-label', words.placeholder);
    (this.askForm.querySelector('button') as HTMLButtonElement).textContent = words.button;
  }

  /** Reads every attribute; invalid ones are reported and left to their defaults. */
  private readAttributes(): Partial<DigitalHumanConfig> {
    const config: Partial<DigitalHumanConfig> = {};
    for (const name of Object.keys(ATTRIBUTES) as AttributeName[]) {
      Object.assign(config, this.readAttribute(name));
    }
    return config;
  }

  /** One attribute as a validated config change, or null (absent or invalid: then reported). */
  private readAttribute(name: AttributeName): Partial<DigitalHumanConfig> | null {
    const raw = this.getAttribute(name);
    const hadError = this.attributeErrors.delete(name);
    if (raw === null) {
      if (hadError) this.renderErrors();
      return null;
    }
    const { field, parse } = ATTRIBUTES[name];
    const change = { [field]: parse(raw) } as Partial<DigitalHumanConfig>;
    try {
      resolveConfig(change);
      if (hadError) this.renderErrors();
      return change;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const expected = error.issues.map((issue) => issue.expected).join('; ');
      const message = `Invalid attribute ${name}=${describeValue(raw)}: ${expected}. Using the default instead.`;
      this.attributeErrors.set(name, message);
      this.renderErrors();
      // Let listeners attach first (they usually do right after creating the element).
      queueMicrotask(() => this.dispatchEvent(new CustomEvent('error', { detail: { code: 'config-invalid', message } })));
      return null;
    }
  }

  private showRuntimeError(event: ErrorEvent): void {
    this.runtimeErrors.set(event.code, event.message);
    this.renderErrors();
  }

  /** Forgets problems that are settled (a loaded avatar settles loading problems; others, such as a denied microphone, remain). */
  private clearRuntimeErrors(codes: readonly DigimensErrorCode[]): void {
    for (const code of codes) this.runtimeErrors.delete(code);
    this.renderErrors();
  }

  private renderErrors(): void {
    const message = this.errorMessage;
    this.errorElement.hidden = message === null;
    this.errorElement.replaceChildren();
    if (message === null) return;
    const title = document.createElement('strong');
    title.textContent = 'The avatar needs attention';
    this.errorElement.append(title);
    for (const line of message.split('\n')) {
      const paragraph = document.createElement('div');
      paragraph.textContent = line;
      this.errorElement.append(paragraph);
    }
  }

  private showProgress(loaded: number, total: number | undefined): void {
    this.statusElement.hidden = false;
    const label = this.statusElement.querySelector('span') as HTMLSpanElement;
    const percent = total ? Math.min(100, Math.round((loaded / total) * 100)) : null;
    label.textContent = percent === null ? 'Loading avatar…' : `Loading avatar… ${percent}%`;
    this.progressBar.style.width = percent === null ? '15%' : `${percent}%`;
  }
}

// Typed listeners for the element's own events (e.g. `detail` of `ready` is a ReadyEvent).
export interface DigitalHumanElement {
  addEventListener<K extends keyof DigitalHumanElementEventMap>(
    type: K,
    listener: (this: DigitalHumanElement, event: DigitalHumanElementEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

/**
 * Registers `<digital-human>` (once; later calls are no-ops). The IIFE build calls this
 * on load; ESM users call it themselves, or register the class under their own name.
 */
export function defineDigitalHumanElement(tagName = 'digital-human'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, class extends DigitalHumanElement {});
}

/** Errors that a successfully loaded avatar resolves. */
const AVATAR_ERROR_CODES: readonly DigimensErrorCode[] = ['avatar-load-failed', 'avatar-invalid', 'webgl-unavailable'];

/** Errors of the camera, settled when the `camera` attribute changes. */
const CAMERA_ERROR_CODES: readonly DigimensErrorCode[] = ['camera-denied', 'camera-unavailable'];

/** The text box's words, in the conversation language. */
const ASK_WORDS = {
  nl: { placeholder: 'Typ uw vraag…', button: 'Vraag' },
  en: { placeholder: 'Type your question…', button: 'Ask' },
} as const;

function defaultFor(name: AttributeName): Partial<DigitalHumanConfig> {
  const field = ATTRIBUTES[name].field;
  return { [field]: resolveConfig({})[field] } as Partial<DigitalHumanConfig>;
}

function parseNumber(value: string): number | string {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

function parseBoolean(value: string): boolean | string {
  if (value === '' || value === 'true') return true;
  if (value === 'false') return false;
  return value;
}
