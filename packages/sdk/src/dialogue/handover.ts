import type { Language } from '../config';
import { isNegative } from './affect-words';
import type { AffectSnapshot } from './brain';

/** Why the avatar hands over to a human. */
export type HandoverTrigger = 'request' | 'affect' | 'brain';

/** Payload of the `handover` event: the host page fetches a colleague. */
export interface HandoverEvent {
  trigger: HandoverTrigger;
  /** In words, for the colleague's screen or a log. */
  reason: string;
}

/** Phrases that ask for a person (matched on word edges, case-insensitive). */
const REQUEST_PATTERNS: Readonly<Record<Language, RegExp>> = {
  nl: /\b(een )?(echte? )?(mens|medewerker|collega|persoon|iemand) (spreken|aan de lijn|erbij|halen)\b|\b(met|naar) (een )?(echte? )?(mens|medewerker|persoon|collega)\b|\bgeen (robot|computer)\b/i,
  en: /\b(speak|talk) (to|with) (a |an |someone|somebody|a real )?(human|person|agent|someone|somebody|staff|colleague)|\b(real|actual) (person|human)\b|\bnot a (robot|bot|computer)\b/i,
};

/** Options of a {@link HandoverMonitor}. */
export interface HandoverMonitorOptions {
  /** Seconds of continuously negative affect before handing over. Default 20. */
  sustainedNegativeS?: number;
  /** Clock in ms (tests inject one). */
  now?: () => number;
}

/**
 * Decides when a human should take over besides the brain's own tool call: an explicit
 * request in the person's words, or affect that stays negative (with confidence) for
 * `sustainedNegativeS` seconds. Fires at most once per negative stretch.
 */
export class HandoverMonitor {
  private negativeSince: number | null = null;
  private firedForStretch = false;
  private readonly sustainedMs: number;
  private readonly now: () => number;

  constructor(options: HandoverMonitorOptions = {}) {
    this.sustainedMs = (options.sustainedNegativeS ?? 20) * 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether `text` asks for a human, in either language (people switch). */
  static isExplicitRequest(text: string): boolean {
    return REQUEST_PATTERNS.nl.test(text) || REQUEST_PATTERNS.en.test(text);
  }

  /** A handover for what the person said, if they asked for a human. */
  checkText(text: string): HandoverEvent | null {
    return HandoverMonitor.isExplicitRequest(text) ? { trigger: 'request', reason: `The person asked for a human: "${text}"` } : null;
  }

  /** Feeds the latest affect; returns a handover once negative affect has lasted long enough. */
  checkAffect(affect: AffectSnapshot | null): HandoverEvent | null {
    if (!isNegative(affect)) {
      this.negativeSince = null;
      this.firedForStretch = false;
      return null;
    }
    this.negativeSince ??= this.now();
    if (this.firedForStretch || this.now() - this.negativeSince < this.sustainedMs) return null;
    this.firedForStretch = true;
    return {
      trigger: 'affect',
      reason: `The person has sounded ${affect.label} for over ${Math.round(this.sustainedMs / 1000)} s.`,
    };
  }
}
