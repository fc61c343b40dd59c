/**
 * A PNG of a figure as the reader sees it now, for slides and handouts.
 *
 * The usual trick (serialise the DOM into an SVG foreignObject and load it as an <img>)
 * needs `data:` or `blob:` images, which a page with `Content-Security-Policy:
 * default-src 'self'` blocks. So this paints by hand: it walks the figure's shadow DOM
 * (nested shadow roots and slotted nodes too) in tree order, which is paint order for
 * these figures, and draws onto a 2-D canvas what each node shows at its client rects:
 * - boxes: background colour, borders (KaTeX's fraction bars are borders), radii;
 * - text: word by word at each word's rect (so wrapped lines land where they are), with
 *   the computed font, colour and letter spacing, the baseline centred in the rect as
 *   the browser centres the font's ascent and descent;
 * - <canvas> and <img>: their backing store, scaled to the box; the figure may redraw its
 *   canvases at the image's scale first (`redraw`), else they are as the screen shows them;
 * - inline SVG (KaTeX's roots and arrows, slider marks, the network drawing, the gradient
 *   flow's bars): paths, lines, circles, rectangles and text through the element's own
 *   screen matrix (viewBox and preserveAspectRatio included);
 * - form controls: the select's chosen option, a field's value, a range's track and thumb.
 * It skips what the reader does not see (display none, visibility hidden, opacity 0,
 * clip or clip-path: the visually-hidden text) and clips to boxes with `overflow`. A box
 * that scrolls sideways (the formula on a phone) is painted whole, shrunk to its width:
 * a slide needs the whole update rule, not the part scrolled into view.
 */

type Ctx = CanvasRenderingContext2D;
type Style = CSSStyleDeclaration;

const px = (value: string) => parseFloat(value) || 0;
const SIDES = ['top', 'right', 'bottom', 'left'];
/** Larger canvases fail in some browsers (iOS Safari: 16.7 million pixels): the scale gives way. */
const MAX_PIXELS = 16e6;

export interface FigureImageOptions {
  /** Image pixels per CSS pixel; default twice the device pixel ratio. */
  scale?: number;
  /**
   * Redraws the figure's canvases at `ratio` canvas pixels per CSS pixel (then, with
   * undefined, at the screen's again), so they are as sharp as the text. Called just
   * before and after painting, in the same task: the reader never sees the change.
   */
  redraw?: (ratio?: number) => void;
}

/** A PNG of `host` (its border box). */
export async function figureImage(host: HTMLElement, options: FigureImageOptions = {}): Promise<Blob> {
  await document.fonts?.ready;
  const box = host.getBoundingClientRect();
  const area = Math.max(1, box.width * box.height);
  const scale = Math.min(options.scale ?? 2 * (window.devicePixelRatio || 1), Math.sqrt(MAX_PIXELS / area));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(box.width * scale));
  canvas.height = Math.max(1, Math.round(box.height * scale));
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = getComputedStyle(host).getPropertyValue('--gd-bg').trim() || '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.translate(-box.left, -box.top);
  ctx.imageSmoothingQuality = 'high';
  try {
    options.redraw?.(scale);
    paint(ctx, host);
  } finally {
    options.redraw?.();
  }
  return new Promise((resolve, reject) => canvas.toBlob((png) => (png ? resolve(png) : reject(new Error('no PNG'))), 'image/png'));
}

