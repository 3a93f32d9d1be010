import { z } from 'zod';
import { DigimensError } from './errors';

/** Camera framing of the avatar. */
export type View = 'head' | 'upper' | 'full';
/** Conversation language (Dutch first). */
export type Language = 'nl' | 'en';

/** Who answers: the offline script, a language model behind the proxy, or nobody (avatar only). */
export type BrainKind = 'scripted' | 'openai' | 'none';
/** Who speaks: the browser's voices, OpenAI-compatible speech through the proxy, or silence. */
export type TtsKind = 'web-speech' | 'openai' | 'none';

/**
 * How the person's speech becomes text: `'openai'` sends each VAD-cut utterance to
 * `proxyUrl`'s `/audio/transcriptions`; `'web-speech'` uses the browser's recognition (in
 * Chrome a cloud service of the browser vendor); `'auto'` uses the browser's recognition
 * only where it runs on the device; `'none'`: typed questions only.
 */
export type SttKind = 'auto' | 'openai' | 'web-speech' | 'none';

export const VIEWS: readonly View[] = ['head', 'upper', 'full'];
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const BRAINS: readonly BrainKind[] = ['scripted', 'openai', 'none'];
export const TTS_KINDS: readonly TtsKind[] = ['web-speech', 'openai', 'none'];
export const STT_KINDS: readonly SttKind[] = ['auto', 'openai', 'web-speech', 'none'];

const configSchema = z
  .object({
    avatar: z
      .string({ error: 'expected a URL string (or null for the built-in avatar)' })
      .trim()
      .min(1, 'expected a non-empty URL (or null for the built-in avatar)')
      .nullable(),
    lang: z.enum(LANGUAGES, { error: `expected one of ${quoteList(LANGUAGES)}` }),
    view: z.enum(VIEWS, { error: `expected one of ${quoteList(VIEWS)}` }),
    eyeContact: z
      .number({ error: 'expected a number between 0 and 1' })
      .min(0, 'expected a number between 0 and 1')
      .max(1, 'expected a number between 0 and 1'),
    maxPixelRatio: z
      .number({ error: 'expected a number between 0.5 and 4' })
      .min(0.5, 'expected a number between 0.5 and 4')
      .max(4, 'expected a number between 0.5 and 4'),
    background: z.string({ error: 'expected a CSS colour or "transparent"' }).min(1),
    idle: z.boolean({ error: 'expected true or false' }),
    seed: z.number({ error: 'expected an integer' }).int('expected an integer').nullable(),
    assetBaseUrl: z.string({ error: 'expected a URL string (or null for the folder of the script)' }).min(1).nullable(),
    brain: z.enum(BRAINS, { error: `expected one of ${quoteList(BRAINS)}` }),
    tts: z.enum(TTS_KINDS, { error: `expected one of ${quoteList(TTS_KINDS)}` }),
    proxyUrl: z.string({ error: 'expected the URL of the Digimens proxy or an OpenAI-compatible server' }).min(1),
    model: z.string({ error: 'expected a model name' }).min(1, 'expected a model name'),
    persona: z.string({ error: 'expected a short description of who the avatar is (or null)' }).nullable(),
    captions: z.boolean({ error: 'expected true or false' }),
    textInput: z.boolean({ error: 'expected true or false' }),
    microphone: z.boolean({ error: 'expected true or false' }),
    camera: z.boolean({ error: 'expected true or false' }),
    stt: z.enum(STT_KINDS, { error: `expected one of ${quoteList(STT_KINDS)}` }),
    earlyReply: z.boolean({ error: 'expected true or false' }),
  })
  .strict();

/**
 * The one typed config object of a {@link DigitalHuman}. Pass a partial; the rest comes
 * from {@link DEFAULT_CONFIG}.
 */
