// The JSX types shipped with the package: every <oneway-*> tag, its attributes, properties and
// `ononeway-*` event props, checked like React's own elements.
import type { CustomElements } from 'oneway-interview/jsx';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
