/**
 * Light and dark themes: the `--gd-*` design tokens every element declares on `:host`,
 * and the controller that decides which applies.
 *
 * `theme="light"` and `theme="dark"` are the author's word and always win.
 * `theme="auto"` (the default) follows what the page actually shows behind the element,
 * however the page's theme says it (a class, `data-theme`, Stack's `data-scheme`,
 * Relearn's `data-r-theme-variant`, only CSS like hugo-book): the root's `color-scheme`
 * when it names exactly one scheme, else the lightness of the nearest backgrounds behind
 * the element, else the canvas the browser paints (scheme.ts has the rules,
 * page-scheme.ts reads them and re-checks on the page's changes).
 * The element shows the result as the custom state `:state(dark)`, and canvas drawing
 * reads the resolved token values through `readTokens`.
 */
import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { THEME_SETTINGS as THEME_CATALOGUE } from '../spec/common.js';
import { DARK_PLOT_THEME, LIGHT_PLOT_THEME, type PlotTheme } from '../plot/theme.js';
import type { ChartTheme } from '../chart/theme.js';
import { schemeBehind, watchPageScheme, type BackgroundMemo } from './page-scheme.js';

export type ThemeSetting = 'auto' | 'light' | 'dark';
export const THEME_SETTINGS: readonly ThemeSetting[] = THEME_CATALOGUE;

/** Whether `setting` means dark for `host` on its page now. */
export function isDark(setting: ThemeSetting, host: Element, memo?: BackgroundMemo): boolean {
  if (setting !== 'auto') return setting === 'dark';
  return schemeBehind(host, memo) === 'dark';
}

/**
 * Keeps `dark` current for a host with a `theme` setting, and mirrors it as the `dark`
 * custom state. It decides when the host connects, when its setting changes, and when
 * the page watcher says the page may have changed; updates in between (every frame
 * while a figure plays) reuse the decision.
 */
export class ThemeController implements ReactiveController {
  dark = false;
  /** The setting the current decision was made for; undefined before the first. */
  private decidedFor?: ThemeSetting;
  private unwatch?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly setting: () => ThemeSetting,
    private readonly internals: ElementInternals,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unwatch = watchPageScheme({ host: this.host, refresh: this.refresh });
    this.refresh(new Map());
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdate(): void {
    if (this.setting() !== this.decidedFor) this.decide();
  }

  private refresh = (memo: BackgroundMemo): void => {
    if (this.decide(memo)) this.host.requestUpdate();
  };

  /** Decides dark or light now; returns true when it changed. */
  private decide(memo?: BackgroundMemo): boolean {
    const setting = this.setting();
    this.decidedFor = setting;
    return this.apply(isDark(setting, this.host, memo));
  }

  /** Returns true when the theme changed. */
  private apply(dark: boolean): boolean {
    const changed = dark !== this.dark;
    this.dark = dark;
    try {
      if (dark) this.internals.states.add('dark');
      else this.internals.states.delete('dark');
    } catch {
      // Browsers without custom states keep the light tokens; the canvas still follows `dark`.
    }
    return changed;
  }
}

/** The colours canvas drawing needs, read from the host's resolved tokens. */
export interface ThemeTokens {
  dark: boolean;
  background: string;
  panel: string;
  text: string;
  muted: string;
  border: string;
  grid: string;
  accent: string;
  start: string;
  gradient: string;
  velocity: string;
  good: string;
  bad: string;
  font: string;
  /** The host's font size in CSS px (`--gd-font-size`): canvas text is sized from it. */
  fontSize: number;
  series: string[];
}

