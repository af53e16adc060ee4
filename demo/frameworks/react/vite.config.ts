// vite build --config demo/frameworks/react/vite.config.ts  →  demo/frameworks/react/dist
// Vite's own TSX transform (jsx: automatic) is all React needs here; no plugin.
import { defineConfig } from 'vite';
import { exampleConfig } from '../vite.shared.js';

export default defineConfig(exampleConfig(new URL('.', import.meta.url).href, { oxc: { jsx: { runtime: 'automatic' } } }));
