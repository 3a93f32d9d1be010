import { PARAMETER_SCHEMA, type AvatarParameters, type ParameterSchema } from '@digimens/models/avatar';

/** Where each kind of control goes. */
export interface FormContainers {
  sliders: HTMLElement;
  colours: HTMLElement;
  choices: HTMLElement;
}

/** The controls for every avatar parameter; `set` shows new values without firing `onChange`. */
export interface ParameterForm {
  set(params: AvatarParameters): void;
}

type Key = keyof AvatarParameters;

/**
 * Builds one control per entry of PARAMETER_SCHEMA (a slider, colour picker, select or
 * checkbox), so a parameter added to the generator appears here without touching this page.
 */
export function buildParameterForm(
  containers: FormContainers,
  initial: AvatarParameters,
  onChange: (params: AvatarParameters, changed: Key) => void,
): ParameterForm {
  let params: AvatarParameters = { ...initial };
  const setters = new Map<Key, (value: AvatarParameters[Key]) => void>();
  const update = (key: Key, value: AvatarParameters[Key]): void => {
    params = { ...params, [key]: value };
    refreshDependents();
    onChange(params, key);
  };
  for (const key of Object.keys(PARAMETER_SCHEMA) as Key[]) {
    const control = makeControl(key, PARAMETER_SCHEMA[key], params[key], (value) => update(key, value));
    setters.set(key, control.set);
    const container = control.kind === 'number' ? containers.sliders : control.kind === 'color' ? containers.colours : containers.choices;
    container.append(control.element);
  }
  // The glasses colour means nothing without glasses: dim its swatch.
  const glassesSwatch = containers.colours.querySelector<HTMLElement>('[data-key="glassesColor"]');
  function refreshDependents(): void {
    if (glassesSwatch) glassesSwatch.dataset['disabled'] = String(!params.glasses);
  }
  refreshDependents();
  return {
    set(next) {
      params = { ...next };
      for (const [key, set] of setters) set(params[key]);
      refreshDependents();
    },
  };
}

interface Control {
  kind: ParameterSchema['kind'];
  element: HTMLElement;
  set: (value: AvatarParameters[Key]) => void;
}

function makeControl(key: Key, schema: ParameterSchema, value: AvatarParameters[Key], onInput: (value: AvatarParameters[Key]) => void): Control {
  const id = `param-${key}`;
  switch (schema.kind) {
    case 'number': {
      const label = element('label', 'slider');
      const caption = element('span');
      const output = element('output');
      caption.append(schema.label, output);
      const input = Object.assign(document.createElement('input'), { type: 'range', id, min: String(schema.min), max: String(schema.max), step: String(schema.step) });
      const show = (v: number): void => {
        input.value = String(v);
        output.textContent = v.toFixed(2);
      };
      show(Number(value));
      input.addEventListener('input', () => {
        output.textContent = Number(input.value).toFixed(2);
        onInput(Number(input.value));
      });
      label.append(caption, input);
      return { kind: 'number', element: label, set: (v) => show(Number(v)) };
    }
    case 'color': {
      const label = element('label', 'swatch');
      label.dataset['key'] = key;
      const input = Object.assign(document.createElement('input'), { type: 'color', id, value: String(value) });
      input.addEventListener('input', () => onInput(input.value as AvatarParameters[Key]));
      label.append(input, schema.label.replace(/ colou?r$/i, ''));
      return { kind: 'color', element: label, set: (v) => (input.value = String(v)) };
    }
    case 'choice': {
      const row = element('label', 'row');
      const select = Object.assign(document.createElement('select'), { id });
      for (const option of schema.values) select.append(new Option(capitalise(option), option));
      select.value = String(value);
      select.addEventListener('change', () => onInput(select.value as AvatarParameters[Key]));
      row.append(schema.label, select);
      return { kind: 'choice', element: row, set: (v) => (select.value = String(v)) };
    }
    case 'boolean': {
      const row = element('label', 'row');
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, checked: Boolean(value) });
      box.addEventListener('change', () => onInput(box.checked as AvatarParameters[Key]));
      row.append(schema.label, box);
      return { kind: 'boolean', element: row, set: (v) => (box.checked = Boolean(v)) };
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  return el;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
