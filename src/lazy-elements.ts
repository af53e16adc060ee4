// Elements whose code is fetched only when a page uses them (the device check, the standalone
// upload progress): define.ts registers how to load each, and whoever is about to show one (the
// interview before its device check) asks for it. Elsewhere, a tag that is not defined stays a
// plain element, and Lit takes over the properties already set on it when it is defined.

const loaders = new Map<string, () => Promise<unknown>>();

/** Says how to load and define `tag` when it is first asked for. */
export function registerLazyElement(tag: string, load: () => Promise<unknown>): void {
  if (!customElements.get(tag)) loaders.set(tag, load);
}

/** The tags registered and not yet asked for. */
export function lazyTags(): string[] {
  return [...loaders.keys()];
}

/**
 * Loads and defines `tag` if it is one of the lazily loaded elements; resolves once it is defined
 * (at once for any other tag, defined or not: an app that defines tags itself needs nothing here).
 */
export async function requestElement(tag: string): Promise<void> {
  const load = loaders.get(tag);
  if (!load) return;
  loaders.delete(tag);
  await load();
}

// The chunks' loaders. The bundler may put what lazily loaded chunks share with the bundle into a
// third file that every page would load: scripts/check-size.js fails the build when it does.

/** The device check's class, from its chunk. */
export async function loadDeviceCheck(): Promise<CustomElementConstructor> {
  return (await import('./elements/device-check/device-check.js')).OnewayDeviceCheck;
}

/** The upload progress's class, from its chunk. */
export async function loadUploadProgress(): Promise<CustomElementConstructor> {
  return (await import('./elements/upload-progress/upload-progress.js')).OnewayUploadProgress;
}
