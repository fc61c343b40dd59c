/**
 * `npm run bench`: runs the bench sections in order, each printing its report, then
 * prints every section's verdict lines last. `npm run bench -- <id> ...` runs only the
 * named sections.
 *
 * It is a report, not a test: a MISSED goal still exits 0. Only a section that throws
 * (a broken bench) sets exit code 1, after the other sections have run.
 *
 * To add a section: write bench/<name>.ts exporting a `Section` (see section.ts) and
 * append it to SECTIONS.
 */
import { bundleSizeSection } from './bundle-size.js';
import { expressionSection } from './expression.js';
import { framesSection } from './frames.js';
import { optimizersSection } from './optimizers.js';
import { trainingSection } from './training.js';
import { sink } from './measure.js';
import type { Section } from './section.js';

const SECTIONS: readonly Section[] = [optimizersSection, trainingSection, expressionSection, bundleSizeSection, framesSection];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length > 0) {
    console.error(`unknown bench section(s): ${unknown.join(', ')} (known: ${SECTIONS.map((s) => s.id).join(', ')})`);
    process.exitCode = 2;
    return;
  }
  const chosen = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s.id)) : SECTIONS;

  console.log(`gd-widgets bench (Node ${process.version}, ${process.platform}/${process.arch})`);
  const verdicts: string[] = [];
  for (const section of chosen) {
    console.log('');
    console.log(`== ${section.title} [${section.id}]`);
    const t0 = performance.now();
    try {
      const result = await section.run({ log: (line) => console.log(line) });
      verdicts.push(...result.verdicts);
    } catch (error) {
      console.log(`section ${section.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      verdicts.push(`${section.id}: section failed to run: MISSED`);
      process.exitCode = 1;
    }
    console.log(`(${section.id}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }

  console.log('');
  // Printing the sink keeps every measured result observable.
  console.log(`== Verdicts (sink ${sink().toPrecision(6)})`);
  for (const line of verdicts) console.log(line);
}

await main();
