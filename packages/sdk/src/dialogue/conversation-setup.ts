import type { DigitalHumanConfig } from '../config';
import type { VisemeTarget } from '../lipsync/scheduler';
import { OpenAITts } from '../speech/tts/openai-tts';
import { SilentTts } from '../speech/tts/silent-tts';
import { WebSpeechTts } from '../speech/tts/web-speech-tts';
import type { TtsProvider } from '../speech/tts/tts-provider';
import type { Brain } from './brain';
import { Conversation } from './conversation';
import { OpenAIBrain } from './openai-brain';
import { ScriptedBrain } from './scripted-brain';
import type { FaceSink } from './sinks';
import { TtsLipSync } from './tts-lip-sync';

/** A conversation built from config, with the parts that must be released with it. */
export interface ConversationSetup {
  conversation: Conversation;
  dispose(): void;
}

/** The config fields that decide how a conversation is built; a change to any rebuilds it. */
export const CONVERSATION_FIELDS = ['brain', 'tts', 'proxyUrl', 'model', 'persona'] as const satisfies readonly (keyof DigitalHumanConfig)[];

/**
 * Builds the conversation a config asks for, speaking through `avatar`'s mouth and face:
 * the brain (offline script or a model behind the proxy), the voice, and lip-sync on the
 * voice's own clock. Returns null for `brain: 'none'`.
 */
export function setUpConversation(config: DigitalHumanConfig, avatar: FaceSink & VisemeTarget): ConversationSetup | null {
  if (config.brain === 'none') return null;
  const tts = createTts(config);
  // The mouth reads with the conversation's current language (it can change mid-session).
  let conversation: Conversation | null = null;
  const lipSync = new TtsLipSync(avatar, () => tts.now(), () => conversation?.lang ?? config.lang, {
    assetBaseUrl: config.assetBaseUrl,
  });
  conversation = new Conversation({ brain: createBrain(config), tts, lang: config.lang, face: avatar, lipSync });
  const built = conversation;
  return {
    conversation: built,
    dispose() {
      built.dispose();
      lipSync.dispose();
    },
  };
}

function createBrain(config: DigitalHumanConfig): Brain {
  if (config.brain === 'openai') {
    return new OpenAIBrain({ baseURL: absolute(config.proxyUrl), model: config.model, ...(config.persona ? { persona: config.persona } : {}) });
  }
  return new ScriptedBrain();
}

function createTts(config: DigitalHumanConfig): TtsProvider {
  if (config.tts === 'openai') return new OpenAITts({ baseURL: absolute(config.proxyUrl) });
  if (config.tts === 'none') return new SilentTts();
  return new WebSpeechTts();
}

/** The openai client needs an absolute base URL; config may give one relative to the page. */
function absolute(url: string): string {
  return new URL(url, location.href).href;
}
