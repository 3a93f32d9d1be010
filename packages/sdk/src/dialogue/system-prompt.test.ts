import { describe, expect, it } from 'vitest';
import { buildSystemPrompt } from './system-prompt';

describe('buildSystemPrompt', () => {
  it('writes Dutch at B1 by default, with persona, guidelines, FAQ, cues and affect in words', () => {
    const prompt = buildSystemPrompt(
      { lang: 'nl', persona: 'Sam, de digitale receptionist van Zorggroep Noord', faq: [{ question: 'Bezoektijden?', answer: '10:00–20:00' }], guidelines: ['Noem nooit prijzen.'] },
      { label: 'tense', valence: -0.5, arousal: 0.7, confidence: 0.6 },
    );
    expect(prompt).toContain('You are Sam, de digitale receptionist van Zorggroep Noord.');
    expect(prompt).toContain('Always answer in Dutch, at CEFR language level B1');
    expect(prompt).toContain('condolences first');
    expect(prompt).toContain('- Noem nooit prijzen.');
    expect(prompt).toContain('Q: Bezoektijden?\nA: 10:00–20:00');
    expect(prompt).toContain('[[mood]]');
    expect(prompt).toContain('handover_to_human');
    expect(prompt).toContain('the person sounds tense (negative, agitated; confidence 0.6)');
  });

  it('has no level for English unless asked, and says when affect is unknown', () => {
    const prompt = buildSystemPrompt({ lang: 'en' }, null);
    expect(prompt).toContain('Always answer in English, even');
    expect(prompt).toContain('unknown (no reliable signal)');
    expect(buildSystemPrompt({ lang: 'en', languageLevel: 'A2' }, null)).toContain('level A2');
  });
});
