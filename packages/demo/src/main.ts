import {
  LANGUAGES,
  MOODS,
  VERSION,
  VIEWS,
  VISEMES,
  defineDigitalHumanElement,
  type DigitalHumanElement,
  type Language,
  type Mood,
  type View,
  type Viseme,
} from '@digimens/sdk';
import { bindStatus } from './status';
import { chipGroup } from './controls';

defineDigitalHumanElement();

const element = document.querySelector<DigitalHumanElement>('#human')!;
const human = () => element.human;
document.querySelector('#version')!.textContent = VERSION;

bindStatus(element, document.querySelector('#status')!);

const LANGUAGE_LABELS: Record<Language, string> = { nl: 'Nederlands', en: 'English' };
chipGroup(document.querySelector('#languages')!, LANGUAGES, {
  label: (lang) => LANGUAGE_LABELS[lang],
  initial: 'nl',
  role: 'radio',
  onSelect: (lang) => element.setAttribute('lang', lang),
});
for (const id of ['brain', 'tts', 'stt'] as const) {
  const select = document.querySelector<HTMLSelectElement>(`#${id}`)!;
  select.addEventListener('change', () => element.setAttribute(id, select.value));
}
// The footer's promise holds unless the person picks a cloud transcriber: then say where speech goes.
const PRIVACY: Record<string, string> = {
  openai: 'Frames never leave your browser; what you say is sent to the proxy to be transcribed.',
  'web-speech': "Frames never leave your browser; what you say may go to the browser maker's speech service.",
};
const privacy = document.querySelector('#privacy')!;
document.querySelector<HTMLSelectElement>('#stt')!.addEventListener('change', ({ target }) => {
  privacy.textContent = PRIVACY[(target as HTMLSelectElement).value] ?? 'Frames and audio never leave your browser.';
});
for (const id of ['microphone', 'camera'] as const) {
  const toggle = document.querySelector<HTMLInputElement>(`#${id}`)!;
  toggle.addEventListener('change', () => element.setAttribute(id, String(toggle.checked)));
}
const affectLine = document.querySelector('#affect')!;
element.addEventListener('affect', ({ detail }) => {
  const from = (['face', 'voice'] as const).filter((source) => detail.sources[source] > 0).join(' + ') || 'nothing recent';
  affectLine.textContent = `Sensed: ${detail.label} from ${from} (valence ${detail.valence.toFixed(2)}, arousal ${detail.arousal.toFixed(2)}, confidence ${Math.round(detail.confidence * 100)}%)`;
});
element.addEventListener('handover', ({ detail }) => {
  document.querySelector('#status .label')!.textContent = `Hand-over requested: ${detail.reason}`;
});

const VIEW_LABELS: Record<View, string> = { head: 'Head', upper: 'Upper body', full: 'Full figure' };
chipGroup(document.querySelector('#views')!, VIEWS, {
  label: (view) => VIEW_LABELS[view],
  initial: 'upper',
  role: 'radio',
  onSelect: (view) => element.setAttribute('view', view),
});

const intensity = document.querySelector<HTMLInputElement>('#intensity')!;
const intensityValue = document.querySelector('#intensity-value')!;
let mood: Mood = 'neutral';
chipGroup(document.querySelector('#moods')!, MOODS, {
  label: capitalise,
  initial: 'neutral',
  role: 'radio',
  onSelect: (next) => {
    mood = next;
    human()?.setMood(mood, Number(intensity.value));
  },
});
intensity.addEventListener('input', () => {
  intensityValue.textContent = percent(intensity.value);
  human()?.setMood(mood, Number(intensity.value));
});

chipGroup(document.querySelector('#visemes')!, VISEMES, {
  label: (viseme) => viseme.toUpperCase(),
  role: 'button',
  // Press and hold to see a mouth shape; release returns to rest.
  onPress: (viseme) => human()?.setViseme(viseme),
  onRelease: () => human()?.setViseme(null),
});

document.querySelector('#vowel-sweep')!.addEventListener('click', () => playVowelSweep());

/** Cycles through the mouth shapes, so the viseme set can be judged at a glance. */
function playVowelSweep(): void {
  const sequence: Array<Viseme | null> = ['aa', 'ee', 'ih', 'oh', 'ou', null];
  sequence.forEach((viseme, index) => setTimeout(() => human()?.setViseme(viseme), index * 320));
}

const eyeContact = document.querySelector<HTMLInputElement>('#eye-contact')!;
const eyeContactValue = document.querySelector('#eye-contact-value')!;
eyeContact.addEventListener('input', () => {
  eyeContactValue.textContent = percent(eyeContact.value);
  element.setAttribute('eye-contact', eyeContact.value);
});

const GAZE_POINTS = {
  viewer: null,
  left: { x: 1.2, y: 1.5, z: 1.2 },
  right: { x: -1.2, y: 1.5, z: 1.2 },
  up: { x: 0, y: 2.6, z: 1.2 },
} as const;
chipGroup(document.querySelector('#gaze')!, Object.keys(GAZE_POINTS) as Array<keyof typeof GAZE_POINTS>, {
  label: (name) => (name === 'viewer' ? 'At me' : `Look ${name}`),
  initial: 'viewer',
  role: 'radio',
  onSelect: (name) => human()?.lookAt(GAZE_POINTS[name]),
});

// Your own VRM: read locally through an object URL, never uploaded.
const fileInput = document.querySelector<HTMLInputElement>('#vrm-file')!;
const resetAvatar = document.querySelector<HTMLButtonElement>('#reset-avatar')!;
let objectUrl: string | null = null;
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = URL.createObjectURL(file);
  element.setAttribute('avatar', objectUrl);
  resetAvatar.hidden = false;
});
resetAvatar.addEventListener('click', () => {
  element.removeAttribute('avatar');
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = null;
  fileInput.value = '';
  resetAvatar.hidden = true;
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function percent(value: string): string {
  return `${Math.round(Number(value) * 100)}%`;
}
