/**
 * Speech in and out: TTS providers (Web Speech, OpenAI-compatible via the proxy, any
 * function) and STT (Web Speech recognition, transcription of VAD-cut segments).
 * @packageDocumentation
 */
export * from './tts';
export * from './stt';
