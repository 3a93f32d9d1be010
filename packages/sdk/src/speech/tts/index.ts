export type { TtsProvider, PreparedSpeech, PrepareOptions, SpeechStart } from './tts-provider';
export { AudioPlayer } from './audio-player';
export { FunctionTts, type SynthesizeFunction, type Synthesized, type SynthesizedAudio } from './function-tts';
export { OpenAITts, type OpenAITtsOptions } from './openai-tts';
export { WebSpeechTts, type WebSpeechTtsOptions } from './web-speech-tts';
export { SilentTts } from './silent-tts';
