// Single-file components, for TypeScript outside Vite (e.g. the project's `npm run typecheck`).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
