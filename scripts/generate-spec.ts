/**
 * Writes what the elements' contracts (src/spec/) say, in every place that needs it:
 *
 *   data/gd_widgets/catalogues.json  surfaces, optimizers, data sets for the shortcodes' checks
 *   data/gd_widgets/elements.json    each shortcode's parameters, rules and defaults
 *   data/gd_widgets/strings.json     the shortcodes' own sentences (src/i18n/figure-descriptions.ts)
 *   README.md                        the tables between <!-- spec:<tag>:<table> --> and <!-- /spec -->
 *   custom-elements.json             the Custom Elements Manifest (schema 2.1.0)
 *   layouts/shortcodes/<tag>.*       each shortcode, per output (html, xml, json, txt)
 *
 * A theme component's data/ is merged into the site's, so the shortcodes read
 * `site.Data.gd_widgets` wherever the repository is used as a theme or module.
 *
 *   node --import tsx scripts/generate-spec.ts           # write the files (npm run spec)
 *   node --import tsx scripts/generate-spec.ts --check   # exit 1 if any differs
 *
 * test/spec/generated.test.ts checks the committed files equal a fresh generation.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATASET_NAMES,
  DATASET_TASKS,
  DEFAULT_NETWORK_OPTIONS,
  DEFAULT_TRAIN_OPTIONS,
  LOSS_NAMES,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_LENGTH,
  NETWORK_DATASET_NAMES,
  OPTIMIZER_NAMES,
  SURFACE_NAMES,
  TASK_LOSSES,
  TASK_OUTPUTS,
  getSurface,
  makeDataset,
} from '../src/core/index.js';
import { EXPRESSION_FUNCTIONS, INVISIBLE_CHARACTERS } from '../src/core/expression/index.js';
import { MIN_RELATIVE_WIDTH } from '../src/core/interval.js';
import { shortNumber } from '../src/shared/attributes.js';
import { DEFAULT_CURVE_DOMAIN, DEFAULT_DOMAIN, SHARED_NAMES } from '../src/spec/common.js';
import { BATCH_MODES, X_AXES } from '../src/spec/gd-batch-trainer.js';
import { ELEMENT_SPECS } from '../src/spec/index.js';
import { FIGURE_DESCRIPTIONS } from '../src/i18n/figure-descriptions.js';
import type { AttributeSpec, ElementSpec } from '../src/spec/types.js';

/** The parser's constants (core/expression/parser.ts). */
const EXPRESSION_CONSTANTS = ['pi', 'e'];

const ROOT = fileURLToPath(new URL('../', import.meta.url));

// ---- Hugo data ----

/** The shortcode's type names (gd-widgets/params.html) for each attribute type. */
const HUGO_TYPES: Record<AttributeSpec['type'], string> = {
  number: 'number',
  integer: 'integer',
  list: 'list',
  boolean: 'bool',
  truefalse: 'truefalse',
  choice: 'enum',
  names: 'names',
  point: 'point',
  domain: 'numbers',
  interval: 'numbers',
  text: 'string',
  lang: 'lang',
  id: 'id',
  class: 'class',
  markdown: 'markdown',
};

/** A default as the attribute would be written, or undefined when there is no single one. */
function defaultText(a: AttributeSpec): string | undefined {
  const d = a.default;
  if (d === undefined || d === false) return undefined;
  if (typeof d === 'number') return Number.isFinite(d) ? shortNumber(d) : undefined;
  if (typeof d === 'boolean') return 'true';
  if (Array.isArray(d)) return d.map((v) => (typeof v === 'number' ? shortNumber(v) : String(v))).join(',');
  return String(d);
}

/** One parameter as gd-widgets/params.html checks it. Bounds also come as text, for messages ("1000000", not 1e+06). */
function hugoEntry(a: AttributeSpec): Record<string, unknown> {
  const entry: Record<string, unknown> = { name: a.name, type: HUGO_TYPES[a.type] };
  if (a.type === 'number' || a.type === 'integer' || a.type === 'list') {
    entry.min = a.min;
    entry.minText = String(a.min);
    if (a.minExclusive) entry.minExclusive = true;
    if (a.type === 'list' && a.integer) entry.integer = true;
    if (Number.isFinite(a.max)) {
      entry.max = a.max;
      entry.maxText = String(a.max);
    }
    if (a.maxCount !== undefined) entry.maxCount = a.maxCount;
    if (a.example !== undefined) entry.example = a.example;
  } else if (a.type === 'choice' || a.type === 'names') {
    entry.values = a.values;
    if (a.item) entry.item = a.item;
  } else if (a.type === 'domain' || a.type === 'interval') {
    entry.count = a.type === 'domain' ? 4 : 2;
    entry.pairs = true;
  }
  const d = defaultText(a);
  if (d !== undefined) entry.default = d;
  return entry;
}

