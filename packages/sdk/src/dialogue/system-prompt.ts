import type { Language } from '../config';
import { describeAffect } from './affect-words';
import type { AffectSnapshot } from './brain';
import { CUE_SYNTAX_HELP } from './cue-parser';

/** One question and answer of the institution's FAQ, given to the model as context. */
export interface FaqEntry {
  question: string;
  answer: string;
}

/** What the system prompt is built from (all but `lang` optional). */
export interface PromptConfig {
  lang: Language;
  /** Who the avatar is, e.g. "Sam, the digital receptionist of Zorggroep Noord". */
  persona?: string;
  /** CEFR level to write at; default B1 for Dutch (easy language, as Dutch public services use), none for English. */
  languageLevel?: string | null;
  /** The institution's own rules of conduct, added after the built-in empathy guidelines. */
  guidelines?: readonly string[];
  faq?: readonly FaqEntry[];
}

const DEFAULT_PERSONA = 'a friendly digital assistant at the front desk of a Dutch organisation';

const EMPATHY_GUIDELINES = [
  'You are speaking out loud: answer in short spoken sentences, no lists, no markdown, no URLs unless asked.',
  'Keep answers to three sentences or fewer unless the person asks for more.',
  'When the person is upset, grieving or worried, acknowledge the feeling first, in one sentence, before any practical answer.',
  'After a death, offer condolences first and ask nothing that is not needed right now.',
  'Be honest about what you do not know: say so, and offer to get a human colleague.',
  'Never give medical, legal or financial advice; refer to a colleague instead.',
  'Address the person formally ("u" in Dutch) unless they ask otherwise.',
];

const HANDOVER_RULE =
  'Call the handover_to_human tool when the person asks for a human, when they stay upset, or when the question is beyond you; ' +
  'tell them a colleague is on the way.';

/**
 * The system prompt for a language model, built from config and the person's current
 * affect (re-built every turn, so the model sees the latest affect in words).
 */
export function buildSystemPrompt(config: PromptConfig, affect: AffectSnapshot | null): string {
  const level = config.languageLevel === undefined ? (config.lang === 'nl' ? 'B1' : null) : config.languageLevel;
  const language = config.lang === 'nl' ? 'Dutch' : 'English';
  const sections = [
    `You are ${config.persona ?? DEFAULT_PERSONA}.`,
    `Always answer in ${language}${level ? `, at CEFR language level ${level} (short sentences, common words, no jargon)` : ''}, even if the person mixes languages.`,
    ['Guidelines:', ...[...EMPATHY_GUIDELINES, ...(config.guidelines ?? [])].map((g) => `- ${g}`)].join('\n'),
    CUE_SYNTAX_HELP,
    HANDOVER_RULE,
    `Current affect of the person, estimated from face and voice: ${describeAffect(affect)}. Let it shape your tone, but do not mention the estimate.`,
  ];
  if (config.faq?.length) {
    sections.push(
      ['Facts of this institution (answer from these; do not invent others):', ...config.faq.map((f) => `Q: ${f.question}\nA: ${f.answer}`)].join('\n'),
    );
  }
  return sections.join('\n\n');
}
