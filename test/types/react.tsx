// Type test (compiled by `npm run test:types`, never run): <oneway-interview> and its events
// type-check in React 19 TSX with the JSX types shipped in dist/jsx.d.ts.
import type { CustomElements } from '../../dist/jsx.js';
import type { CompleteEvent, OnewayInterview } from '../../dist/index.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

export function Interview({ onComplete }: { onComplete: (event: CompleteEvent) => void }) {
  const authorize: OnewayInterview['authorize'] = () => ({ Authorization: 'Bearer t' });
  return (
    <oneway-interview
      endpoint="/files"
      config-src="/interview.json"
      candidate="c-1"
      authorize={authorize}
      time-multiplier={1.5}
      ononeway-complete={(event: Event) => onComplete(event as CompleteEvent)}
    >
      <p slot="complete">Thanks!</p>
    </oneway-interview>
  );
}

// @ts-expect-error unknown properties are errors, so the types really are checked
export const wrong = <oneway-recorder noSuchProperty="x" />;

// @ts-expect-error property types are checked too
export const wrongType = <oneway-recorder maxSeconds="ten" />;
