// The report's only style sheet, inlined: system fonts (nothing to fetch), colours with enough contrast, and a layout
// that reads from a laptop screen to print.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #d0d5dc; --accent: #1f5fa8; --bg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); line-height: 1.45;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.8rem; margin: 0 0 12px; }
h2 { font-size: 1.35rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 24px 0 8px; }
h4 { font-size: 1rem; margin: 18px 0 4px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.86em; color: var(--muted);
  overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { border-left: 4px solid #a15c00; background: #fff6e5; padding: 8px 14px; margin: 14px 0; }
.tiles { list-style: none; padding: 0; margin: 0 0 16px; display: flex; flex-wrap: wrap; gap: 10px; }
.tiles li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.tile-label { display: block; color: var(--muted); font-size: 0.85rem; }
.tiles .figure { font-size: 1.4rem; font-weight: 700; }
.tables, .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px 28px;
  align-items: start; }
.charts { grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); margin-bottom: 16px; }
.chart svg { display: block; max-width: 640px; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; }
.chart-label, .chart-value { font-size: 13px; fill: var(--ink); }
.chart-bar { fill: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.findings td, .diff td { overflow-wrap: anywhere; }
.findings td:first-child, .diff td:first-child { width: 30%; }
.related { margin: 0; padding-left: 18px; }
.rule { border-left: 4px solid var(--line); padding-left: 14px; margin-bottom: 18px; }
.severity-high { border-left-color: #b3261e; }
.severity-medium { border-left-color: #a15c00; }
.severity-low { border-left-color: #1f5fa8; }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 10px; padding: 0 8px;
  font-size: 0.8rem; font-weight: 600; text-transform: uppercase; }
.severity-high .badge { color: #b3261e; }
.severity-medium .badge { color: #8a4f00; }
.more { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
@media print { main { max-width: none; padding: 0; } .chart, .rule, tr { break-inside: avoid; } }
`;
