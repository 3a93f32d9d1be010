/**
 * Dialogue: brains (a language model behind the proxy, or the offline script) and the
 * conversation that takes turns, streams speech, handles barge-in and hands over.
 * @packageDocumentation
 */
export { BrainError, type Brain, type BrainChunk, type BrainRequest, type BrainErrorKind, type AffectSnapshot, type DialogueTurn, type ExpressionCue } from './brain';
export { OpenAIBrain, type OpenAIBrainOptions } from './openai-brain';
export { ScriptedBrain, DEFAULT_INTENTS, type ScriptedBrainOptions, type ScriptedIntents, type ScriptedIntent, type ScriptedLanguage } from './scripted-brain';
export { buildSystemPrompt, type PromptConfig, type FaqEntry } from './system-prompt';
export { describeAffect } from './affect-words';
export { CueParser, CUE_SYNTAX_HELP } from './cue-parser';
export { SentenceSplitter } from './sentence-splitter';
export { HandoverMonitor, type HandoverEvent, type HandoverTrigger, type HandoverMonitorOptions } from './handover';
export { Conversation, type ConversationState, type ConversationEvents, type ConversationOptions, type AnticipatedTurn } from './conversation';
export { DEFAULT_PHRASES, type ConversationPhrases } from './phrases';
export { TtsLipSync } from './tts-lip-sync';
export type { LipSyncSink, FaceSink } from './sinks';
