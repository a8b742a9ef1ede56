import { existsSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Bench, Figure } from './figure';

/**
 * `npm run bench [-- NAME]`: every benchmark reports figures as ratios against a baseline measured in the same
 * run (the machine is shared and noisy); the table is printed and written to bench/last.json.
 */
const MODULES = ['till-commit', 'printer', 'central', 'journal', 'posting', 'sync', 'keystrokes'];

const load = async (name: string): Promise<Bench | null> => {
  const file = new URL(`./${name}.ts`, import.meta.url);
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file.pathname).href)) as { bench?: Bench };
  return mod.bench ?? null;
};

const filter = process.argv[2];
const figures: Figure[] = [];
for (const name of MODULES) {
  const b = await load(name);
  if (!b || (filter && !b.name.startsWith(filter))) continue;
  process.stderr.write(`running ${b.name}…\n`);
  figures.push(...(await b.run()));
}
if (figures.length === 0) {
  console.error(filter ? `No benchmark named ${filter}. Known: ${MODULES.join(', ')}` : 'No benchmarks found.');
  process.exit(2);
}

const rows = figures.map((f) => [f.name, String(f.value), f.unit, f.goal, f.goal === '-' ? '' : f.meets ? 'yes' : 'NO']);
const head = ['figure', 'value', 'unit', 'goal', 'meets'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
writeFileSync(new URL('./last.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
