/**
 * Which language an element speaks: its own `lang`, else the nearest ancestor's (across
 * shadow roots), else the document's. Spanish for any `es*` tag, English otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MESSAGES, type Messages } from './messages.js';
import { numbersFor, type Numbers } from './numbers.js';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

export function normalizeLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : primary === 'en' ? 'en' : null;
}

/** The language tag in force for `el`, raw (as written), or '' when none is set anywhere. */
export function inheritedLangTag(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return el.ownerDocument?.documentElement.lang ?? '';
}

export function resolveLang(el: Element): Lang {
  return normalizeLang(inheritedLangTag(el)) ?? 'en';
}


/**
 * The host's language, words and numbers, kept current: any `lang` attribute changing on the
 * page (the element's own, an ancestor's, the document's) updates the host.
 */
export class LangController implements ReactiveController {
  private seen: Lang | null = null;
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Resolved afresh on each read: a walk up the tree, cheap next to a render. */
  get lang(): Lang {
    return resolveLang(this.host);
  }

  get messages(): Messages {
    return MESSAGES[this.lang];
  }

  /** How the host writes and reads numbers for its reader (a decimal comma in Spanish). */
  get numbers(): Numbers {
    return numbersFor(this.lang);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      if (this.lang !== this.seen) this.host.requestUpdate();
    });
    this.observer.observe(this.host.ownerDocument.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    this.seen = this.lang;
  }
}
