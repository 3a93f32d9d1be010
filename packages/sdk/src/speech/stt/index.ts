export type { SegmentTranscriber, SpeechRecognizer, RecognizerEvents } from './stt-provider';
export { OpenAITranscriber, type OpenAITranscriberOptions } from './openai-transcriber';
export { WebSpeechRecognizer } from './web-speech-recognizer';
export { encodeWav } from './wav';
export { speechToTextFor, type SpeechToText } from './speech-to-text';
