import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { resample } from '../../../sdk/src/perception/audio-resample';
import { VOICE_SAMPLE_RATE } from '../../../sdk/src/perception/voice-features';
import { VOICE_EMOTION_LABELS, type VoiceEmotionLabel } from '../../../sdk/src/perception/voice-emotion-labels';
import { decodeWav } from './wav';

/** One labelled clip of an `<dir>/<label>/<clip>.wav` folder, decoded to 16 kHz mono. */
export interface Clip {
  path: string;
  label: VoiceEmotionLabel;
  /** Speaker id for speaker-grouped cross-validation, when the file name reveals it. */
  speaker: string;
  samples: Float32Array;
}

/**
 * Reads every `<dir>/<label>/*.wav` whose folder name is one of the eight labels (other
 * folders are reported and skipped), resampling to 16 kHz.
 */
export function readClipFolder(dir: string, onSkip: (why: string) => void = () => {}): Clip[] {
  const clips: Clip[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const path = join(dir, folder);
    if (!statSync(path).isDirectory()) continue;
    if (!(VOICE_EMOTION_LABELS as readonly string[]).includes(folder)) {
      onSkip(`folder "${folder}" is not one of the labels ${VOICE_EMOTION_LABELS.join(', ')}`);
      continue;
    }
    for (const file of readdirSync(path).sort()) {
      if (!file.toLowerCase().endsWith('.wav')) continue;
      const wav = decodeWav(readFileSync(join(path, file)));
      clips.push({
        path: join(path, file),
        label: folder as VoiceEmotionLabel,
        speaker: speakerOf(file),
        samples: resample(wav.samples, wav.sampleRate, VOICE_SAMPLE_RATE),
      });
    }
  }
  return clips;
}

/**
 * Speaker id from the corpora's naming schemes (see ../shared/eval/speech/SOURCES.md):
 * RAVDESS `03-01-EE-II-SS-RR-AA.wav` (AA = actor), EmoDB `SSTTTEV.wav` (SS = speaker);
 * any other file is its own "speaker".
 */
export function speakerOf(file: string): string {
  const name = basename(file, '.wav');
  const ravdess = /(?:^|_)\d\d-\d\d-\d\d-\d\d-\d\d-\d\d-(\d\d)$/.exec(name);
  if (ravdess) return `ravdess_${ravdess[1]}`;
  const emodb = /^emodb_(\d\d)/.exec(name);
  if (emodb) return `emodb_${emodb[1]}`;
  return name;
}

/** Corpus of a speaker id, for per-corpus accuracy. */
export function corpusOf(speaker: string): string {
  return speaker.startsWith('ravdess_') ? 'RAVDESS' : speaker.startsWith('emodb_') ? 'EmoDB' : 'other';
}
