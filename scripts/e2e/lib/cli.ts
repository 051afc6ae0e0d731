import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { n8nEnv, n8nInstall, type N8nInstanceOptions } from './n8n';
import { spawnTracked, waitForExit } from './processes';

/** Runs one n8n CLI command (n8n must be stopped: the CLI boots its own instance) and returns its output. */
async function runN8nCli(options: N8nInstanceOptions, args: string[]): Promise<string> {
	const install = n8nInstall(options.version);
	mkdirSync(options.userFolder, { recursive: true });
	const log = createWriteStream(join(options.userFolder, 'n8n-cli.log'), { flags: 'a' });
	log.write(`\n===== n8n ${args.join(' ')} at ${new Date().toISOString()} =====\n`);
	const child = spawnTracked(install.nodeBin, [install.n8nBin, ...args], {
		cwd: options.userFolder,
		env: n8nEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk.toString();
		log.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const code = await waitForExit(child);
	log.end();
	if (code !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`);
	return output;
}

/** Imports credentials from a JSON file (a plain `data` object is encrypted with the e2e key). */
export async function importCredentials(options: N8nInstanceOptions, file: string): Promise<void> {
	await runN8nCli(options, ['import:credentials', `--input=${file}`]);
}

/** Imports a workflow JSON file; give the fixture a fixed `id` to address it afterwards. */
export async function importWorkflow(options: N8nInstanceOptions, file: string): Promise<void> {
	await runN8nCli(options, ['import:workflow', `--input=${file}`]);
}