const isShared = (name: string) => (SHARED_NAMES as readonly string[]).includes(name);

function elementsData() {
  const explorer = ELEMENT_SPECS[0];
  return {
    // controls, theme, lang, id, class, caption, fallback: every shortcode takes them alike.
    shared: SHARED_NAMES.map((n) => explorer.attributes[n]).filter((a) => a.only !== 'html').map(hugoEntry),
    elements: Object.fromEntries(
      ELEMENT_SPECS.map((spec) => {
        const own = Object.values(spec.attributes).filter((a) => !isShared(a.name) && a.only !== 'html');
        return [
          spec.tag,
          {
            attributes: own.map(hugoEntry),
            defaults: Object.fromEntries(own.flatMap((a) => (defaultText(a) === undefined ? [] : [[a.name, defaultText(a)]]))),
          },
        ];
      }),
    ),
  };
}

/** name -> of(name) for every network data set. */
const perNetworkSet = <T>(of: (name: (typeof NETWORK_DATASET_NAMES)[number]) => T) => Object.fromEntries(NETWORK_DATASET_NAMES.map((n) => [n, of(n)]));

function cataloguesData() {
  const domains = Object.fromEntries(
    SURFACE_NAMES.map((name) => {
      const d = getSurface(name).domain;
      return [name, [...d.x, ...d.y]];
    }),
  );
  const data = Object.fromEntries(DATASET_NAMES.map((name) => [name, makeDataset(name)]));
  return {
    expression: {
      maxLength: MAX_EXPRESSION_LENGTH,
      maxDepth: MAX_EXPRESSION_DEPTH,
      // The characters that show nothing, as a Go (RE2) class: \x{...} for JavaScript's \u{...}.
      invisible: INVISIBLE_CHARACTERS.replaceAll('\\u{', '\\x{'),
      // The names an expression may use besides x and y, longest first so that a
      // regular expression takes `tanh` before `tan` (gd-widgets/objective.html).
      namesPattern: [...EXPRESSION_FUNCTIONS, ...EXPRESSION_CONSTANTS].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|'),
    },
    // A plotted range must be at least this fraction of its largest value wide (core/interval.ts).
    minRelativeWidth: MIN_RELATIVE_WIDTH,
    surfaces: {
      names: SURFACE_NAMES,
      domains,
      expressionDomain: [...DEFAULT_DOMAIN.x, ...DEFAULT_DOMAIN.y],
      curveDomain: DEFAULT_CURVE_DOMAIN,
      optimizers: OPTIMIZER_NAMES,
    },
    datasets: {
      names: DATASET_NAMES,
      losses: Object.fromEntries(DATASET_NAMES.map((n) => [n, TASK_LOSSES[DATASET_TASKS[n]]])),
      lossNames: LOSS_NAMES,
      synthetic: Object.fromEntries(DATASET_NAMES.map((n) => [n, n !== 'iris'])),
      examples: Object.fromEntries(DATASET_NAMES.map((n) => [n, data[n].n])),
      batchSizes: Object.fromEntries(DATASET_NAMES.map((n) => [n, DEFAULT_TRAIN_OPTIONS[n].batchSize])),
      modes: BATCH_MODES,
      xAxes: X_AXES,
    },
    // gd-network's data sets: what each asks of the network and its defaults (core/network.ts).
    networks: {
      names: NETWORK_DATASET_NAMES,
      tasks: perNetworkSet((n) => DATASET_TASKS[n]),
      losses: perNetworkSet((n) => TASK_OUTPUTS[DATASET_TASKS[n]].loss),
      samples: perNetworkSet((n) => DEFAULT_NETWORK_OPTIONS[n].samples),
      batchSizes: perNetworkSet((n) => DEFAULT_NETWORK_OPTIONS[n].batchSize),
      hidden: perNetworkSet((n) => DEFAULT_NETWORK_OPTIONS[n].hidden),
    },
  };
}

// ---- README tables ----

