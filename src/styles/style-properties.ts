import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS property names (custom properties included, e.g. `--_now`, `inline-size`) and their values. */
export type StyleProperties = Readonly<Record<string, string>>;

/**
 * Sets style properties on an element through CSSOM (`element.style.setProperty`) at every render,
 * first render included: `<div ${styleProperties({ 'inline-size': '25%' })}>`. Unlike Lit's
 * `styleMap`, it never writes a `style` attribute, which a page with `style-src 'self'` blocks
 * (CSP does not govern CSSOM). Give it the same names at every render: one left out keeps its value.
 */
export const styleProperties = directive(
  class extends Directive {
    constructor(partInfo: PartInfo) {
      super(partInfo);
      if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() goes in an element tag: <div ${styleProperties({ … })}>');
    }

    render(_properties: StyleProperties): typeof noChange {
      return noChange;
    }

    override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
      const { style } = part.element as HTMLElement;
      for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
      return noChange;
    }
  },
);
