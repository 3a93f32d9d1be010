/** Options for {@link chipGroup}. */
export interface ChipGroupOptions<T extends string> {
  label: (value: T) => string;
  /** `radio`: one stays selected; `button`: momentary (press/release). */
  role: 'radio' | 'button';
  initial?: T;
  onSelect?: (value: T) => void;
  onPress?: (value: T) => void;
  onRelease?: (value: T) => void;
}

/** Renders one button per value into `container` and wires selection or press-and-hold. */
export function chipGroup<T extends string>(container: HTMLElement, values: readonly T[], options: ChipGroupOptions<T>): void {
  const buttons = values.map((value) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chip';
    button.textContent = options.label(value);
    button.dataset['value'] = value;
    if (options.role === 'radio') {
      button.setAttribute('role', 'radio');
      button.setAttribute('aria-checked', String(value === options.initial));
      button.addEventListener('click', () => {
        for (const other of buttons) other.setAttribute('aria-checked', String(other === button));
        options.onSelect?.(value);
      });
    } else {
      button.addEventListener('pointerdown', () => options.onPress?.(value));
      for (const type of ['pointerup', 'pointerleave'] as const) {
        button.addEventListener(type, () => options.onRelease?.(value));
      }
      button.addEventListener('keydown', (event) => {
        if (event.key === ' ' || event.key === 'Enter') options.onPress?.(value);
      });
      button.addEventListener('keyup', () => options.onRelease?.(value));
    }
    container.append(button);
    return button;
  });
}