const code = (v: unknown) => `\`${String(v)}\``;
/** A table cell: pipes escaped, one line. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeColumn(a: AttributeSpec): string {
  if (a.typeText) return a.typeText;
  switch (a.type) {
    case 'number':
      if (!Number.isFinite(a.max)) return `number ${a.minExclusive ? 'above' : 'from'} ${a.min}`;
      return a.minExclusive ? `number, above ${a.min}, at most ${a.max}` : `number from ${a.min} to ${a.max}`;
    case 'integer':
      return `whole number, ${a.min} to ${a.max}`;
    case 'list':
      return `1 to ${a.maxCount} numbers, each ${a.minExclusive ? `above ${a.min}` : `from ${a.min}`} and at most ${a.max}, separated by commas`;
    case 'choice':
      return a.values.map(code).join(', ');
    case 'names':
      return `different names from ${a.values.map(code).join(', ')}, separated by commas`;
    case 'boolean':
      return 'boolean';
    case 'truefalse':
      return '`true` or `false`';
    case 'point':
      return '`x,y`';
    case 'domain':
      return '`xmin,xmax,ymin,ymax`';
    case 'interval':
      return '`min,max`';
    default:
      return 'text';
  }
}

function defaultColumn(a: AttributeSpec): string {
  if (a.defaultText) return a.defaultText;
  if (a.default === false) return 'off';
  const d = defaultText(a);
  return d === undefined ? 'none' : code(d);
}

function attributesTable(spec: ElementSpec): string {
  const rows = Object.values(spec.attributes).map(
    (a) => `| ${code(a.name)} | ${cell(typeColumn(a))} | ${cell(defaultColumn(a))} | ${cell(a.doc)} |`,
  );
  return ['| Attribute / parameter | Type | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

function scriptingTable(spec: ElementSpec): string {
  const rows = [
    ...spec.members.map((m) => `| ${code(m.kind === 'method' ? `${m.name}()` : m.name)} | ${cell(m.doc)} |`),
    ...spec.events.map((e) => `| ${code(e.name)} event | ${cell(e.doc)} |`),
  ];
  return ['| Member | What it is |', '|---|---|', ...rows].join('\n');
}

function stylingTable(spec: ElementSpec): string {
  const rows = [
    ...spec.parts.map((p) => `| ${code(`::part(${p.name})`)} | ${cell(p.doc)} |`),
    ...spec.cssProperties.map((p) => `| ${code(p.name)} | ${cell(p.doc)} |`),
  ];
  return ['| Part or custom property | What it styles |', '|---|---|', ...rows].join('\n');
}

const TABLES: Record<string, (spec: ElementSpec) => string> = { attributes: attributesTable, scripting: scriptingTable, styling: stylingTable };

/** README.md with every `<!-- spec:<tag>:<table> -->` ... `<!-- /spec -->` block rewritten. */
export function readmeWithTables(readme: string): string {
  return readme.replace(/(<!-- spec:([a-z-]+):([a-z]+) -->\n)[\s\S]*?(<!-- \/spec -->)/g, (_, open: string, tag: string, table: string, close: string) => {
    const spec = ELEMENT_SPECS.find((s) => s.tag === tag);
    const make = TABLES[table];
    if (!spec || !make) throw new Error(`README.md: no spec table "${table}" for <${tag}>`);
    return `${open}${make(spec)}\n${close}`;
  });
}

// ---- Custom Elements Manifest ----

function cemType(a: AttributeSpec): string {
  if (a.type === 'number' || a.type === 'integer') return 'number';
  if (a.type === 'boolean') return 'boolean';
  if (a.type === 'choice') return a.values.map((v) => `'${v}'`).join(' | ');
  return 'string';
}

