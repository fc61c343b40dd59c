/** Defines a custom element unless the tag is taken: a page may load the bundle twice, from two URLs. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
