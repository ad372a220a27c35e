// Checks the JSON Schemas in docs/schema/ against the fixtures in tests/fixtures/:
// every file in valid/ must pass the schema named by its "format", and every file in
// invalid-schema/ must fail it. Prints one line per file and a summary line, and exits non-zero
// on any failure. (tests/fixtures_parse.rs checks the same valid files against the Rust reader.)
//
// Usage: node tools/check-schema.mjs   (needs the dev dependencies ajv and ajv-formats)

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = join(root, "docs", "schema");
const fixtureDir = join(root, "tests", "fixtures");

// Load every schema; each one says which document it describes through its `format` constant.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schemaByFormat = new Map();
for (const name of jsonFiles(schemaDir)) {
  const schema = JSON.parse(readFileSync(join(schemaDir, name), "utf8"));
  ajv.addSchema(schema); // also checks the schema against the draft 2020-12 meta-schema
  const format = schema.properties?.format?.const;
  if (typeof format !== "string") {
    throw new Error(`${name}: no properties.format.const, so no document can be matched to it`);
  }
  schemaByFormat.set(format, schema.$id);
}

let passed = 0;
let failed = 0;
function report(ok, file, detail) {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? "ok  " : "FAIL"} ${relative(root, file)}: ${detail}`);
}

for (const [folder, expectValid] of [["valid", true], ["invalid-schema", false]]) {
  const dir = join(fixtureDir, folder);
  const names = jsonFiles(dir);
  if (names.length === 0) report(false, dir, "no .json files found");
  for (const name of names) {
    const file = join(dir, name);
    let document;
    try {
      document = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
    } catch (error) {
      report(false, file, `not JSON (${error.message})`);
      continue;
    }
    // An invalid fixture must still name a known format: it is meant to test a schema rule, not
    // to fail because no schema applies.
    const schemaId = schemaByFormat.get(document?.format);
    if (schemaId === undefined) {
      report(false, file, `no schema for format ${JSON.stringify(document?.format)}`);
      continue;
    }
    const validate = ajv.getSchema(schemaId);
    const valid = validate(document);
    if (expectValid) {
      report(valid, file, valid ? `valid (${schemaId})` : `invalid (${schemaId}): ${describe(validate.errors)}`);
    } else {
      report(!valid, file, valid ? `accepted by ${schemaId} but should be rejected` : `rejected as expected: ${describe(validate.errors)}`);
    }
  }
}

console.log(`schema: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;

function jsonFiles(dir) {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
}

// The most specific errors: `anyOf`/`oneOf` summaries repeat what their branches already say.
function describe(errors) {
  const specific = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf");
  return (specific.length > 0 ? specific : errors)
    .slice(0, 3)
    .map((e) => `${e.instancePath || "/"} ${e.message}`)
    .join("; ");
}