const camel = (name: string) => name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function manifest() {
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: ELEMENT_SPECS.map((spec) => {
      const attributes = Object.values(spec.attributes).filter((a) => a.only !== 'shortcode');
      return {
        kind: 'javascript-module',
        path: spec.module,
        declarations: [
          {
            kind: 'class',
            name: spec.className,
            tagName: spec.tag,
            customElement: true,
            description: spec.summary,
            superclass: spec.superclass,
            attributes: attributes.map((a) => {
              // The schema's default is the value as code; one that depends on other attributes is in the description.
              const value = a.default === false ? 'false' : a.defaultText === undefined ? defaultText(a) : undefined;
              const d = value === undefined ? undefined : typeof a.default === 'string' || Array.isArray(a.default) ? JSON.stringify(value) : value;
              return {
                name: a.name,
                type: { text: cemType(a) },
                ...(d === undefined ? {} : { default: d }),
                description: a.doc,
                fieldName: a.property ?? (a.name === 'lang' ? 'lang' : camel(a.name)),
              };
            }),
            members: spec.members.map((m) =>
              m.kind === 'method'
                ? { kind: 'method', name: m.name, description: m.doc, ...(m.type ? { return: { type: { text: m.type } } } : {}) }
                : { kind: 'field', name: m.name, type: { text: m.type ?? 'unknown' }, readonly: true, description: m.doc },
            ),
            events: spec.events.map((e) => ({ name: e.name, type: { text: `CustomEvent<${e.detail}>` }, description: `${e.doc} Bubbles and is composed.` })),
            cssParts: spec.parts.map((p) => ({ name: p.name, description: p.doc })),
            cssProperties: spec.cssProperties.map((p) => ({ name: p.name, description: p.doc })),
          },
        ],
        exports: [
          { kind: 'js', name: spec.className, declaration: { name: spec.className, module: spec.module } },
          { kind: 'custom-element-definition', name: spec.tag, declaration: { name: spec.className, module: spec.module } },
        ],
      };
    }),
  };
}

// ---- shortcodes ----

/** `text` in lines of at most `width` characters, each after `indent`. */
function wrap(text: string, indent: string, width = 88): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** The outputs a shortcode has: the HTML page's, and feeds, search indexes and plain text. */
const SHORTCODE_OUTPUTS = [
  { ext: 'html', output: 'html' },
  { ext: 'xml', output: 'feed', what: 'RSS, Atom and other XML outputs' },
  { ext: 'json', output: 'index', what: 'JSON outputs (search indexes)' },
  { ext: 'txt', output: 'text', what: 'plain-text outputs' },
] as const;

/**
 * layouts/shortcodes/<tag>.{html,xml,json,txt}: each hands its parameters to the
 * widget's partial (the checks and the description), with the output it writes for.
 */
function shortcodeFiles(spec: ElementSpec): [string, string][] {
  const tag = spec.tag;
  const call = (output: string) => `{{- partial "gd-widgets/shortcodes/${tag}.html" (dict "ctx" . "output" "${output}") -}}\n`;
  return SHORTCODE_OUTPUTS.map((o) => {
    const header =
      o.ext === 'html'
        ? `{{- /*
${spec.shortcodeExamples.map((e) => `  ${e}`).join('\n')}

${wrap(`<${tag}>, with the same attributes. ${spec.summary}`, '  ')}

${wrap(`Named parameters only, every one optional, checked at build time against the element's contract (src/spec/${tag}.ts), from which the README's table and data/gd_widgets/elements.json, which the checks read, are generated. The checks and the text readers see without JavaScript (from \`fallback\`, or written from the parameters) are in layouts/partials/gd-widgets/shortcodes/${tag}.html.`, '  ')}

${wrap('Write it without a closing tag: Hugo 0.111 accepts a closing tag (or `/>}}`) only on shortcodes that read .Inner, and then insists on one.', '  ')}

  Generated by \`npm run spec\` (scripts/generate-spec.ts): edit the contract, not this file.
*/ -}}
`
        : `{{- /* {{< ${tag} >}} in ${o.what}: see ${tag}.html. Generated by \`npm run spec\`. */ -}}\n`;
    return [`layouts/shortcodes/${tag}.${o.ext}`, header + call(o.output)];
  });
}

// ---- all files ----

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated file: path (from the repository root) -> its content. */
export function generatedFiles(root = ROOT): Map<string, string> {
  const files = new Map([
    ['data/gd_widgets/catalogues.json', json(cataloguesData())],
    ['data/gd_widgets/elements.json', json(elementsData())],
    ['data/gd_widgets/strings.json', json(FIGURE_DESCRIPTIONS)],
    ['custom-elements.json', json(manifest())],
    ...ELEMENT_SPECS.flatMap(shortcodeFiles),
  ]);
  // A copy without the README (a theme's files alone) still gets its data.
  const readme = join(root, 'README.md');
  if (existsSync(readme)) files.set('README.md', readmeWithTables(readFileSync(readme, 'utf8')));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [path, content] of generatedFiles()) {
    const full = join(ROOT, path);
    let old = '';
    try {
      old = readFileSync(full, 'utf8');
    } catch {
      // a new file
    }
    if (old === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`out of date (run npm run spec): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(stale.length > 0 ? `spec: wrote ${stale.join(', ')}` : 'spec: every generated file is up to date');
}
