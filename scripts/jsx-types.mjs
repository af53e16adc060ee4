// Two fixes to what custom-element-jsx-integration writes: it imports an event type once per
// element that fires it (TypeScript rejects a name imported twice), and it types handlers as
// CustomEvent<T> while our events are Event subclasses T with their own `detail`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../dist/jsx.d.ts', import.meta.url);
const source = readFileSync(file, 'utf8');
const fixed = source.replace(/import type \{([^}]*)\} from "\.\/index\.js";/, (_whole, names) => {
  const unique = [...new Set(names.split(',').map((name) => name.trim()).filter(Boolean))];
  return `import type { ${unique.join(', ')} } from "./index.js";`;
});
writeFileSync(file, fixed.replace(/CustomEvent<(\w+Event)>/g, '$1'));
