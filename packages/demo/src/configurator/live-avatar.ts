import type { DigitalHumanElement } from '@digimens/sdk';
import { generateAvatar, type AvatarParameters } from '@digimens/models/avatar';

/** Wait after the last change before regenerating: sliders fire many events a second. */
const DEBOUNCE_MS = 250;

/**
 * Keeps a `<digital-human>` showing the avatar for the current parameters. Colours follow at
 * once through the SDK's `setAppearance` (a smooth tint of the loaded model); every change is
 * also regenerated in the browser, debounced, and loaded from an object URL. Only the newest
 * request is kept, so a burst of edits costs one generation.
 */
export class LiveAvatar {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private url: string | null = null;
  private version = 0;

  constructor(
    private readonly element: DigitalHumanElement,
    private readonly onError: (message: string) => void,
  ) {}

  /** Shows `params`: colours now, the regenerated model after the debounce. */
  show(params: AvatarParameters): void {
    this.element.human?.setAppearance({ skin: params.skinColor, hair: params.hairColor, eyes: params.eyeColor, clothing: params.clothingColor });
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.regenerate(params), DEBOUNCE_MS);
  }

  private async regenerate(params: AvatarParameters): Promise<void> {
    const version = ++this.version;
    try {
      const bytes = await generateAvatar(params, { title: 'Digimens avatar' });
      if (version !== this.version) return;
      const previous = this.url;
      this.url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'model/gltf-binary' }));
      this.element.setAttribute('avatar', this.url);
      // Once the element reports the new file ready (or failed) it no longer needs the old one.
      if (previous) whenSettled(this.element, () => URL.revokeObjectURL(previous));
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
  }
}

function whenSettled(element: DigitalHumanElement, then: () => void): void {
  const done = (): void => {
    element.removeEventListener('ready', done);
    element.removeEventListener('error', done);
    then();
  };
  element.addEventListener('ready', done);
  element.addEventListener('error', done);
}
