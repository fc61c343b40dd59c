/**
 * The shape of an element's contract: its attributes (what each accepts, its default,
 * what it means), its scripting members, events, parts and custom properties. Pure
 * data, no DOM: the elements read their attributes by these rules, and
 * `scripts/generate-spec.ts` writes the Hugo data the shortcodes check against, the
 * README's tables and `custom-elements.json` from the same objects.
 */

/**
 * What an attribute's value is:
 *   number, integer   a number within min..max (integer: whole)
 *   boolean           present or absent (`ema`, `autoplay`)
 *   truefalse         the text "true" or "false" (on unless it says false)
 *   choice            one of `values` (any letter case)
 *   names             one or more different names from `values`, comma-separated
 *   point             "x,y"
 *   domain            "xmin,xmax,ymin,ymax"
 *   interval          "min,max"
 *   list              1 to `maxCount` numbers, each within min..max
 *   text              any text that is not empty (an expression)
 *   lang, id, class   a language code, an HTML id, class names
 *   markdown          Markdown, placed by the shortcode (caption, fallback)
 */
export type AttributeType =
  | 'number'
  | 'integer'
  | 'boolean'
  | 'truefalse'
  | 'choice'
  | 'names'
  | 'point'
  | 'domain'
  | 'interval'
  | 'list'
  | 'text'
  | 'lang'
  | 'id'
  | 'class'
  | 'markdown';

interface BaseAttribute {
  /** The attribute's name, as HTML and the shortcode write it (`batch-size`). */
  readonly name: string;
  readonly type: AttributeType;
  /** The README's "Meaning", in English. */
  readonly doc: string;
  /** What the README's Type column says, when the type and range do not say it well alone. */
  readonly typeText?: string;
  /** The README's Default column, when the default is not one value (e.g. "suits the surface"). */
  readonly defaultText?: string;
  /** Only a shortcode parameter (caption, fallback, id, class) or only an HTML attribute (authoring). */
  readonly only?: 'shortcode' | 'html';
  /** The element's property, when it is not the camel case of the name (`dataset` -> `dataName`). */
  readonly property?: string;
}

/** A number or a list of numbers within min..max; the object is the rule `AttributeReader.number` takes. */
export interface NumberAttribute extends BaseAttribute {
  readonly type: 'number' | 'integer' | 'list';
  readonly min: number;
  /** Infinity for no upper bound. */
  readonly max: number;
  /** min itself is not allowed (a learning rate of 0 never moves). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  /** The value used when the attribute is absent or bad (for a list, each item's). */
  readonly default?: number;
  /** A list: at most this many numbers. */
  readonly maxCount?: number;
  /** A list: one that works, for messages. */
  readonly example?: string;
}

export interface ChoiceAttribute<T extends string = string> extends BaseAttribute {
  readonly type: 'choice' | 'names';
  readonly values: readonly T[];
  /** A choice: the value when absent or bad; names: the names when absent. */
  readonly default?: T | readonly T[];
  /** names: what one name is called in messages ("optimizer"). */
  readonly item?: string;
}

export interface OtherAttribute extends BaseAttribute {
  readonly type: Exclude<AttributeType, 'number' | 'integer' | 'list' | 'choice' | 'names'>;
  readonly default?: string | boolean | readonly number[];
}

export type AttributeSpec = NumberAttribute | ChoiceAttribute | OtherAttribute;

/** A public method or read-only property. */
export interface MemberSpec {
  readonly name: string;
  readonly kind: 'method' | 'field';
  /** TypeScript type (a field's value, a method's return). */
  readonly type?: string;
  readonly doc: string;
}

export interface EventSpec {
  readonly name: string;
  /** The detail's shape, as TypeScript would write it. */
  readonly detail: string;
  readonly doc: string;
}

export interface NamedDoc {
  readonly name: string;
  readonly doc: string;
}

export interface ElementSpec<A extends Record<string, AttributeSpec> = Record<string, AttributeSpec>> {
  readonly tag: string;
  /** The element's class and the module that declares it. */
  readonly className: string;
  readonly module: string;
  readonly superclass: { readonly name: string; readonly module?: string; readonly package?: string };
  readonly summary: string;
  /** Shortcodes an author may copy, written at the top of the generated layouts/shortcodes/<tag>.html. */
  readonly shortcodeExamples: readonly string[];
  /** Attributes in the order the shortcode writes them (and the README lists them). */
  readonly attributes: A;
  readonly members: readonly MemberSpec[];
  readonly events: readonly EventSpec[];
  readonly parts: readonly NamedDoc[];
  readonly cssProperties: readonly NamedDoc[];
}
