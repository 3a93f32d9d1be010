import { describe, expect, it } from 'vitest';
import { DutchG2P } from './g2p-nl';
import { buildTimeline, parseIpa, wordContexts } from './timeline';
import { visemeWeightsAt } from './coarticulation';
import { VISEME_CLASS } from './visemes';

const nl = new DutchG2P();
const classes = (t: ReturnType<typeof buildTimeline>) => t.segments.map((s) => VISEME_CLASS[s.viseme]);

describe('buildTimeline', () => {
  it('fills each word span exactly with its phonemes, in order', () => {
    const t = buildTimeline('mama boe', { kind: 'words', words: [{ text: 'mama', start: 100, end: 500 }, { text: 'boe', start: 600, end: 900 }] }, nl);
    expect(classes(t)).toEqual(['closed', 'aa', 'closed', 'aa', 'closed', 'ou']);
    expect(t.segments[0]!.start).toBe(100);
    expect(t.segments[3]!.end).toBeCloseTo(500);
    expect(t.segments[4]!.start).toBe(600);
    expect(t.segments.at(-1)!.end).toBeCloseTo(900);
    // Longer for vowels than for the bilabial onset.
    expect(t.segments[1]!.end - t.segments[1]!.start).toBeGreaterThan(t.segments[0]!.end - t.segments[0]!.start);
  });

  it("lets a word's edge phones see the neighbouring word unless a pause comes between", () => {
    const words = [{ text: 'ja', start: 0, end: 300 }, { text: 'mooi', start: 300, end: 700 }, { text: 'boe', start: 900, end: 1200 }];
    const contexts = wordContexts('ja mooi boe', words, words.map((w) => nl.phones(w.text)));
    expect(contexts[0]!.nextPhone?.symbol).toBe('m');
    expect(contexts[1]!.prevPhone?.symbol).toBe('aː');
    // 200 ms of silence before boe: a phrase edge, no neighbour.
    expect(contexts[1]!.nextPhone).toBeUndefined();
    expect(contexts[2]!.prevPhone).toBeUndefined();
  });

  it('splits a diphthong into its two halves', () => {
    const t = buildTimeline('mijn', { kind: 'words', words: [{ text: 'mijn', start: 0, end: 300 }] }, nl);
    expect(classes(t)).toEqual(['closed', 'ee', 'ih', 'other']);
  });

  it('spreads text over the audio duration, leaving a pause at punctuation', () => {
    const t = buildTimeline('Ja, mooi.', { kind: 'duration', duration: 1000 }, nl);
    expect(t.duration).toBe(1000);
    expect(t.segments.at(-1)!.end).toBeCloseTo(1000);
    const ja = t.segments.filter((s) => s.phoneme === 'aː')[0]!;
    const m = t.segments.find((s) => s.viseme === 'PP')!;
    expect(m.start - ja.end).toBeGreaterThan(50);
  });

  it('places words on Web Speech boundary events', () => {
    const t = buildTimeline('boe mama', { kind: 'boundaries', boundaries: [{ charIndex: 0, time: 0 }, { charIndex: 4, time: 400 }], duration: 900 }, nl);
    expect(t.segments.find((s) => s.viseme === 'PP' && s.start >= 400)!.start).toBe(400);
    expect(t.segments.at(-1)!.end).toBeLessThanOrEqual(900);
  });

  it('takes phoneme timestamps as they are', () => {
    const t = buildTimeline('', { kind: 'phonemes', phonemes: [{ phoneme: 'm', start: 0, end: 80 }, { phoneme: 'ˈaɪ', start: 80, end: 280 }] }, nl);
    expect(t.segments.map((s) => [s.viseme, s.start, s.end])).toEqual([['PP', 0, 80], ['aa', 80, 180], ['I', 180, 280]]);
    expect(parseIpa('ɔːɹ').map((p) => p.symbol)).toEqual(['ɔː', 'ɹ']);
  });
});

describe('visemeWeightsAt', () => {
  const t = buildTimeline('', { kind: 'phonemes', phonemes: [{ phoneme: 'a', start: 0, end: 200 }, { phoneme: 'p', start: 200, end: 280 }, { phoneme: 'u', start: 280, end: 480 }] }, nl);

  it('opens the mouth on vowels, shuts it on p, rounds it on u', () => {
    expect(visemeWeightsAt(t, 100).aa).toBeGreaterThan(0.6);
    const closure = visemeWeightsAt(t, 240);
    expect(Object.values(closure).reduce((a, b) => a + b, 0)).toBeLessThan(0.25);
    expect(visemeWeightsAt(t, 380).ou).toBeGreaterThan(0.6);
  });

  it('anticipates the next vowel and returns to rest after the end', () => {
    expect(visemeWeightsAt(t, 270).ou ?? 0).toBeGreaterThan(visemeWeightsAt(t, 210).ou ?? 0);
    expect(visemeWeightsAt(t, 1000)).toEqual({});
  });
});
