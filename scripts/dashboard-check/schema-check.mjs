// schema-check.mjs DASHBOARD.json OUT_DIR: writes OUT_DIR/check.ts, which declares the dashboard,
// and each panel again, with the types of @grafana/schema (Grafana's own TypeScript types,
// generated from its CUE schema); scripts/check-dashboard.sh then runs tsc on it.
//
// The JSON goes in as object literals, not as an imported .json module: literals keep their types
// ("timeseries", not string), and tsc checks literals for excess properties, so a misspelt key
// fails as surely as a wrong type. Json<T> turns the schema's string enums into their values
// (BigValueColorMode.Value → "value"), which is what a dashboard file holds.
import { readFileSync, writeFileSync } from 'node:fs';

const [file, out] = process.argv.slice(2);
const dashboard = JSON.parse(readFileSync(file, 'utf8'));
const cfg = '@grafana/schema/dist/esm/raw/composable';
// Panel plugins used by the dashboard: their types, and the type of their fieldConfig.custom
// (stat has none of its own).
const plugins = {
  timeseries: { path: `${cfg}/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen`, custom: 'timeseries.FieldConfig' },
  stat: { path: `${cfg}/stat/panelcfg/x/StatPanelCfg_types.gen`, custom: 'Record<string, unknown>' },
};

const lines = [
  "import type { Dashboard, DataQuery, Panel } from '@grafana/schema';",
  ...Object.entries(plugins).map(([name, { path }]) => `import type * as ${name} from '${path}';`),
  'type Json<T> = T extends string ? `${T}` : T extends readonly (infer U)[] ? Json<U>[]',
  '  : T extends object ? { [K in keyof T]: Json<T[K]> } : T;',
  // @grafana/schema has no type for Prometheus queries (its panels take Record<string, unknown>):
  // these are the fields Grafana's Prometheus query editor writes.
  'type PromQuery = DataQuery & { expr: string; legendFormat?: string; range?: boolean;',
  "  instant?: boolean; editorMode?: 'code' | 'builder'; format?: 'time_series' | 'table' | 'heatmap';",
  '  interval?: string; exemplar?: boolean };',
  "type Typed<T extends string, O, F> = Omit<Panel<O, F>, 'options' | 'targets' | 'type'> &",
  '  { type: T; options: O; targets: PromQuery[] };',
  `export const dashboard: Json<Dashboard> = ${JSON.stringify(dashboard, null, 2)};`,
];
const problems = [];
const panels = (dashboard.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
for (const p of panels) {
  if (p.type === 'row') continue;
  if (!plugins[p.type]) {
    problems.push(`panel ${p.id} "${p.title}": no types for panel plugin "${p.type}" (add it to plugins)`);
    continue;
  }
  lines.push(
    `export const panel${p.id}: Json<Typed<'${p.type}', ${p.type}.Options, ${plugins[p.type].custom}>> = ` +
      `${JSON.stringify(p, null, 2)};`,
  );
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
writeFileSync(`${out}/check.ts`, lines.join('\n') + '\n');
console.log(`${panels.length} panels written to ${out}/check.ts`);