/** Saves a PNG of `host` as `fileName`; rejects (never throws) when it cannot. */
export async function downloadFigureImage(host: HTMLElement, fileName: string, redraw?: FigureImageOptions['redraw']): Promise<void> {
  const url = URL.createObjectURL(await figureImage(host, { redraw }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The nodes rendered inside `node`: its shadow root's, a slot's assigned (or fallback) nodes, else its own. */
function childrenOf(node: Node): Node[] {
  if (node instanceof HTMLSlotElement) return node.assignedNodes({ flatten: true });
  return [...((node as Element).shadowRoot ?? node).childNodes];
}

function paint(ctx: Ctx, node: Node): void {
  if (node instanceof Text) return paintText(ctx, node);
  if (!(node instanceof Element) || node.hasAttribute('data-no-image')) return;
  const style = getComputedStyle(node);
  // checkVisibility: also false inside a closed <details> (content-visibility: hidden), and for boxless slots.
  const hidden = style.display !== 'contents' && node.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) === false;
  if (hidden || style.display === 'none' || style.clipPath !== 'none' || (style.clip || 'auto') !== 'auto') return;
  ctx.save();
  ctx.globalAlpha *= +style.opacity;
  const box = node.getBoundingClientRect();
  // A range or a checkbox draws itself, never its box.
  const drawsItself = node instanceof HTMLInputElement && /range|checkbox|radio/.test(node.type) && style.appearance !== 'none';
  if (node instanceof SVGGeometryElement) paintShape(ctx, node, style);
  else if (!drawsItself && (!(node instanceof SVGElement) || node instanceof SVGSVGElement)) for (const r of node.getClientRects()) paintBox(ctx, r, style);
  if (node instanceof HTMLElement && node.localName === 'summary' && style.display === 'list-item') paintDisclosure(ctx, node, style);
  const inner = { x: box.left + px(style.borderLeftWidth), y: box.top + px(style.borderTopWidth), w: node.clientWidth, h: node.clientHeight };
  if (node instanceof HTMLCanvasElement || node instanceof HTMLImageElement) paintImage(ctx, node, box, style, inner);
  else if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) paintControl(ctx, node, style, inner);
  else {
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
      ctx.beginPath();
      ctx.rect(inner.x, inner.y, inner.w, inner.h);
      ctx.clip();
      // The reader scrolls it sideways: the whole content, shrunk to the box's width and centred in its height.
      const shrink = inner.w / node.scrollWidth;
      if (/auto|scroll/.test(style.overflowX) && shrink < 0.99) {
        ctx.translate(inner.x, inner.y + (inner.h * (1 - shrink)) / 2);
        ctx.scale(shrink, shrink);
        ctx.translate(node.scrollLeft - inner.x, -inner.y);
      }
    }
    paintPseudo(ctx, node, '::before');
    for (const child of childrenOf(node)) paint(ctx, child);
    paintPseudo(ctx, node, '::after');
  }
  ctx.restore();
}

const lineHeight = (style: Style) => (style.lineHeight === 'normal' ? 1.2 * px(style.fontSize) : px(style.lineHeight));

/**
 * Generated text (a stacked table's labels, the winner's star): a block ::before at the top
 * of the content box, an inline ::after after the last line of the element's text.
 */
