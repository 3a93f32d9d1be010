import OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { BrainError, type Brain, type BrainChunk, type BrainRequest } from './brain';
import { CueParser } from './cue-parser';
import { buildSystemPrompt, type PromptConfig } from './system-prompt';

/** Options of an {@link OpenAIBrain}. */
export interface OpenAIBrainOptions extends Omit<PromptConfig, 'lang'> {
  /**
   * Base URL of an OpenAI-compatible API that needs no key from the page: the Digimens
   * proxy (default `/v1` on the page's own host), or an intranet Ollama/vLLM that needs
   * none. There is deliberately no `apiKey` option: a key in a page is a leaked key.
   */
  baseURL?: string;
  /** Model name; default `gpt-4o-mini`. */
  model?: string;
  temperature?: number;
  /** Milliseconds before a request without a response counts as timed out. Default 20 000. */
  timeoutMs?: number;
  /** Turns of history sent with each request (the system prompt aside). Default 12. */
  maxTurns?: number;
}

/**
 * The stand-in key the client sends. The proxy replaces the Authorization header with the
 * real key; intranet servers (Ollama, vLLM) ignore it.
 */
const PLACEHOLDER_KEY = 'digimens-proxy-holds-the-key';

/**
 * The openai client refuses to run in a browser unless told otherwise, because pages that
 * hold a real key leak it. This client never holds one (only {@link PLACEHOLDER_KEY}; the
 * proxy adds the key server-side), which is exactly the case the option is meant for.
 */
const CLIENT_HOLDS_NO_SECRET = true;

const HANDOVER_TOOL: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'handover_to_human',
    description: 'Ask a human colleague to take over the conversation. Use it when the person asks for a human, stays upset, or asks something you must not or cannot answer.',
    parameters: {
      type: 'object',
      properties: { reason: { type: 'string', description: 'Why, in one short sentence, for the colleague.' } },
      required: ['reason'],
    },
  },
};

/** Said when the model only called the handover tool, so the person is not left in silence. */
const HANDOVER_LINE = { nl: 'Ik haal er een collega bij, een moment alstublieft.', en: 'I will get a colleague for you, one moment please.' };

/**
 * A {@link Brain} backed by a chat-completions model through the Digimens proxy (or any
 * OpenAI-compatible server), streaming text deltas, inline expression cues and the
 * `handover_to_human` tool call.
 */
export class OpenAIBrain implements Brain {
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAIBrainOptions = {}) {
    const baseURL = options.baseURL ?? new URL('/v1', globalThis.location?.href ?? 'http://127.0.0.1/').href;
    this.client = new OpenAI({
      apiKey: PLACEHOLDER_KEY,
      baseURL,
      dangerouslyAllowBrowser: CLIENT_HOLDS_NO_SECRET,
      // The conversation decides about retries: it has to apologise first.
      maxRetries: 0,
      timeout: options.timeoutMs ?? 20_000,
    });
  }

  async *reply(request: BrainRequest, signal: AbortSignal): AsyncIterable<BrainChunk> {
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: buildSystemPrompt({ ...this.options, lang: request.lang }, request.affect) },
      ...request.history.slice(-(this.options.maxTurns ?? 12)).map((turn) => ({ role: turn.role, content: turn.text })),
    ];
    const parser = new CueParser();
    const toolArguments = new Map<number, { name: string; args: string }>();
    let saidSomething = false;
    let finished = false;
    try {
      const stream = await this.client.chat.completions.create(
        { model: this.options.model ?? 'gpt-4o-mini', messages, stream: true, tools: [HANDOVER_TOOL], temperature: this.options.temperature ?? 0.6 },
        { signal },
      );
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.delta.content) {
          for (const piece of parser.push(choice.delta.content)) {
            saidSomething ||= piece.type === 'text' && piece.text.trim() !== '';
            yield piece;
          }
        }
        for (const call of choice.delta.tool_calls ?? []) {
          const entry = toolArguments.get(call.index) ?? { name: '', args: '' };
          entry.name += call.function?.name ?? '';
          entry.args += call.function?.arguments ?? '';
          toolArguments.set(call.index, entry);
        }
        if (choice.finish_reason) finished = true;
      }
    } catch (error) {
      if (signal.aborted) return;
      throw toBrainError(error);
    }
    if (signal.aborted) return;
    // A stream that ends without a finish reason was cut off (proxy or network).
    if (!finished) throw new BrainError('cut', 'The reply stream ended before the model finished.');
    yield* parser.flush();
    for (const { name, args } of toolArguments.values()) {
      if (name !== 'handover_to_human') continue;
      if (!saidSomething) yield { type: 'text', text: HANDOVER_LINE[request.lang] };
      yield { type: 'handover', reason: parseReason(args) };
    }
  }
}

function parseReason(args: string): string {
  try {
    const parsed = JSON.parse(args) as { reason?: unknown };
    return typeof parsed.reason === 'string' ? parsed.reason : 'no reason given';
  } catch {
    return 'no reason given';
  }
}

/** Maps the openai client's errors (and the proxy's error types) to a {@link BrainError}. */
function toBrainError(error: unknown): BrainError {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new BrainError('timeout', 'The language service did not answer in time.', { cause: error });
  if (error instanceof OpenAI.APIConnectionError) return new BrainError('network', 'The language service could not be reached.', { cause: error });
  if (error instanceof OpenAI.APIError) {
    const message = error.message;
    if (error.status === 504 || error.type === 'upstream_timeout') return new BrainError('timeout', message, { cause: error });
    if (error.type === 'upstream_cut') return new BrainError('cut', message, { cause: error });
    if (error.status === undefined || error.status >= 500 || error.status === 429) return new BrainError('server', message, { cause: error });
    return new BrainError('refused', message, { cause: error });
  }
  return new BrainError('network', error instanceof Error ? error.message : String(error), { cause: error });
}
