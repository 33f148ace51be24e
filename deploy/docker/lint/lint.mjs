// Prints every problem dockerfile-utils finds in the Dockerfile given as the argument, one per
// line as "line N: message", and exits 1 when there is any.
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';

const file = process.argv[2];
const problems = validate(readFileSync(file, 'utf8'), {});
for (const p of problems) {
  console.log(`line ${p.range.start.line + 1}: ${p.message}`);
}
console.log(`${problems.length} problem(s) in ${file}`);
process.exit(problems.length === 0 ? 0 : 1);
