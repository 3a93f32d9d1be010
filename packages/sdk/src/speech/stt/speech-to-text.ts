import type { DigitalHumanConfig } from '../../config';
import { OpenAITranscriber } from './openai-transcriber';
import type { SegmentTranscriber, SpeechRecognizer } from './stt-provider';
import { WebSpeechRecognizer } from './web-speech-recognizer';

/**
 * The way speech becomes text that a config asks for: utterances cut by the VAD and sent
 * to a transcriber, live recognition by the browser, or none (the text box only).
 */
export type SpeechToText =
  | { kind: 'segments'; transcriber: SegmentTranscriber }
  | { kind: 'live'; recognizer: SpeechRecognizer }
  | { kind: 'none'; reason: string };

/** Builds the speech-to-text that `config.stt` asks for (see {@link DigitalHumanConfig.stt}). */
export function speechToTextFor(config: Pick<DigitalHumanConfig, 'stt' | 'proxyUrl'>): SpeechToText {
  switch (config.stt) {
    case 'openai':
      return { kind: 'segments', transcriber: new OpenAITranscriber({ baseURL: config.proxyUrl }) };
    case 'web-speech':
      return { kind: 'live', recognizer: new WebSpeechRecognizer() };
    case 'auto':
      return { kind: 'live', recognizer: new WebSpeechRecognizer(undefined, { onDevice: true }) };
    case 'none':
      return { kind: 'none', reason: 'speech-to-text is off (stt="none")' };
  }
}
