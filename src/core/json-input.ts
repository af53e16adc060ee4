// The JSON an element is given, from wherever the host put it: a property, an inline
// `<script type="application/json">` child, or a URL attribute. Messages name the attribute, so the
// host developer sees which input to fix.

/** Where an element's JSON may come from, first found wins. */
export interface JsonInput {
  /** An object given as a property (undefined or null: not given). */
  value: unknown;
  /** The text of an inline `<script type="application/json">` child. */
  inline: string | undefined;
  /** The URL attribute's value ('' when unset). */
  url: string;
  /** The URL attribute's name, e.g. `config-src`. */
  attribute: string;
  /** What the JSON is, e.g. `config`. */
  what: string;
}

/** The parsed JSON, or undefined when none is given yet; throws an Error that says what is wrong. */
export async function readJsonInput(input: JsonInput, fetchJson: typeof fetch = fetch): Promise<unknown> {
  if (input.value !== undefined && input.value !== null) return input.value;
  if (input.inline !== undefined) {
    try {
      return JSON.parse(input.inline);
    } catch (cause) {
      throw new Error(`The inline <script type="application/json"> ${input.what} is not valid JSON: ${(cause as Error).message}`);
    }
  }
  const { url, attribute } = input;
  if (!url) return undefined;
  const response = await fetchJson(url, { credentials: 'same-origin' }).catch((cause: unknown) => {
    throw new Error(`Could not fetch ${attribute} "${url}": ${(cause as Error).message}`);
  });
  if (!response.ok) throw new Error(`${attribute} "${url}" answered ${response.status} ${response.statusText}`.trim());
  try {
    return await response.json();
  } catch (cause) {
    throw new Error(`${attribute} "${url}" is not valid JSON: ${(cause as Error).message}`);
  }
}
