/** `npm run bench:compare -- before.json after.json`: compares two bench result files (see bench/README.md). */
import { readFileSync } from 'node:fs';
import { asBenchResult, compareResults, formatComparison } from '../bench/compare';

function main(argv: readonly string[]): number {
  const [beforePath, afterPath] = argv;
  if (!beforePath || !afterPath || argv.length !== 2) {
    console.error('usage: npm run bench:compare -- <before.json> <after.json>');
    return 2;
  }
  try {
    const before = asBenchResult(JSON.parse(readFileSync(beforePath, 'utf8')), beforePath);
    const after = asBenchResult(JSON.parse(readFileSync(afterPath, 'utf8')), afterPath);
    const rows = compareResults(before, after);
    console.log(formatComparison(before, after, rows));
    return rows.some((row) => row.verdict === 'worse') ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
