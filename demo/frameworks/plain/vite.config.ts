// vite build --config demo/frameworks/plain/vite.config.ts  →  demo/frameworks/plain/dist
import { defineConfig } from 'vite';
import { exampleConfig } from '../vite.shared.js';

export default defineConfig(exampleConfig(new URL('.', import.meta.url).href));
