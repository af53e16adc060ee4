// Finds controls the way a person or a host's automated test does: by role and accessible name,
// through shadow roots, and reaches them with the keyboard.
import { sendKeys } from '@web/test-runner-commands';
import { waitFor } from './wait.js';

/** Every element under `root`, shadow roots included. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const child of Array.from(node.children)) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return found;
}

/** Whether an element is rendered (not inside a hidden subtree). */
function rendered(element: Element): boolean {
  return (element as HTMLElement).offsetParent !== null || getComputedStyle(element).position === 'fixed';
}

/** The visible button whose accessible name (its text) is exactly `name`, or undefined. */
export function findButton(root: Element, name: string): HTMLButtonElement | undefined {
  return deepElements(root.shadowRoot ?? root).find(
    (element): element is HTMLButtonElement =>
      element instanceof HTMLButtonElement && element.textContent!.trim() === name && rendered(element),
  );
}

/** All text in the DOM under `root`, shadow roots and hidden parts included. */
export function deepText(root: Element): string {
  return deepElements(root.shadowRoot ?? root)
    .map((element) => Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join(' '))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The focused element, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The accessible name of the focused control (its text, or its label for form fields). */
export function focusedName(): string {
  const active = deepActiveElement() as HTMLElement | null;
  if (!active) return '';
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    return (active.labels?.[0]?.textContent ?? active.getAttribute('aria-label') ?? '').trim();
  }
  return (active.textContent ?? '').trim();
}

/** Presses Tab until the control named `name` has focus (no more than 25 times: no keyboard trap). */
export async function tabTo(name: string): Promise<void> {
  for (let i = 0; i < 25; i++) {
    if (focusedName() === name) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached "${name}" (focus is on "${focusedName()}")`);
}

/**
 * Presses the button named `name` inside `el` once it is there and enabled, and resolves once the
 * element has rendered what the press changed.
 */
export async function press(el: Element, name: string, timeout = 20_000): Promise<void> {
  await waitFor(() => findButton(el, name) && !findButton(el, name)!.disabled, `no enabled "${name}" button`, timeout);
  findButton(el, name)!.click();
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
}