export function readTokens(host: Element, dark: boolean): ThemeTokens {
  const style = getComputedStyle(host);
  const token = (name: string) => style.getPropertyValue(`--gd-${name}`).trim();
  return {
    dark,
    background: token('bg'),
    panel: token('panel'),
    text: token('text'),
    muted: token('muted'),
    border: token('border'),
    grid: token('grid'),
    accent: token('accent'),
    start: token('start'),
    gradient: token('gradient'),
    velocity: token('velocity'),
    good: token('good'),
    bad: token('bad'),
    font: token('font'),
    fontSize: Number.parseFloat(style.fontSize) || DEFAULT_FONT_SIZE,
    series: [1, 2, 3, 4, 5, 6].map((i) => token(`series-${i}`)),
  };
}

/** The element's font size when `--gd-font-size` is not set, CSS px. */
const DEFAULT_FONT_SIZE = 15;

/**
 * Canvas tick labels against the element's text: 11 px beside 15 px text, and in that
 * proportion at any `--gd-font-size` (rounded to a tenth of a px, so a theme compares equal
 * from frame to frame).
 */
function tickFontSize(tokens: ThemeTokens): number {
  return Math.round((tokens.fontSize * 110) / DEFAULT_FONT_SIZE) / 10;
}

/** The surface and curve plots' colours and font from the tokens. */
export function plotThemeOf(tokens: ThemeTokens): PlotTheme {
  return {
    background: tokens.background,
    text: tokens.muted,
    contour: (tokens.dark ? DARK_PLOT_THEME : LIGHT_PLOT_THEME).contour,
    fontFamily: tokens.font,
    fontSize: tickFontSize(tokens),
    dark: tokens.dark,
  };
}

/** The loss charts' colours and font from the tokens. */
export function chartThemeOf(tokens: ThemeTokens): ChartTheme {
  return { text: tokens.muted, grid: tokens.grid, font: tokens.font, fontSize: tickFontSize(tokens), dark: tokens.dark };
}

/**
 * The tokens. Override any of them on the element from the page, e.g.
 * `gd-explorer { --gd-accent: rebeccapurple; }`. `--gd-font-size` (default 15px, the
 * fallback in styles.ts) is not declared here, so a page may also set it on an ancestor
 * (`article { --gd-font-size: 17px; }`); every size inside, canvas labels too, follows it.
 */
export const themeTokens = css`
  :host {
    --gd-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --gd-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --gd-radius: 10px;
    --gd-bg: #ffffff;
    --gd-panel: #f6f7f9;
    --gd-text: #1d2330;
    --gd-muted: #5b6474;
    --gd-border: #d9dde4;
    --gd-grid: rgba(29, 35, 48, 0.12);
    --gd-accent: #d6336c;
    --gd-accent-text: #ffffff;
    --gd-start: #ffffff;
    --gd-gradient: #e8590c;
    --gd-velocity: #343a40;
    --gd-good: #23702f;
    --gd-bad: #b02525;
    --gd-warn: #8a4b00;
    --gd-focus: #1971c2;
    --gd-series-1: #d6336c;
    --gd-series-2: #1971c2;
    --gd-series-3: #2b8a3e;
    --gd-series-4: #e8590c;
    --gd-series-5: #7048e8;
    --gd-series-6: #0c8599;
    color-scheme: light;
  }
  :host(:state(dark)) {
    --gd-bg: #14171c;
    --gd-panel: #1c2027;
    --gd-text: #e6e9ef;
    --gd-muted: #a2abba;
    --gd-border: #343a46;
    --gd-grid: rgba(230, 233, 239, 0.14);
    --gd-accent: #ff6b9d;
    --gd-accent-text: #14171c;
    --gd-start: #ffffff;
    --gd-gradient: #ffa94d;
    --gd-velocity: #f1f3f5;
    --gd-good: #69db7c;
    --gd-bad: #ff8787;
    --gd-warn: #ffd43b;
    --gd-focus: #74c0fc;
    --gd-series-1: #ff6b9d;
    --gd-series-2: #74c0fc;
    --gd-series-3: #69db7c;
    --gd-series-4: #ffa94d;
    --gd-series-5: #b197fc;
    --gd-series-6: #66d9e8;
    color-scheme: dark;
  }
`;
