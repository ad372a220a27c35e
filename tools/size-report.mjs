// Measures what a visitor downloads from the release build in dist/: each file raw and gzipped,
// grouped by kind, against the budget in PRODUCT.md (total shipped ≤ 250 KB gzip).
//   node tools/size-report.mjs            print the table
//   node tools/size-report.mjs --check    also fail when over budget
//   node tools/size-report.mjs --write docs/perf.md   rewrite the size section of docs/perf.md
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join, relative, extname } from "node:path";
import { gzipSync } from "node:zlib";
import { execSync } from "node:child_process";
import os from "node:os";

const BUDGET_GZIP = 250 * 1024;
const dist = "dist";
if (!existsSync(join(dist, "index.html"))) {
  console.error("size-report: dist/index.html not found — run `make dist` first");
  process.exit(1);
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const kinds = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" };
const rows = [];
for (const path of walk(dist)) {
  const name = relative(dist, path);
  if (name === "404.html") continue; // same bytes as index.html, only fetched for deep links
  const bytes = readFileSync(path);
  rows.push({ name, kind: kinds[extname(path)] ?? "other", raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
rows.sort((a, b) => b.gzip - a.gzip);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const byKind = {};
for (const r of rows) {
  byKind[r.kind] ??= { raw: 0, gzip: 0 };
  byKind[r.kind].raw += r.raw;
  byKind[r.kind].gzip += r.gzip;
}
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

const lines = [];
lines.push("| kind | raw | gzip |", "|---|---:|---:|");
for (const kind of ["wasm", "js", "css", "html", "other"]) {
  if (byKind[kind]) lines.push(`| ${kind} | ${kb(byKind[kind].raw)} | ${kb(byKind[kind].gzip)} |`);
}
lines.push(`| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`);
lines.push("", `Budget: ${kb(BUDGET_GZIP)} gzip in total — ${total.gzip <= BUDGET_GZIP ? "within budget" : "OVER BUDGET"} (${((100 * total.gzip) / BUDGET_GZIP).toFixed(0)} %).`);
lines.push("", "| file | raw | gzip |", "|---|---:|---:|");
for (const r of rows) lines.push(`| \`${r.name.replace(/-[0-9a-f]{16}/, "-<hash>")}\` | ${kb(r.raw)} | ${kb(r.gzip)} |`);
const table = lines.join("\n");
console.log(table);

const args = process.argv.slice(2);
if (args[0] === "--write") {
  const target = args[1] ?? "docs/perf.md";
  let rustc = "unknown";
  try { rustc = execSync("rustc --version").toString().trim(); } catch {}
  const section = [
    "<!-- size:start (written by tools/size-report.mjs — do not edit by hand) -->",
    `Measured ${new Date().toISOString().slice(0, 10)} with ${rustc}, Trunk 0.21.14, wasm-opt 132 (\`-Oz\`), on ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}. Gzip level 9.`,
    "",
    table,
    "<!-- size:end -->",
  ].join("\n");
  let doc = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (doc.includes("<!-- size:start")) {
    doc = doc.replace(/<!-- size:start[\s\S]*?<!-- size:end -->/, section);
  } else {
    doc = `# Performance\n\nReproduce: \`make perf\` (release build, then \`node tools/size-report.mjs --write docs/perf.md\`).\n\n## Shipped size\n\n${section}\n${doc}`;
  }
  writeFileSync(target, doc);
  console.log(`size-report: wrote ${target}`);
}
if (args.includes("--check")) {
  const ok = total.gzip <= BUDGET_GZIP;
  console.log(`size budget: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
  if (!ok) process.exit(1);
}
