/**
 * The "copy shortcode" action: the Hugo shortcode and the HTML tag that reproduce an
 * element's current state, and a controller that puts them on the clipboard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Attribute name -> value; undefined, null and false are left out, true is a bare flag. */
export type AttributeMap = Record<string, string | number | boolean | undefined | null>;

function entries(attributes: AttributeMap): [string, string | true][] {
  return Object.entries(attributes).flatMap(([name, v]) =>
    v === undefined || v === null || v === false ? [] : [[name, v === true ? true : String(v)] as [string, string | true]],
  );
}

/** `{{< tag a="1" flag="true" >}}`: a value holding a double quote becomes a raw `backtick` string. */
export function hugoShortcode(tag: string, attributes: AttributeMap): string {
  const params = entries(attributes).map(([name, v]) => {
    const value = v === true ? 'true' : v;
    return value.includes('"') && !value.includes('`') ? `${name}=\`${value}\`` : `${name}="${value.replace(/"/g, "'")}"`;
  });
  return `{{< ${[tag, ...params].join(' ')} >}}`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `<tag a="1" flag></tag>` with attribute values escaped. */
export function htmlTag(tag: string, attributes: AttributeMap): string {
  const attrs = entries(attributes).map(([name, v]) => (v === true ? name : `${name}="${escapeHtml(v)}"`));
  return `<${[tag, ...attrs].join(' ')}></${tag}>`;
}

export type CopyStatus = 'idle' | 'copied' | 'failed';

/** Copies text and remembers for a moment whether it worked, so the button can say so. */
export class CopyController implements ReactiveController {
  status: CopyStatus = 'idle';
  /** What was last copied (shown for manual selection when the clipboard is refused). */
  text = '';
  private timer = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  async copy(text: string): Promise<void> {
    this.text = text;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.set('copied');
    } catch {
      this.set('failed');
    }
  }

  private set(status: CopyStatus): void {
    this.status = status;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    if (status === 'copied') {
      this.timer = window.setTimeout(() => {
        this.status = 'idle';
        this.host.requestUpdate();
      }, 2000);
    }
  }
}
