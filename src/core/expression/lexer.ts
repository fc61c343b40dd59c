/**
 * The lexer: text to tokens.
 *
 *   numbers      2   0.5   .5   2.   1.5e-3   2E3
 *   names        the longest run of letters, digits and `_`: x, y, pi, e, sin, ...
 *   operators    + - * /   ^ or ** (power)
 *   parentheses  ( )
 *
 * - `e` after digits starts an exponent only when a digit follows, maybe after a sign:
 *   `1e3` = 1000, `1e3x` = 1000x, `2e-x` = 2e - x, `2e+3` = 2000. So `2ex` is the number
 *   2 followed by the name `ex`, and `2e` is 2 followed by the name `e`.
 * - Whitespace (anything JavaScript's `\s` matches) may appear between any two tokens.
 * - Any other character is an error, with a hint for those pasted from formulas
 *   (`×`, `²`, `π`, ...). One that shows nothing on screen (a zero-width space, a
 *   direction override, a soft hyphen: text copied from web pages and chats carries
 *   them) is named by its code point, "invisible character U+200B at 1", since quoting
 *   it would show the reader nothing.
 */
import { ExpressionError } from './error.js';

export type TokenKind = 'number' | 'name' | 'operator' | '(' | ')' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** As written: `2.5e3`, `sin`, `**`, `(`; empty for the end. */
  readonly text: string;
  /** For operators, `^` stands for both `^` and `**`. */
  readonly operator: '+' | '-' | '*' | '/' | '^' | '';
  readonly start: number;
  /** The value of a number token. */
  readonly value: number;
}

const CH_0 = 48;
const CH_9 = 57;
const CH_DOT = 46;
const CH_PLUS = 43;
const CH_MINUS = 45;
const CH_STAR = 42;
const CH_SLASH = 47;
const CH_CARET = 94;
const CH_OPEN = 40;
const CH_CLOSE = 41;
const CH_LOWER_E = 101;
const CH_UPPER_E = 69;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95; // a-z A-Z _
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}

/** Exactly the characters `\s` matches, so `name` (trimmed) and the lexer agree. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The characters that show nothing, as the body of a regular-expression class (with
 * the `u` flag): controls (Cc), format characters (Cf: zero-width spaces and joiners,
 * direction marks, embeddings, overrides and isolates, soft hyphen, word joiner, BOM,
 * tags), line and paragraph separators, and the fillers and variation selectors that
 * are default-ignorable. The lexer skips whitespace before it looks, so tabs and line
 * breaks are not errors. The Hugo shortcodes refuse the same class at build time
 * (layouts/partials/gd-widgets/expression.html, with \x{...} for \u{...}).
 */
export const INVISIBLE_CHARACTERS =
  '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u{034F}\\u{115F}\\u{1160}\\u{17B4}\\u{17B5}\\u{180B}-\\u{180F}' +
  '\\u{3164}\\u{FE00}-\\u{FE0F}\\u{FFA0}\\u{E0100}-\\u{E01EF}';

const INVISIBLE = new RegExp(`^[${INVISIBLE_CHARACTERS}]$`, 'u');

/** U+200B: how a character that cannot be quoted is named. */
function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why the character at i is not part of the language, as the start of a message. */
function describeCharacter(text: string, i: number): string {
  const code = text.codePointAt(i) ?? 0;
  if (INVISIBLE.test(String.fromCodePoint(code))) return `invisible character ${codePointName(code)}`;
  const printable = code > 32 && !(code >= 0xd800 && code <= 0xdfff);
  return `unexpected character ${printable ? `'${String.fromCodePoint(code)}'` : codePointName(code)}`;
}

/** A hint for characters people paste from formulas. */
function characterHint(c: number): string {
  switch (c) {
    case 0xd7: // ×
    case 0xb7: // ·
    case 0x22c5: // ⋅
    case 0x2219: // ∙
      return ' (use * to multiply)';
    case 0xf7: // ÷
      return ' (use / to divide)';
    case 0x2212: // −
    case 0x2013: // –
      return " (use '-' for minus)";
    case 0xb2: // ²
    case 0xb3: // ³
      return ' (write powers with ^, as in x^2)';
    case 0x3c0: // π
      return ' (write pi)';
    case 0x2c: // ,
      return " (use '.' for decimals; functions take one argument)";
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
      return ' (use ( and ) to group)';
    case 0x3d: // =
      return ' (write only the right-hand side, f(x, y))';
    default:
      return '';
  }
}

/** A token that is not a number. */
function symbol(kind: TokenKind, text: string, operator: Token['operator'], start: number): Token {
  return { kind, text, operator, start, value: 0 };
}

/** The tokens of the text, always ending with an `end` token at `text.length`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    const c = text.charCodeAt(i);

    if (isDigit(c) || (c === CH_DOT && isDigit(text.charCodeAt(i + 1)))) {
      // digits [. digits] [(e|E) [+|-] digits], the exponent only if a digit follows.
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === CH_DOT) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const e = text.charCodeAt(i);
      if (e === CH_LOWER_E || e === CH_UPPER_E) {
        let j = i + 1;
        const sign = text.charCodeAt(j);
        if (sign === CH_PLUS || sign === CH_MINUS) j++;
        if (isDigit(text.charCodeAt(j))) {
          i = j;
          while (isDigit(text.charCodeAt(i))) i++;
        }
      }
      const raw = text.slice(start, i);
      if (text.charCodeAt(i) === CH_DOT) {
        throw new ExpressionError(`unexpected '.' at ${i} after the number '${raw}'`, i);
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        throw new ExpressionError(`the number '${raw}' at ${start} is too large`, start);
      }
      tokens.push({ kind: 'number', text: raw, operator: '', start, value });
      continue;
    }

    if (isNameStart(c)) {
      i++;
      while (isNamePart(text.charCodeAt(i))) i++;
      tokens.push(symbol('name', text.slice(start, i), '', start));
      continue;
    }

    switch (c) {
      case CH_PLUS:
      case CH_MINUS:
      case CH_SLASH:
      case CH_CARET: {
        const op = text[i] as '+' | '-' | '/' | '^';
        tokens.push(symbol('operator', op, op, start));
        i++;
        continue;
      }
      case CH_STAR:
        if (text.charCodeAt(i + 1) === CH_STAR) {
          tokens.push(symbol('operator', '**', '^', start));
          i += 2;
        } else {
          tokens.push(symbol('operator', '*', '*', start));
          i++;
        }
        continue;
      case CH_OPEN:
        tokens.push(symbol('(', '(', '', start));
        i++;
        continue;
      case CH_CLOSE:
        tokens.push(symbol(')', ')', '', start));
        i++;
        continue;
      default:
        throw new ExpressionError(
          `${describeCharacter(text, i)} at ${i}${characterHint(c)}`,
          i,
        );
    }
  }
  tokens.push(symbol('end', '', '', n));
  return tokens;
}
