/** Something that emits caption lines: a {@link Conversation} does. */
export interface CaptionSource {
  on(type: 'caption', listener: (caption: { speaker: 'user' | 'avatar'; text: string }) => void): () => void;
}

/** Options of {@link attachCaptions}. */
export interface CaptionOptions {
  /** Lines kept on screen. Default 3. */
  lines?: number;
  /** Speaker labels; default none (the avatar's lines are told apart by a class). */
  labels?: Partial<Record<'user' | 'avatar', string>>;
}

/**
 * Shows a conversation's captions in `container` as an ARIA live region (`role="log"`,
 * polite), so screen readers announce each new line and sighted people can read along.
 * Lines carry the class `digimens-caption-user` or `-avatar` for styling (large captions
 * for kiosks are a CSS matter). Returns a function that detaches and clears.
 */
export function attachCaptions(source: CaptionSource, container: HTMLElement, options: CaptionOptions = {}): () => void {
  const max = options.lines ?? 3;
  container.setAttribute('role', 'log');
  container.setAttribute('aria-live', 'polite');
  container.setAttribute('aria-atomic', 'false');
  const off = source.on('caption', ({ speaker, text }) => {
    const line = document.createElement('p');
    line.className = `digimens-caption digimens-caption-${speaker}`;
    const label = options.labels?.[speaker];
    line.textContent = label ? `${label}: ${text}` : text;
    container.append(line);
    while (container.childElementCount > max) container.firstElementChild?.remove();
  });
  return () => {
    off();
    container.replaceChildren();
  };
}
