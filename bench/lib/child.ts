/* One repetition of one benchmark case, in its own process: `child.ts <bench file> <case id> <rep>`. */
import { writeFileSync } from 'node:fs';

import { load } from './measure';
import type { Bench } from './types';

async function main() {
	const [file, caseId, rep] = process.argv.slice(2);
	const bench = (await import(file)).default as Bench;
	const benchCase = bench.cases.find((candidate) => candidate.id === caseId);
	if (!benchCase) throw new Error(`no case ${caseId} in ${file}`);
	const loadBefore = load();
	const metrics = await benchCase.run(Number(rep));
	writeFileSync(process.env.BENCH_OUT!, JSON.stringify({ ...metrics, loadBefore, loadAfter: load() }));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