export interface DigitalHumanConfig {
  /** URL of a VRM (0.x or 1.0) file, relative to the page; `null` uses the built-in avatar. */
  avatar: string | null;
  /** Conversation language. Default `'nl'`. */
  lang: Language;
  /** Camera framing: head and shoulders, upper body, or full figure. Default `'upper'`. */
  view: View;
  /** Fraction of idle time (0–1) the avatar looks the viewer in the eye. Default 0.7. */
  eyeContact: number;
  /** Upper bound of the render's device pixel ratio, to keep 4K and phone screens cheap. Default 2. */
  maxPixelRatio: number;
  /** Canvas background: any CSS colour, or `'transparent'` to show the page behind. */
  background: string;
  /** Idle life: blinking, breathing, head motion and saccades. Default `true`. */
  idle: boolean;
  /** Seed for idle behaviour randomness; `null` for a fresh one each time (tests pin it). */
  seed: number | null;
  /**
   * Where the SDK's own files (the built-in avatars) are served from. `null`: beside the
   * script itself (`digimens.iife.js` or `digimens.js`), which is right when `dist/` is
   * served as is. Set it when a bundler or CDN moves those files.
   */
  assetBaseUrl: string | null;
  /** Who answers: `'scripted'` (offline, no key; default), `'openai'` (through `proxyUrl`), or `'none'`. */
  brain: BrainKind;
  /** Who speaks: `'web-speech'` (the browser's voices; default), `'openai'` (through `proxyUrl`), or `'none'`. */
  tts: TtsKind;
  /**
   * Base URL of the Digimens proxy (`pnpm proxy`), or any OpenAI-compatible server such as
   * an intranet Ollama. The API key lives there, never in the page. Default `'/v1'`.
   */
  proxyUrl: string;
  /** Chat model name at `proxyUrl`. Default `'gpt-4o-mini'`. */
  model: string;
  /** Who the avatar is, in a sentence, for the language model's system prompt. */
  persona: string | null;
  /** Show what is said as captions (an ARIA live region). Default `true`. */
  captions: boolean;
  /** Show a text box to type questions (the always-available input). Default `true`. */
  textInput: boolean;
  /**
   * Listen through the microphone (asks permission): speech detection drives turn-taking
   * and barge-in, and the voice's emotion shapes replies. Audio never leaves the device.
   * Default `false`.
   */
  microphone: boolean;
  /**
   * See through the camera (asks permission): the avatar looks at the person's face, and the
   * face's emotion joins the voice's in the `affect` state. Frames never leave the device;
   * a denied or absent camera is reported and the avatar keeps running without seeing.
   * Needs `face_landmarker.task` and `blaze_face_short_range.tflite` in `<assetBaseUrl>/models/`
   * (`pnpm models:fetch`). Default `false`.
   */
  camera: boolean;
  /**
   * How speech heard through the microphone becomes the person's question (see
   * {@link SttKind}). Raw audio leaves the browser only with `'openai'` (to `proxyUrl`) or
   * `'web-speech'` (to the browser vendor); choose those only where consent covers it.
   * Default `'auto'`: on-device recognition where the browser has it, else the text box.
   */
  stt: SttKind;
  /**
   * With `stt: 'openai'`: transcribe and start the answer at a 250 ms pause, and say it as
   * soon as the end of speech (700 ms of silence) confirms the turn is over; if the person
   * goes on, it is dropped unseen. Saves the transcription, language model and voice latency
   * after the end of speech, at the cost of extra requests when people pause mid-sentence.
   * Default `true`.
   */
  earlyReply: boolean;
}

// Compile-time proof that the schema and the documented interface agree.
type SchemaConfig = z.infer<typeof configSchema>;
const schemaMatchesInterface: [SchemaConfig, DigitalHumanConfig] extends [DigitalHumanConfig, SchemaConfig]
  ? true
  : never = true;
void schemaMatchesInterface;

/** Defaults for every field of {@link DigitalHumanConfig}. */
export const DEFAULT_CONFIG: Readonly<DigitalHumanConfig> = Object.freeze({
  avatar: null,
  lang: 'nl',
  view: 'upper',
  eyeContact: 0.7,
  maxPixelRatio: 2,
  background: 'transparent',
  idle: true,
  seed: null,
  assetBaseUrl: null,
  brain: 'scripted',
  tts: 'web-speech',
  proxyUrl: '/v1',
  model: 'gpt-4o-mini',
  persona: null,
  captions: true,
  textInput: true,
  microphone: false,
  camera: false,
  stt: 'auto',
  earlyReply: true,
});

/** One problem found in a config: which field, and what was expected. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `view`. */
  field: string;
  /** What the field should hold, in words. */
  expected: string;
  /** The value that was given. */
  received: unknown;
}

/** Thrown by {@link resolveConfig}; `issues` lists every bad field at once. */
export class ConfigError extends DigimensError {
  override name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super('config-invalid', formatIssues(issues));
  }
}

/**
 * Merges a partial config over the defaults and validates it.
 * @throws {ConfigError} naming each bad field, what was expected and what was given.
 */
export function resolveConfig(partial: unknown = {}): DigitalHumanConfig {
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    throw new ConfigError([{ field: '(config)', expected: 'expected an object of config fields', received: partial }]);
  }
  const merged: Record<string, unknown> = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) merged[key] = value;
  }
  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => toConfigIssue(issue, merged)));
}

function toConfigIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): ConfigIssue {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(DEFAULT_CONFIG);
    const key = issue.keys[0] ?? '';
    const suggestion = closestName(key, known);
    return {
      field: key,
      expected: `no such field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; known fields: ${known.join(', ')}`,
      received: input[key],
    };
  }
  const field = issue.path.map(String).join('.');
  return { field, expected: issue.message, received: field in input ? input[field] : undefined };
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  const lines = issues.map(
    (issue) => `${issue.field}: ${issue.expected}, got ${describeValue(issue.received)}`,
  );
  return `Invalid Digimens config — ${lines.join('; ')}`;
}

/** A short, readable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    return JSON.stringify(value).slice(0, 60);
  } catch {
    return typeof value;
  }
}

function quoteList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

/** The known name within edit distance 2 of a mistyped one, if any. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
