import type { DigitalHumanElement } from '@digimens/sdk';

/** Mirrors the avatar's lifecycle in the header's status pill. */
export function bindStatus(element: DigitalHumanElement, pill: HTMLElement): void {
  const label = pill.querySelector('.label')!;
  const show = (kind: 'busy' | 'ok' | 'warn', text: string) => {
    pill.dataset['kind'] = kind;
    label.textContent = text;
  };
  show('busy', 'Loading avatar…');
  element.addEventListener('progress', ({ detail: { loaded, total } }) => {
    show('busy', total ? `Loading avatar… ${Math.round((loaded / total) * 100)}%` : 'Loading avatar…');
  });
  element.addEventListener('state', ({ detail: { state } }) => {
    if (state === 'ready') show('ok', 'Live on this device');
    if (state === 'loading') show('busy', 'Loading avatar…');
  });
  element.addEventListener('error', ({ detail: { code } }) => {
    show('warn', code === 'config-invalid' ? 'Check the settings' : 'Avatar unavailable — see the message');
  });
}
