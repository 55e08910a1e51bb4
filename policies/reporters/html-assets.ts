/**
 * The HTML report's only style and script, inlined so the file opens from
 * disk with no network. The page's Content-Security-Policy admits exactly
 * these two by their SHA-256: if a name from the input ever got past the
 * escaping as markup, the browser would still refuse to run or style it.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root { --ink: #1b1f24; --muted: #4d5662; --line: #d0d7de; --paper: #ffffff; --panel: #f6f8fa;
  --critical: #8a0f1a; --high: #a3320b; --medium: #6b5200; --low: #0b5d78; --pass: #1a6b32; --na: #57606a; --link: #0550ae; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
a { color: var(--link); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; overflow-wrap: anywhere; }
.verdict { font-size: 18px; font-weight: 600; padding: 12px 16px; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); }
.verdict.fail { border-left: 6px solid var(--critical); }
.verdict.pass { border-left: 6px solid var(--pass); }
.meta { color: var(--muted); margin: 8px 0 0; }
.counts { display: flex; flex-wrap: wrap; gap: 12px; list-style: none; padding: 0; margin: 0; }
.counts li { border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; min-width: 120px; background: var(--panel); }
.counts .n { display: block; font-size: 24px; font-weight: 700; }
.sev-critical .n, .badge.critical { color: var(--critical); }
.sev-high .n, .badge.high { color: var(--high); }
.sev-medium .n, .badge.medium { color: var(--medium); }
.sev-low .n, .badge.low { color: var(--low); }
.badge { font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .03em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.status { white-space: nowrap; font-weight: 600; }
.st-pass { color: var(--pass); } .st-finding { color: var(--critical); } .st-suppressed { color: var(--medium); }
.st-attested { color: var(--low); } .st-na, .st-off { color: var(--na); font-weight: 400; }
tr.function th { background: #e7ebef; font-size: 15px; }
tr.category th { font-weight: 600; background: var(--panel); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 8px 0; }
.filters label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
.filters select, .filters input { font: inherit; padding: 4px 6px; border: 1px solid #8c959f; border-radius: 4px; min-width: 160px; color: var(--ink); background: var(--paper); }
details summary { cursor: pointer; }
details dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 8px 0; }
details dt { font-weight: 600; color: var(--muted); }
details dd { margin: 0; }
.note { color: var(--muted); }
.scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
.scroll:focus { outline: 2px solid var(--link); }
.graph { display: block; background: var(--paper); }
figure { margin: 0; }
figcaption { color: var(--muted); margin-top: 4px; }
.graph .node rect { fill: #eef2f6; stroke: #57606a; }
.graph .node.source rect { fill: #fff8c5; stroke: #6b5200; }
.graph .node.target rect { fill: #ffebe9; stroke: var(--critical); stroke-width: 2; }
.graph .node.exemption rect { fill: #fbefff; stroke: #6e40c9; }
.graph text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.graph .via { fill: var(--muted); font-family: ui-monospace, monospace; font-size: 11px; }
.graph .edge path { fill: none; stroke: #57606a; stroke-width: 1.4; }
.graph .arrowhead { fill: #57606a; }
.timeline { max-width: 100%; height: auto; }
.timeline .axis { stroke: #57606a; }
.timeline text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.timeline .mark { stroke: var(--paper); stroke-width: 1.5; }
.timeline .expired { fill: var(--critical); } .timeline .soon { fill: var(--high); } .timeline .later { fill: var(--low); }
footer { color: var(--muted); padding: 32px 24px; }
[hidden] { display: none !important; }
@media print {
  .filters, #shown { display: none; }
  body { font-size: 12px; }
  h2 { break-after: avoid; }
  tr, .graph { break-inside: avoid; }
  .scroll { overflow: visible; border: 0; }
  .graph { max-width: 100%; height: auto; }
}
`;

/** Filters the findings table and opens every row before printing. Plain ES5-era DOM, no globals left behind. */
export const SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  if (!form || !shown) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-table tbody tr'));
  var field = function (id) { return document.getElementById(id); };
  function apply() {
    var severity = field('filter-severity').value, rule = field('filter-rule').value;
    var stack = field('filter-stack').value, text = field('filter-text').value.toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var keep = (!severity || row.getAttribute('data-severity') === severity) &&
        (!rule || row.getAttribute('data-rule') === rule) &&
        (!stack || row.getAttribute('data-stack') === stack) &&
        (!text || row.textContent.toLowerCase().indexOf(text) !== -1);
      row.hidden = !keep;
      if (keep) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' findings shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Nothing loads from anywhere; only this style and this script apply. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