function paintPseudo(ctx: Ctx, el: Element, which: '::before' | '::after'): void {
  const style = getComputedStyle(el, which);
  // "text" and attr(name), up to the alternative text after " / ".
  const text = [...style.content.split(/\s\/\s/)[0].matchAll(/"([^"]*)"|attr\(([\w-]+)\)/g)].map((m) => (m[2] ? (el.getAttribute(m[2]) ?? '') : m[1])).join('');
  if (!text.trim() || style.display === 'none' || style.visibility !== 'visible') return;
  useFont(ctx, style);
  const range = document.createRange();
  range.selectNodeContents(el);
  const last = [...range.getClientRects()].pop();
  const box = el.getBoundingClientRect();
  const own = getComputedStyle(el);
  if (style.display === 'block') {
    // Wrapped at spaces to the content box's width, as the browser wraps it.
    const x = box.left + px(own.borderLeftWidth) + px(own.paddingLeft);
    const width = el.clientWidth - px(own.paddingLeft) - px(own.paddingRight);
    let y = box.top + px(own.borderTopWidth) + px(own.paddingTop);
    let line = '';
    for (const word of `${text} `.split(' ')) {
      if (line && (!word || ctx.measureText(`${line} ${word}`).width > width)) {
        fillText(ctx, line, x, y, lineHeight(style));
        y += lineHeight(style);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
  } else if (which === '::after' && last) fillText(ctx, text, last.right, last.top, last.height);
}

/** A path through the points (x, y, x, y, ...). */
function polyline(ctx: Ctx, ...xy: number[]): void {
  ctx.beginPath();
  for (let i = 0; i < xy.length; i += 2) ctx.lineTo(xy[i], xy[i + 1]);
}

/** The path of `r`'s border box with its radii, `inset` pixels inside. */
function outline(ctx: Ctx, r: DOMRect, style: Style, inset = 0): void {
  const radius = (v: string) => Math.max(0, (v.endsWith('%') ? (px(v) / 100) * Math.min(r.width, r.height) : px(v)) - inset);
  ctx.beginPath();
  ctx.roundRect(r.left + inset, r.top + inset, Math.max(0, r.width - 2 * inset), Math.max(0, r.height - 2 * inset), [
    radius(style.borderTopLeftRadius),
    radius(style.borderTopRightRadius),
    radius(style.borderBottomRightRadius),
    radius(style.borderBottomLeftRadius),
  ]);
}

function paintBox(ctx: Ctx, r: DOMRect, style: Style): void {
  outline(ctx, r, style);
  ctx.fillStyle = style.backgroundColor;
  ctx.fill();
  const width = SIDES.map((s) => px(style.getPropertyValue(`border-${s}-width`)));
  const color = SIDES.map((s) => style.getPropertyValue(`border-${s}-color`));
  const kind = SIDES.map((s) => style.getPropertyValue(`border-${s}-style`));
  const same = width.every((w, i) => w === width[0] && color[i] === color[0] && kind[i] === kind[0]);
  for (let i = 0; i < 4; i++) {
    const w = width[i];
    if (!w || (same && i > 0)) continue;
    ctx.strokeStyle = color[i];
    ctx.lineWidth = w;
    ctx.setLineDash(kind[i] === 'dashed' ? [2 * w, 2 * w] : []);
    if (same) outline(ctx, r, style, w / 2);
    else {
      // One side: a line along its middle, over the box's whole length.
      const x = i === 1 ? r.right - w / 2 : r.left + w / 2;
      const y = i === 2 ? r.bottom - w / 2 : r.top + w / 2;
      if (i % 2) polyline(ctx, x, r.top, x, r.bottom);
      else polyline(ctx, r.left, y, r.right, y);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

interface Inner {
  x: number;
  y: number;
  w: number;
  h: number;
}

function paintImage(ctx: Ctx, image: HTMLCanvasElement | HTMLImageElement, box: DOMRect, style: Style, inner: Inner): void {
  if (!(image instanceof HTMLCanvasElement ? image.width * image.height : image.naturalWidth)) return;
  ctx.save();
  outline(ctx, box, style);
  ctx.clip();
  // The browser draws a canvas on whole device pixels.
  const dpr = window.devicePixelRatio || 1;
  const snap = (v: number) => Math.floor(v * dpr + 0.01) / dpr;
  const [pl, pt] = [px(style.paddingLeft), px(style.paddingTop)];
  ctx.drawImage(image, snap(inner.x + pl), snap(inner.y + pt), inner.w - pl - px(style.paddingRight), inner.h - pt - px(style.paddingBottom));
  ctx.restore();
}

/** A path or a line in its own user space, mapped to the page by its screen matrix. */
function paintShape(ctx: Ctx, shape: SVGGeometryElement, style: Style): void {
  const m = shape.getScreenCTM();
  if (!m) return;
  const path = new Path2D();
  const n = (name: string) => ((shape as unknown as Record<string, SVGAnimatedLength | undefined>)[name]?.baseVal.value ?? 0);
  if (shape instanceof SVGPathElement) path.addPath(new Path2D(shape.getAttribute('d') ?? ''));
  else if (shape instanceof SVGLineElement) {
    path.moveTo(n('x1'), n('y1'));
    path.lineTo(n('x2'), n('y2'));
  } else if (shape instanceof SVGCircleElement) path.arc(n('cx'), n('cy'), n('r'), 0, 2 * Math.PI);
  else if (shape instanceof SVGRectElement) path.rect(n('x'), n('y'), n('width'), n('height'));
  ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
  const alpha = ctx.globalAlpha;
  if (style.fill !== 'none' && !style.fill.startsWith('url')) {
    ctx.fillStyle = style.fill;
    ctx.globalAlpha = alpha * +style.fillOpacity;
    ctx.fill(path, style.fillRule === 'evenodd' ? 'evenodd' : 'nonzero');
  }
  if (style.stroke !== 'none' && px(style.strokeWidth) > 0) {
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = px(style.strokeWidth);
    ctx.lineCap = style.strokeLinecap as CanvasLineCap;
    ctx.globalAlpha = alpha * +style.strokeOpacity;
    ctx.stroke(path);
  }
}

/** Sets the canvas font to an element's font. */
function useFont(ctx: Ctx, style: Style): void {
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  ctx.letterSpacing = style.letterSpacing === 'normal' ? '0px' : style.letterSpacing;
  ctx.fillStyle = style.color;
}

/**
 * `s` in the current font with its ascent and descent centred in `top` .. `top + height`,
 * as the browser lays text out, on a baseline snapped to a pixel of the image as the browser snaps it to one of the screen.
 */
function fillText(ctx: Ctx, s: string, left: number, top: number, height: number, maxWidth?: number): void {
  const m = ctx.measureText(s);
  const { d: scale, f: shift } = ctx.getTransform();
  const baseline = top + (height - m.fontBoundingBoxAscent - m.fontBoundingBoxDescent) / 2 + m.fontBoundingBoxAscent;
  ctx.fillText(s, left, (Math.floor(baseline * scale + shift + 0.01) - shift) / scale, maxWidth);
}

/** A closed or open <details>'s triangle, where the summary's marker goes. */
function paintDisclosure(ctx: Ctx, summary: HTMLElement, style: Style): void {
  const r = summary.getBoundingClientRect();
  const size = 0.55 * px(style.fontSize);
  const x = r.left + px(style.paddingLeft) + px(style.borderLeftWidth);
  const y = r.top + px(style.paddingTop) + px(style.borderTopWidth) + lineHeight(style) / 2;
  ctx.fillStyle = style.color;
  if ((summary.parentElement as HTMLDetailsElement | null)?.open) polyline(ctx, x, y - size / 2, x + size, y - size / 2, x + size / 2, y + size / 2);
  else polyline(ctx, x, y - size / 2, x + size, y, x, y + size / 2);
  ctx.fill();
}

/** Word by word at the words' rects; a word broken across lines, letter by letter. */
function paintText(ctx: Ctx, text: Text): void {
  const parent = text.parentElement;
  if (!parent || !text.data.trim()) return;
  const style = getComputedStyle(parent);
  useFont(ctx, style);
  // SVG text is painted in its fill (a network drawing's unit numbers).
  if (parent instanceof SVGElement) ctx.fillStyle = style.fill;
  const range = document.createRange();
  const rectsOf = (start: number, end: number) => {
    range.setStart(text, start);
    range.setEnd(text, end);
    return range.getClientRects();
  };
  for (const word of text.data.matchAll(/\S+/g)) {
    const start = word.index!;
    const rects = rectsOf(start, start + word[0].length);
    if (rects.length === 1) fillText(ctx, word[0], rects[0].left, rects[0].top, rects[0].height, rects[0].width + 1);
    else if (rects.length > 1) {
      for (let i = start; i < start + word[0].length; ) {
        const end = i + (text.data.codePointAt(i)! > 0xffff ? 2 : 1);
        const [r] = rectsOf(i, end);
        if (r) fillText(ctx, text.data.slice(i, end), r.left, r.top, r.height);
        i = end;
      }
    }
  }
}

/** What a control shows: a range's track and thumb, a checkbox's tick, else its text. */
function paintControl(ctx: Ctx, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, style: Style, inner: Inner): void {
  const accent = style.accentColor === 'auto' ? '#1a73e8' : style.accentColor;
  const { x, y, w, h } = inner;
  if (control.type === 'range') {
    const input = control as HTMLInputElement;
    const min = px(input.min), max = input.max ? px(input.max) : 100;
    const thumb = x + 8 + (w - 16) * (max > min ? (input.valueAsNumber - min) / (max - min) : 0);
    ctx.fillStyle = '#8888';
    ctx.beginPath();
    ctx.roundRect(x, y + h / 2 - 2, w, 4, 2);
    ctx.fill();
    ctx.fillStyle = accent;
    ctx.beginPath();
    ctx.roundRect(x, y + h / 2 - 2, thumb - x, 4, 2);
    ctx.arc(thumb, y + h / 2, 8, 0, 2 * Math.PI);
    ctx.fill();
  } else if (control.type === 'checkbox' || control.type === 'radio') {
    // A box, filled with the accent colour and ticked when checked.
    const checked = (control as HTMLInputElement).checked;
    ctx.beginPath();
    ctx.roundRect(x + 0.5, y + 0.5, w - 1, h - 1, control.type === 'radio' ? w / 2 : 2);
    ctx.fillStyle = ctx.strokeStyle = checked ? accent : '#767676';
    ctx[checked ? 'fill' : 'stroke']();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 2;
    polyline(ctx, x + w * 0.25, y + h * 0.5, x + w * 0.42, y + h * 0.68, x + w * 0.75, y + h * 0.3);
    if (checked) ctx.stroke();
  } else {
    const select = control instanceof HTMLSelectElement;
    const text = select ? (control.selectedOptions[0]?.text ?? '') : control.value;
    const [pl, pt] = [px(style.paddingLeft), px(style.paddingTop)];
    useFont(ctx, style);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    // A select's text sits a little inside its padding (Chromium: 4 px).
    fillText(ctx, text, x + pl + (select ? 4 : 0), control instanceof HTMLTextAreaElement ? y + pt : y + (h - lineHeight(style)) / 2, lineHeight(style));
    ctx.restore();
    if (select) {
      // The menu's chevron, at the right of the box.
      const cx = x + w - pl - 4;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = 1.5;
      polyline(ctx, cx - 4, y + h / 2 - 2, cx, y + h / 2 + 2, cx + 4, y + h / 2 - 2);
      ctx.stroke();
    }
  }
}
