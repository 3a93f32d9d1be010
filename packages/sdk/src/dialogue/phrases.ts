import type { Language } from '../config';
import type { BrainErrorKind } from './brain';

/** What the avatar says of its own accord, per language. Override any of it in the conversation's options. */
export interface ConversationPhrases {
  /** Short fillers while the answer is slow to come; one is picked at random. */
  fillers: string[];
  /** Opening of an apology, by what went wrong. */
  apology: Record<BrainErrorKind | 'silent', string>;
  /** Said before an automatic retry. */
  retrying: string;
  /** Said when it still did not work. */
  gaveUp: string;
}

export const DEFAULT_PHRASES: Readonly<Record<Language, ConversationPhrases>> = {
  nl: {
    fillers: ['Even kijken.', 'Momentje.', 'Eens kijken.'],
    apology: {
      timeout: 'Sorry, dat duurt te lang.',
      server: 'Sorry, dat ging even mis.',
      network: 'Sorry, ik heb even geen verbinding.',
      cut: 'Sorry, ik raakte de draad kwijt.',
      refused: 'Sorry, daar kan ik nu niet bij.',
      silent: 'Sorry, ik bleef even hangen.',
    },
    retrying: 'Ik probeer het nog een keer.',
    gaveUp: 'Wilt u het zo nog eens vragen? Of zal ik een collega halen?',
  },
  en: {
    fillers: ['Let me see.', 'One moment.', 'Let me check.'],
    apology: {
      timeout: 'Sorry, that is taking too long.',
      server: 'Sorry, something went wrong.',
      network: 'Sorry, I have no connection right now.',
      cut: 'Sorry, I lost my train of thought.',
      refused: 'Sorry, I cannot reach that right now.',
      silent: 'Sorry, I got stuck for a moment.',
    },
    retrying: 'Let me try again.',
    gaveUp: 'Could you ask me again in a moment? Or shall I get a colleague?',
  },
};
