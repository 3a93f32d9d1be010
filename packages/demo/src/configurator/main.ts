/**
 * The avatar configurator: every generator parameter as a control, presets, an "agnostic
 * random" face, a live preview generated in the browser, and export of the VRM and parameters.
 */
import { defineDigitalHumanElement, type DigitalHumanElement, type View } from '@digimens/sdk';
import { AvatarParameterError, PRESETS, generateAvatar, validateParameters, type AvatarParameters } from '@digimens/models/avatar';
import { bindStatus } from '../status';
import { chipGroup } from '../controls';
import { agnosticRandom } from './agnostic-random';
import { buildParameterForm } from './parameter-form';
import { LiveAvatar } from './live-avatar';
import { download } from './download';

defineDigitalHumanElement();

const DEFAULT_PRESET = 'nova';
const element = document.querySelector<DigitalHumanElement>('#human')!;
const hint = document.querySelector<HTMLElement>('#stage-hint')!;
bindStatus(element, document.querySelector('#status')!);

let params: AvatarParameters = { ...PRESETS[DEFAULT_PRESET]! };
let name = DEFAULT_PRESET;
const live = new LiveAvatar(element, (message) => (hint.textContent = message));

const form = buildParameterForm(
  {
    sliders: document.querySelector('#sliders')!,
    colours: document.querySelector('#colours')!,
    choices: document.querySelector('#choices')!,
  },
  params,
  (next) => {
    params = next;
    name = 'custom';
    markPreset(null);
    live.show(params);
  },
);

/** Shows a whole new parameter set (preset or random) in the form and on the stage. */
function apply(next: AvatarParameters, label: string): void {
  params = { ...next };
  name = label;
  form.set(params);
  live.show(params);
}

const presetNames = Object.keys(PRESETS);
chipGroup(document.querySelector('#presets')!, presetNames, {
  label: capitalise,
  initial: DEFAULT_PRESET,
  role: 'radio',
  onSelect: (preset) => apply(PRESETS[preset]!, preset),
});
function markPreset(preset: string | null): void {
  for (const chip of document.querySelectorAll<HTMLElement>('#presets .chip')) {
    chip.setAttribute('aria-checked', String(chip.dataset['value'] === preset));
  }
}

document.querySelector('#random')!.addEventListener('click', () => {
  markPreset(null);
  apply(agnosticRandom(), 'random');
});

const VIEW_LABELS: Partial<Record<View, string>> = { head: 'Face', upper: 'Shoulders' };
chipGroup(document.querySelector('#views')!, ['head', 'upper'] as const, {
  label: (view) => VIEW_LABELS[view] ?? view,
  initial: 'head',
  role: 'radio',
  onSelect: (view) => element.setAttribute('view', view),
});

document.querySelector('#export-vrm')!.addEventListener('click', async () => {
  try {
    const bytes = await generateAvatar(params, { title: name });
    download(bytes as BlobPart, `${name}.vrm`, 'model/gltf-binary');
  } catch (error) {
    hint.textContent = error instanceof AvatarParameterError ? error.message : `Export failed: ${String(error)}`;
  }
});
document.querySelector('#export-json')!.addEventListener('click', () => {
  download(`${JSON.stringify(validateParameters(params), null, 2)}\n`, `${name}.json`, 'application/json');
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
