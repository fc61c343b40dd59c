/**
 * `<gd-momentum-race>`: optimizers racing on one surface from one start, in lock step.
 * It teaches why momentum helps in a ravine, and why Nesterov's look-ahead — the
 * gradient taken at x + beta v instead of at x — overshoots less: classical momentum
 * swings across the valley while Nesterov brakes before the wall and finishes first.
 */
import { css, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import {
  OPTIMIZER_NAMES,
  gradientTerm,
  isAdaptive,
  gradientWeight,
  stepTerms,
  type OptimizerName,
  type ResolvedOptimizerOptions,
  type Surface,
  type UpdateRecord,
} from '../core/index.js';
import type { SeriesTone } from '../chart/index.js';
import { SurfacePlot, heightForWidth, hiddenShares, type PlotScene } from '../plot/index.js';
import { alignedTex, formula, substitutedUpdateRule, symbolicUpdateRule } from '../formula/index.js';
import { plotThemeOf, type ThemeTokens } from '../theme/theme.js';
import { parseStrictNumber, quotedValue, shortNumber, withinRule } from '../shared/attributes.js';
import { sliderField } from '../shared/fields.js';
import { DescentFigure, type FigureObjective } from '../shared/descent-figure.js';
import { indexAt, lastIndex, statusAt, toneColor, updateOf, type DescentLane } from '../shared/lanes.js';
import { LR_RANGE, type SurfacePreset } from '../shared/presets.js';
import { figureStyles, stackedTableStyles } from '../shared/styles.js';
import { DEFAULT_RACERS as DEFAULT_OPTIMIZERS, GD_MOMENTUM_RACE } from '../spec/gd-momentum-race.js';

/** A lane's standing: `stop` is null while it still runs. */
export interface RaceResult {
  optimizer: OptimizerName;
  /** Updates made so far, or to its finish. */
  iterations: number;
  stop: 'converged' | 'max-steps' | 'diverged' | null;
  /** f at its current point. */
  value: number;
}

/** The dash of a lane drawn over the lines that would hide it: its colour and theirs alternate. */
const HIDDEN_PATH_DASH = [6, 5];
/** A lane with this share of its path under later lanes' lines is drawn on top of them, dashed. */
const HIDDEN_SHARE = 0.9;
const TONES: readonly SeriesTone[] = ['series-1', 'series-2', 'series-3', 'series-4', 'series-5', 'series-6'];
/** On the ravine, at this rate and beta = 0.9, classical momentum swings across the valley and Nesterov does not. */
const RACE_PRESETS: Record<string, SurfacePreset> = { ravine: { start: [-3.5, 1.5], lr: { plain: 0.05, adaptive: 0.1 } } };

/**
 * Several optimizers race on one surface from one start.
 *
 * `controls`: `full` (default) shows the play row (play, step, reset, speed) and the
 * settings (rate, momentum, EMA, look-ahead); `compact` only play, step and reset;
 * `none` no buttons or settings. The race, key, table, chart and rules show in every
 * mode; the map still takes clicks, taps and keys (Space plays), `autoplay` still
 * plays. A bad value is `full`, with a note. `authoring` adds the author tools in a
 * "For authors" group, in any mode.
 *
 * Events, parts and custom properties: its contract, src/spec/gd-momentum-race.ts
 * (custom-elements.json and the README's tables are generated from it).
 */
export class GdMomentumRace extends DescentFigure {
  /** About the rendered height, wide and narrow (the box shown until the first render). */
  protected static override placeholderHeight = { wide: '61em', narrow: '83em' };
  static override styles = [
    ...DescentFigure.styles,
    figureStyles,
    // Four columns need about this much; a narrower column (a phone, or the side column
    // beside the map) stacks each lane so its f stays in view.
    stackedTableStyles('24em'),
    css`
      @container (min-width: 45.33em) {
        .figure {
          grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
          align-items: start;
        }
      }
      .winner td:first-child::after {
        content: ' ★';
        color: var(--gd-good);
      }
      .rules {
        gap: 0.533em;
      }
      /* Side by side only where each half holds a rule with its numbers (about 500 px
         with 10⁻⁵ in its vectors); on a 900 px column they stack and show whole. */
      @container (min-width: 73.33em) {
        .rules.two {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .rules h3 {
        margin: 0 0 0.157em;
        font-size: 0.85em;
        color: var(--gd-muted);
        font-weight: 600;
      }
      .effective {
        margin: 0;
        font-size: 0.8em;
        color: var(--gd-muted);
      }
      .mark.velocity {
        width: auto;
        color: var(--gd-velocity);
        font-weight: 700;
      }
      .lane-rate {
        color: var(--gd-muted);
        font-size: 0.9em;
        white-space: nowrap;
      }
      .mark.ring {
        border: 2px solid var(--gd-series-2);
      }
    `,
  ];

  /** The optimizers that race, comma-separated. Rules and defaults: src/spec/gd-momentum-race.ts. */
  @property() optimizers?: string;
  /** Learning rates per lane, comma-separated. */
  @property() lrs?: string;
  /** Momentum coefficients per lane, comma-separated. */
  @property() betas?: string;
  /** Show Nesterov's look-ahead point and the gradient taken there ("false" to hide). */
  @property({ attribute: 'show-lookahead' }) showLookahead?: string;

  @query('canvas.plot') private plotCanvas!: HTMLCanvasElement;

  protected readonly tag = 'gd-momentum-race';
  protected readonly spec = GD_MOMENTUM_RACE;
  private plot?: SurfacePlot;

  // ---- read-only state for scripts ----

  /** Each lane's standing now: iterations, how it stopped (null while running), f. */
  get results(): RaceResult[] {
    this.readIfNotRendered();
    const k = this.playback.k;
    return this.lanes.map((lane) => {
      const i = indexAt(lane, k);
      return { optimizer: lane.optimizer, iterations: i, stop: statusAt(lane, k), value: lane.run.values[i] };
    });
  }

  /** Per lane, Nesterov's look-ahead point x_k + beta v_k where its next gradient is taken; null for other lanes or once stopped. */
  get lookaheads(): ([number, number] | null)[] {
    this.readIfNotRendered();
    return this.lanes.map((lane) => {
      const update = lane.optimizer === 'nesterov' ? this.laneUpdate(lane) : null;
      return update ? [update.gradientAt[0], update.gradientAt[1]] : null;
    });
  }

  // ---- lifecycle ----

  protected override isInput(name: string): boolean {
    // show-lookahead changes no run, but a script setting it replaces the reader's choice.
    return super.isInput(name) || name === 'optimizers' || name === 'lrs' || name === 'betas' || name === 'showLookahead';
  }

  // ---- settings and lanes ----

  protected override presetFor(objective: FigureObjective, surfaceName: string | null): SurfacePreset {
    return (surfaceName && RACE_PRESETS[surfaceName]) || super.presetFor(objective, surfaceName);
  }

  /** True when a valid `lrs` gives each lane its own rate: the shared slider then has nothing to move. */
  private ratesPerLane = false;

  /** True when the lanes run at different rates: the table then shows each lane's. */
  private get perLaneRates(): boolean {
    return this.lanes.length > 0 && new Set(this.lanes.map((l) => l.options.lr)).size > 1;
  }

  private get lookahead(): boolean {
    return !/^(false|0|off|no)$/i.test((this.setting('showLookahead') ?? 'true').trim());
  }

  /** The optimizers of the `optimizers` list; unknown names are dropped with a note. */
  private readOptimizers(): OptimizerName[] {
    if (this.optimizers === undefined) return [...DEFAULT_OPTIMIZERS];
    const names = this.optimizers.split(/[,;\s]+/).map((n) => n.trim().toLowerCase()).filter(Boolean);
    const known = names.filter((n): n is OptimizerName => (OPTIMIZER_NAMES as readonly string[]).includes(n));
    const unique = [...new Set(known)];
    if (known.length !== names.length || unique.length === 0) {
      const fallback = unique.length > 0 ? unique : [...DEFAULT_OPTIMIZERS];
      const fb = fallback.join(',');
      const choices = OPTIMIZER_NAMES.join(', ');
      this.reader.message(
        'optimizers',
        this.optimizers,
        this.t.notAChoice('optimizers', quotedValue(this.optimizers), choices, fb),
        `optimizers="${quotedValue(this.optimizers)}" has names that are not one of ${choices}; using ${fb}.`,
      );
      return fallback;
    }
    return unique;
  }

  /** A per-lane list of numbers in a rule, or null (with a note) when it does not fit. */
  private readPerLane(name: 'lrs' | 'betas', text: string | undefined, count: number, ok: (v: number) => boolean): number[] | null {
    if (text === undefined) return null;
    const values = text.split(/[,;\s]+/).filter(Boolean).map(parseStrictNumber);
    if (values.length === count && values.every((v) => Number.isFinite(v) && ok(v))) return values;
    this.reader.message(
      name,
      text,
      this.t.notALaneList(name, quotedValue(text), count),
      `${name}="${quotedValue(text)}" is not ${count} numbers in range, one per optimizer; using the shared value.`,
    );
    return null;
  }

  /** A lane per optimizer of `optimizers`, each at its rate and beta. */
  protected override makeLanes(): DescentLane[] {
    const s = this.settings;
    const optimizers = this.readOptimizers();
    const { lrs: lrsRule, betas: betasRule } = GD_MOMENTUM_RACE.attributes;
    const lrs = this.readPerLane('lrs', this.lrs, optimizers.length, (v) => withinRule(lrsRule, v));
    const betas = this.readPerLane('betas', this.betas, optimizers.length, (v) => withinRule(betasRule, v));
    const preset = this.presetFor(s.objective, s.surfaceName);
    this.ratesPerLane = lrs !== null;
    return optimizers.map((optimizer, i) => {
      // A shared lr set by the reader applies to all; without one each family gets its suited rate.
      const lr = lrs?.[i] ?? (this.setting('lr') !== undefined || !isAdaptive(optimizer) ? s.options.lr : preset.lr.adaptive);
      const options: ResolvedOptimizerOptions = { ...s.options, lr, beta: betas?.[i] ?? s.options.beta };
      return this.descentLane(optimizer, TONES[i], optimizer, options);
    });
  }

  /** The lanes are runs too; a shared rate set or not decides the adaptive lanes' rate. */
  protected override runInputs(): string {
    return JSON.stringify([this.optimizers, this.lrs, this.betas, this.setting('lr') === undefined]);
  }

  /** The race's outcome in one sentence: each lane, fastest finisher first. */
  protected override stopAnnouncement(): string {
    const t = this.t;
    const order = { converged: 0, 'max-steps': 1, diverged: 2 } as const;
    const lanes = [...this.lanes].sort(
      (a, b) => order[a.run.stop] - order[b.run.stop] || a.run.path.length - b.run.path.length,
    );
    return lanes.map((l) => `${t.optimizerNames[l.optimizer]}: ${t.statuses[l.run.stop].toLowerCase()} (${lastIndex(l)})`).join(' · ');
  }

  /** The numbers of a lane's update from its shown point, or null once it has stopped. */
  private laneUpdate(lane: DescentLane): UpdateRecord | null {
    return updateOf(lane, this.playback.k);
  }

  /** The numbers of a lane's last update, for its formula once it has stopped; null for a lane that made none. */
  private lastUpdate(lane: DescentLane): UpdateRecord | null {
    return updateOf(lane, lastIndex(lane) - 1);
  }

  // ---- canvases ----

  protected override setUpCanvases(): void {
    this.plot ??= this.inSlices(new SurfacePlot(this.plotCanvas));
    this.attachPlotInput(this.plot);
    this.resize.observe(this.renderRoot.querySelector('.plot-box')!);
    this.lossChart.attach();
  }

  protected override drawFrame(): void {
    if (!this.plot) return;
    const tokens = this.tokens;
    const surface = this.settings.objective as Surface;
    const width = this.resize.width || this.plotCanvas.parentElement!.clientWidth || 320;
    this.plot.setSurface(surface);
    this.plot.setTheme(plotThemeOf(tokens));
    this.plot.setLang(this.i18n.lang);
    this.plot.resize(width, Math.min(heightForWidth(width, surface.domain), Math.round(width * 1.1)), this.pixelRatio);
    this.plot.draw(this.scene(tokens, surface, this.coveredLanes(surface, width)));
    this.drawRunsChart(tokens);
  }

  private coveredCache?: { lanes: DescentLane[]; key: string; covered: boolean[] };

  /**
   * Lanes whose path lies mostly (HIDDEN_SHARE of it or more) under the lines of the lanes
   * drawn after them on the map, within about a pixel (see plot/path-cover.ts): on the
   * Rosenbrock race classical momentum runs under Nesterov and Adam for 96% of its line.
   * Computed once per set of runs and map width.
   */
  private coveredLanes(surface: Surface, width: number): boolean[] {
    const { x, y } = surface.domain;
    // One pixel in map units, as if the map took the whole width: never more than a pixel.
    const pixel = (x[1] - x[0]) / Math.max(1, width);
    const key = `${surface.name}\u0000${pixel}`;
    const c = this.coveredCache;
    if (c && c.key === key && c.lanes.length === this.lanes.length && c.lanes.every((l, i) => l === this.lanes[i])) return c.covered;
    const covered = hiddenShares(this.lanes.map((l) => l.run.path), { x, y }, pixel).map((share) => share >= HIDDEN_SHARE);
    this.coveredCache = { lanes: [...this.lanes], key, covered };
    return covered;
  }

  /**
   * Every lane's path so far and current point; velocities; Nesterov's look-ahead and its
   * gradient. A lane the others' lines would hide is drawn last, dashed, so both show.
   */
  private scene(tokens: ThemeTokens, surface: Surface, covered: readonly boolean[] = []): PlotScene {
    const k = this.playback.k;
    const paths: NonNullable<PlotScene['paths']>[number][] = [];
    const points: NonNullable<PlotScene['points']>[number][] = [];
    const arrows: NonNullable<PlotScene['arrows']>[number][] = [];
    const aheads = this.lookahead ? this.lookaheads : [];
    const hidden: NonNullable<PlotScene['paths']>[number][] = [];
    this.lanes.forEach((lane, i) => {
      const color = toneColor(tokens, lane.tone);
      const at = indexAt(lane, k);
      const x = lane.run.path[at];
      const path = { points: lane.run.path, color, width: 2.25, upTo: at, dots: false };
      if (covered[i]) hidden.push({ ...path, dash: HIDDEN_PATH_DASH });
      else paths.push(path);
      points.push({ at: x, color, radius: 5 });
      const update = this.laneUpdate(lane);
      if (!update) return;
      if (lane.optimizer !== 'momentum' && lane.optimizer !== 'nesterov') return;
      // The step x_{k+1} - x_k as the core splits it: what the velocity carries (beta v_k, or
      // -eta beta v_k in the moving-average form), then what the gradient adds.
      const terms = stepTerms(lane.optimizer, lane.options, update);
      arrows.push({ from: x, vector: [terms.momentum[0], terms.momentum[1]], color: tokens.velocity, width: 2 });
      const ahead = aheads[i];
      if (ahead) {
        // The gradient at the look-ahead, which the update used, and at x_k, which classical momentum would.
        const here = gradientTerm(lane.optimizer, lane.options, update, update.gradientAtX);
        points.push({ at: ahead, color, shape: 'ring', radius: 5 });
        arrows.push({ from: ahead, vector: [terms.gradient[0], terms.gradient[1]], color: tokens.gradient, width: 2 });
        arrows.push({ from: x, vector: [here[0], here[1]], color: tokens.gradient, width: 1.25 });
      }
    });
    return { minima: surface.minima, paths: [...paths, ...hidden], arrows, start: this.settings.start, points };
  }

  // ---- render ----

  protected override render() {
    const t = this.t;
    const s = this.settings;
    return html`
      <div class="frame" part="frame">
        ${this.renderTitle(`${this.lanes.map((l) => t.optimizerNames[l.optimizer]).join(' · ')}${this.perLaneRates ? '' : ` · η = ${this.numbers.setting(s.options.lr)}`}`)}
        ${this.renderNotes()}
        <div class="figure">
          <div class="plot-box">
            <canvas class="plot" part="plot" tabindex="0" role="img" aria-label=${t.plotLabel(this.objectiveLabel())} aria-describedby="hint"></canvas>
            ${this.renderPlotKey()}
          </div>
          <div class="side">
            ${this.renderResults()}
            ${this.renderRunsLegend()}
            <div class="chart-box" part="chart"><canvas class="chart"></canvas></div>
          </div>
        </div>
        ${this.renderToolbar()} ${this.renderRules()} ${this.renderSettings()} ${this.renderAnnouncement()}
        <p class="hint" id="hint">${t.plotHint}</p>
        ${this.renderAuthoring()}
      </div>
    `;
  }

  private renderPlotKey() {
    const k = this.t.plotKey;
    const nesterov = this.lookahead && this.lanes.some((l) => l.optimizer === 'nesterov');
    return html`<ul class="plot-key" aria-hidden="true">
      <li><span class="mark start"></span>${k.start}</li>
      <li><span class="mark velocity">→</span>${this.t.race.velocity}</li>
      ${nesterov
        ? html`<li><span class="mark ring"></span>${this.t.race.lookahead}</li>
            <li><span class="mark arrow">→</span>${this.t.race.gradients}</li>`
        : nothing}
    </ul>`;
  }

  /** Who has finished, in how many updates, and where each lane stands. */
  private renderResults() {
    const t = this.t;
    const results = this.results;
    const finished = results.filter((r) => r.stop === 'converged');
    const best = finished.length > 0 ? Math.min(...finished.map((r) => r.iterations)) : -1;
    const shown = (v: number) => (Number.isFinite(v) ? this.numbers.text(v, 3) : '—');
    return html`<div class="table-box"><table class="stacks" part="results">
      <caption class="visually-hidden">${t.race.results}</caption>
      <thead>
        <tr><th scope="col">${t.optimizer}</th><th scope="col">${t.iteration}</th><th scope="col">${t.status}</th><th scope="col" class="symbol">f</th></tr>
      </thead>
      <tbody>
        ${results.map(
          (r, i) => html`<tr class=${r.stop === 'converged' && r.iterations === best ? 'winner' : ''}>
            <td>${t.optimizerNames[r.optimizer]}${this.perLaneRates ? html` <span class="lane-rate">η = ${this.numbers.setting(this.lanes[i].options.lr)}</span>` : nothing}</td>
            <td class="number" data-label=${t.iteration}>${r.iterations}</td>
            <td class=${r.stop ? `status-${r.stop}` : ''} data-label=${t.status}>${r.stop ? t.statuses[r.stop] : this.playback.playing ? t.race.running : t.statuses[this.playback.k === 0 ? 'ready' : 'paused']}</td>
            <td class="number lead" data-label="f">${shown(r.value)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  /**
   * The classical and Nesterov rules side by side, with the numbers of their lanes: the
   * update about to be made (its look-ahead is the one drawn), or once a lane has
   * stopped, its last update.
   */
  private renderRules() {
    const t = this.t;
    // The classical and Nesterov rules side by side; a race with only one of them shows that one.
    const present = (['momentum', 'nesterov'] as const).filter((name) => this.lanes.some((l) => l.optimizer === name));
    const names = present.length > 0 ? present : (['momentum', 'nesterov'] as const);
    const rules = names.map((name) => {
      const lane = this.lanes.find((l) => l.optimizer === name);
      const options = lane?.options ?? this.settings.options;
      const update = lane ? this.laneUpdate(lane) ?? this.lastUpdate(lane) : null;
      const lines = update ? substitutedUpdateRule(name, options, update, { numbers: this.numbers }) : symbolicUpdateRule(name, options);
      return html`<div>
        <h3>${name === 'momentum' ? t.race.classical : t.race.nesterov}</h3>
        <div class="formula" part="formula" tabindex="0" ${formula(alignedTex(lines, { breakChains: this.narrow }), { label: `${t.formulaLabel}: ${t.optimizerNames[name]}`, throttleMs: this.formulaThrottleMs })}></div>
      </div>`;
    });
    const o = this.settings.options;
    const momentum = this.lanes.find((l) => l.optimizer === 'momentum')?.options ?? o;
    return html`<div class="rules ${rules.length > 1 ? 'two' : ''}">${rules}</div>
      ${o.ema
        ? html`<p class="effective">${t.race.effective(this.numbers.setting(momentum.lr), this.numbers.setting(momentum.beta), this.numbers.setting(gradientWeight('momentum', momentum)!))}</p>`
        : nothing}`;
  }

  private renderSettings() {
    const t = this.t;
    const o = this.settings.options;
    return this.renderSettingsPanel(() => html`
      ${this.ratesPerLane ? nothing : this.renderLrField(LR_RANGE)}
      ${sliderField({ id: 'beta', numbers: this.numbers, label: t.momentum, value: o.beta, min: 0, max: 0.999, step: 0.001, onInput: (v) => this.change({ beta: v }) })}
      <label class="checkbox"
        ><input type="checkbox" .checked=${o.ema} @change=${(e: Event) => this.change({ ema: (e.target as HTMLInputElement).checked })} />
        ${t.ema}</label
      >
      ${this.lanes.some((l) => l.optimizer === 'nesterov')
        ? html`<label class="checkbox"
            ><input type="checkbox" .checked=${this.lookahead} @change=${(e: Event) => this.change({ showLookahead: String((e.target as HTMLInputElement).checked) })} />
            ${t.race.showLookahead}</label
          >`
        : nothing}
    `);
  }

  protected override stateAttributes() {
    const attrs = super.stateAttributes();
    const names = this.lanes.map((l) => l.optimizer).join(',');
    return {
      ...attrs,
      optimizer: undefined,
      optimizers: names === DEFAULT_OPTIMIZERS.join(',') ? undefined : names,
      lrs: this.lrs !== undefined ? this.lanes.map((l) => shortNumber(l.options.lr)).join(',') : undefined,
      betas: this.betas !== undefined ? this.lanes.map((l) => shortNumber(l.options.beta)).join(',') : undefined,
      beta: shortNumber(this.settings.options.beta),
      ema: this.settings.options.ema,
      'show-lookahead': this.lookahead ? undefined : 'false',
    };
  }
}

