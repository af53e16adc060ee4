// vite build --config demo/frameworks/vue/vite.config.ts  →  demo/frameworks/vue/dist
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { exampleConfig } from '../vite.shared.js';

export default defineConfig(
  exampleConfig(new URL('.', import.meta.url).href, {
    // Leave <oneway-*> to the browser's custom element registry instead of resolving Vue components.
    plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('oneway-') } } })],
  }),
);
