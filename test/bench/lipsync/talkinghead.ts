/**
 * TalkingHead's English lip-sync (`@met4citizen/talkinghead`, modules/lipsync-en.mjs),
 * placed on word timings exactly as TalkingHead's own `speakAudio()` does when it gets
 * words without visemes (talkinghead.mjs 1.7.0, the `if (!r.visemes)` branch): each
 * word's visemes are spread over its span by their relative durations, the span capped
 * at 200 ms per viseme. Only the animation ramps are left out: a viseme counts from its
 * time to its time plus duration, as the keyframe it peaks in.
 */
// @ts-expect-error: the package ships plain JavaScript without types
import { LipsyncEn } from '@met4citizen/talkinghead/modules/lipsync-en.mjs';

interface WordsToVisemes {
  visemes: string[];
  times: number[];
  durations: number[];
}

const lipsync = new LipsyncEn() as { preProcessText(s: string): string; wordsToVisemes(w: string): WordsToVisemes };

/** Its Oculus viseme names, by class. */
export const TALKINGHEAD_CLASSES: Readonly<Record<string, string>> = {
  sil: 'rest', PP: 'closed', FF: 'fv', TH: 'other', DD: 'other', kk: 'other', CH: 'other', SS: 'other', nn: 'other', RR: 'other',
  aa: 'aa', E: 'ee', I: 'ih', O: 'oh', U: 'ou',
};

/** TalkingHead's segments for one sentence's timed words. */
export function talkingHeadSegments(words: ReadonlyArray<{ text: string; start: number; end: number }>): Array<{ start: number; end: number; viseme: string }> {
  const out: Array<{ start: number; end: number; viseme: string }> = [];
  for (const word of words) {
    const val = lipsync.wordsToVisemes(lipsync.preProcessText(word.text));
    if (!val.visemes.length) continue;
    const last = val.visemes.length - 1;
    const dTotal = val.times[last]! + val.durations[last]!;
    const duration = Math.min(word.end - word.start, val.visemes.length * 200);
    if (dTotal <= 0) continue;
    val.visemes.forEach((viseme, j) => {
      const t = word.start + (val.times[j]! / dTotal) * duration;
      const d = (val.durations[j]! / dTotal) * duration;
      out.push({ start: t, end: t + d, viseme });
    });
  }
  return out;
}
