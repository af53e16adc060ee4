// Finds controls the way a person or a host's automated test does: by role and accessible name,
// through shadow roots.

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
