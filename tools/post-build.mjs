// Trunk post-build hook: puts the sha256 of every inline <script> (Trunk's module loader) into the
// Content-Security-Policy, so that no other inline script can run, and writes 404.html — a copy of
// index.html — so that static hosts serve deep links such as /data.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}'`);
}
if (!html.includes("'INLINE-SCRIPT-HASHES'")) {
  console.error("post-build: the CSP placeholder 'INLINE-SCRIPT-HASHES' is missing from index.html");
  process.exit(1);
}
html = html.replaceAll("'INLINE-SCRIPT-HASHES'", hashes.join(" "));
writeFileSync(file, html);
writeFileSync(join(dir, "404.html"), html);
console.log(`post-build: CSP allows ${hashes.length} inline script(s); 404.html written`);
