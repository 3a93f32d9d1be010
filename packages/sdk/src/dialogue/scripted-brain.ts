import Fuse from 'fuse.js';
import type { Language } from '../config';
import { empathicOpener, isNegative } from './affect-words';
import type { Brain, BrainChunk, BrainRequest } from './brain';
import { CueParser } from './cue-parser';
import defaultIntents from './scripted-intents.json';

/** One thing people ask, and the answer (with optional `[[mood]]` cues). */
export interface ScriptedIntent {
  id: string;
  /** Words and short phrases that point at this intent; typos are tolerated. */
  keywords: string[];
  answer: string;
  /**
   * Precedence over intents of lower priority whenever this one matches at all (default 0).
   * Bereavement has 1: condolences come first even when an address change is mentioned too.
   */
  priority?: number;
  /** The answer asks "shall I get a colleague?": a following yes hands over. */
  offersHandover?: boolean;
  /** Answering this hands over to a human at once. */
  handover?: boolean;
}

/** The script for one language. */
export interface ScriptedLanguage {
  /** The honest "I don't know, shall I get a colleague?". */
  fallback: string;
  handoverConfirmed: string;
  handoverDeclined: string;
  /** Short answers that count as yes / no to an offered colleague. */
  yes: string[];
  no: string[];
  intents: ScriptedIntent[];
}

/** An intents file: a script per language (`scripted-intents.json` is the built-in one). */
export type ScriptedIntents = Record<Language, ScriptedLanguage>;

/** The built-in Dutch and English script: customer contact and care. */
export const DEFAULT_INTENTS: ScriptedIntents = defaultIntents;

/** Options of a {@link ScriptedBrain}. */
export interface ScriptedBrainOptions {
  intents?: ScriptedIntents;
  /** Total keyword evidence (≈ number of well-matched keywords) an intent needs. Default 0.6. */
  minScore?: number;
}

const STOPWORDS = new Set(
  'aan als bij dan dat die dit een het hoe ik je jij jullie kan kun kunt mag me mijn met naar niet nog of om ook op te u uw van voor wat wie wil wilt waar wanneer is zijn ben heb hebt heeft moet the and for you your can could would what how when where who want have has had with from this that are was were my me'.split(
    ' ',
  ),
);

/**
 * The offline default brain: no key, no network. Matches what the person said against
 * intent keywords (fuzzy, so "adresweiziging" still finds the address change), answers
 * from the script, opens with empathy when the person sounds upset, and honestly offers
 * a colleague when it does not know. Answers stream word by word like a model's.
 */
export class ScriptedBrain implements Brain {
  private readonly intents: ScriptedIntents;
  private readonly minScore: number;
  private readonly indexes = new Map<Language, Fuse<{ keyword: string; intent: number }>>();
  /** Whether the last answer offered a colleague (so "ja" means "get one"). */
  private offeredHandover = false;

  constructor(options: ScriptedBrainOptions = {}) {
    this.intents = options.intents ?? DEFAULT_INTENTS;
    this.minScore = options.minScore ?? 0.6;
  }

  /** The intent that best matches `text`, or null. Exposed for tests and tooling. */
  match(text: string, lang: Language): ScriptedIntent | null {
    const script = this.intents[lang];
    const index = this.index(lang);
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}'-]+/u)
      .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
    const phrases = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
    const scores = new Map<number, number>();
    for (const phrase of phrases) {
      // Per phrase, the best keyword of each intent counts once.
      const best = new Map<number, number>();
      for (const hit of index.search(phrase)) {
        const { keyword, intent } = hit.item;
        // Near misses ("peru" ~ "person") and substring hits of very different length
        // ("dag" in "zaterdag") count much less than a keyword said (or mistyped by a letter).
        const coverage = Math.min(phrase.length, keyword.length) / Math.max(phrase.length, keyword.length);
        const value = (1 - (hit.score ?? 1)) ** 2 * Math.sqrt(coverage);
        best.set(intent, Math.max(best.get(intent) ?? 0, value));
      }
      for (const [intent, value] of best) scores.set(intent, (scores.get(intent) ?? 0) + value);
    }
    let best: { intent: ScriptedIntent; score: number; priority: number } | null = null;
    for (const [i, score] of scores) {
      const intent = script.intents[i]!;
      const priority = intent.priority ?? 0;
      if (score < this.minScore) continue;
      if (!best || priority > best.priority || (priority === best.priority && score > best.score)) best = { intent, score, priority };
    }
    return best?.intent ?? null;
  }

  async *reply(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const script = this.intents[request.lang];
    const text = [...request.history].reverse().find((t) => t.role === 'user')?.text ?? '';
    const offered = this.offeredHandover;
    this.offeredHandover = false;
    let answer: string;
    let handover: string | null = null;
    if (offered && isAnswer(text, script.yes)) {
      answer = script.handoverConfirmed;
      handover = 'The person accepted the offer of a colleague.';
    } else if (offered && isAnswer(text, script.no)) {
      answer = script.handoverDeclined;
    } else {
      const intent = this.match(text, request.lang);
      answer = intent?.answer ?? script.fallback;
      this.offeredHandover = intent ? !!intent.offersHandover : true;
      if (intent?.handover) handover = 'The person asked for a human.';
      // Condolences already lead the bereavement answer; elsewhere acknowledge the feeling first.
      if (isNegative(request.affect) && intent?.id !== 'bereavement') answer = `[[sad:0.3]] ${empathicOpener(request.lang)} ${answer}`;
    }
    const parser = new CueParser();
    for (const word of answer.match(/\S+\s*/g) ?? []) {
      if (signal.aborted) return;
      yield* parser.push(word);
      // Let the consumer speak and react between words, as with a streamed model.
      await Promise.resolve();
    }
    yield* parser.flush();
    if (handover) yield { type: 'handover', reason: handover };
  }

  private index(lang: Language): Fuse<{ keyword: string; intent: number }> {
    let index = this.indexes.get(lang);
    if (!index) {
      const entries = this.intents[lang].intents.flatMap((intent, i) => intent.keywords.map((keyword) => ({ keyword: keyword.toLowerCase(), intent: i })));
      index = new Fuse(entries, { keys: ['keyword'], includeScore: true, ignoreLocation: true, threshold: 0.3 });
      this.indexes.set(lang, index);
    }
    return index;
  }
}

/** Whether `text` is (mostly) one of the short answers in `answers`. */
function isAnswer(text: string, answers: readonly string[]): boolean {
  const normalized = text.toLowerCase().replace(/[^\p{L}\s]/gu, '').trim();
  return answers.some((a) => normalized === a || normalized.startsWith(`${a} `));
}
