import { describe, expect, it } from 'vitest';
import { ScriptedBrain } from './scripted-brain';
import type { AffectSnapshot, BrainChunk } from './brain';
import type { Language } from '../config';

async function ask(brain: ScriptedBrain, text: string, lang: Language = 'nl', affect: AffectSnapshot | null = null) {
  const chunks: BrainChunk[] = [];
  for await (const chunk of brain.reply({ history: [{ role: 'user', text }], lang, affect }, new AbortController().signal)) chunks.push(chunk);
  return {
    text: chunks.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('').trim(),
    cues: chunks.flatMap((c) => (c.type === 'cue' ? [c.cue] : [])),
    handover: chunks.find((c) => c.type === 'handover'),
  };
}

describe('ScriptedBrain', () => {
  const brain = new ScriptedBrain();

  it('finds intents in Dutch and English, typos included', () => {
    expect(brain.match('Ik ben verhuisd, hoe geef ik mijn nieuwe adres door?', 'nl')?.id).toBe('address-change');
    expect(brain.match('adresweiziging doorgeven', 'nl')?.id).toBe('address-change');
    expect(brain.match('Wat zijn jullie openingstijden?', 'nl')?.id).toBe('opening-hours');
    expect(brain.match('Hoe laat kan ik op bezoek bij mijn moeder?', 'nl')?.id).toBe('visiting-hours');
    expect(brain.match('I have moved, how do I change my address?', 'en')?.id).toBe('address-change');
    expect(brain.match('When are you open on saturday?', 'en')?.id).toBe('opening-hours');
    expect(brain.match('Wat is de hoofdstad van Peru?', 'nl')).toBeNull();
  });

  it('offers condolences first after a death, even when an address change is mentioned', async () => {
    const reply = await ask(brain, 'Mijn man is overleden en ik moet zijn adres wijzigen');
    expect(reply.text).toMatch(/^Gecondoleerd met uw verlies\./);
    expect(reply.cues[0]).toEqual({ mood: 'sad', intensity: 0.5 });
    const english = await new ScriptedBrain().match('My mother passed away last week', 'en');
    expect(english?.id).toBe('bereavement');
  });

  it('opens with empathy when the person sounds upset', async () => {
    const upset = { label: 'tense', valence: -0.6, arousal: 0.8, confidence: 0.7 };
    const reply = await ask(new ScriptedBrain(), 'Wat zijn de openingstijden?', 'nl', upset);
    expect(reply.text).toMatch(/^Ik merk dat dit u dwarszit/);
    expect(reply.text).toContain('maandag tot en met vrijdag');
    expect((await ask(new ScriptedBrain(), 'Wat zijn de openingstijden?')).text).toMatch(/^Wij zijn open/);
  });

  it('honestly does not know, offers a colleague, and hands over on yes', async () => {
    const local = new ScriptedBrain();
    const unknown = await ask(local, 'Wat is de hoofdstad van Peru?');
    expect(unknown.text).toBe('Dat weet ik helaas niet. Zal ik een collega voor u halen?');
    expect(unknown.handover).toBeUndefined();
    const yes = await ask(local, 'Ja graag');
    expect(yes.text).toContain('ik haal er een collega bij');
    expect(yes.handover).toMatchObject({ type: 'handover' });
    const english = new ScriptedBrain();
    await ask(english, 'What is the capital of Peru?', 'en');
    expect((await ask(english, 'No thanks', 'en')).text).toBe("That's fine. What else can I help you with?");
  });

  it('hands over when asked for a human', async () => {
    expect((await ask(new ScriptedBrain(), 'Ik wil een medewerker spreken')).handover).toBeDefined();
  });
});
