// validate.mjs SCHEMA FILE... — checks each SARIF log against the schema
// with ajv (JSON Schema draft-07, as the SARIF 2.1.0 schema declares) and
// ajv-formats (its "uri", "uri-reference" and "date-time" formats). Prints
// one line per file; exits 1 when any file is not valid, 2 on bad usage.
// The schema is OASIS's own (sarif-schema-2.1.0.json beside this file, from
// oasis-tcs/sarif-spec, Documents/CommitteeSpecifications/2.1.0/). ajv's
// strict mode, a lint of schemas, rejects its anyOf-of-required style, so it
// is off; validation itself is the same.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile || files.length === 0) {
  console.error("usage: node validate.mjs SCHEMA FILE...");
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
let failed = 0;
for (const file of files) {
  if (validate(JSON.parse(readFileSync(file, "utf8")))) {
    console.log(`valid: ${file}`);
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || "/"} ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
