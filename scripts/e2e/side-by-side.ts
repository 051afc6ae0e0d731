/**
 * Our package next to the older Instantly community package, n8n-nodes-instantly, in one n8n: both
 * tarballs go into the same nodes folder, n8n starts, and its type lists (as the editor reads them,
 * with the owner's cookie) must show both packages' nodes, each node asking for its own package's
 * credential type, and those types distinct and listed exactly once. Before the rename both
 * packages defined `instantlyApi`: n8n listed it twice and one silently replaced the other.
 *
 * The older package is not on npm; scripts/e2e/install-older-package.sh builds it from its public
 * source into the e2e cache. Without that build the check is recorded as skipped with the reason,
 * never as passed.
 *
 * Usage: tsx scripts/e2e/side-by-side.ts --tarball ours.tgz [--older older.tgz] [--version 2.41.1]
 *        [--port N] [--out results.json] [--older-build-failed build.log]
 * (`--older-build-failed`: the build was attempted from a source and failed; the check fails.)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { InstantlyAiApi } from '../../credentials/InstantlyAiApi.credentials';
import { PACKAGE_NAME, REPO_ROOT } from './lib/instantly';
import { freshUserFolder, installN8n, startN8nHost, type N8nHost } from './lib/host';
import { e2eCacheDir, N8N_VERSIONS } from './lib/n8n';
import { stopAllProcesses } from './lib/processes';
import type { N8nRestClient } from './lib/rest';
import type { CheckResult, LineResult } from './lib/checks';

const CHECK_NAME = 'side by side with n8n-nodes-instantly: both load, two distinct credential types, each listed once';
/** Where install-older-package.sh leaves its build. */
const OLDER_TARBALL = join(e2eCacheDir(), 'older-n8n-nodes-instantly', 'package.tgz');
/** Clear of the scenario's ports (5731, 5741, 5811-5816) and their runner brokers (+1). */
const DEFAULT_PORT = 5761;

interface Args {
	version: string;
	port: number;
	tarball: string;
	older: string;
	out: string;
	olderBuildLog?: string;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const label = `${args.version}-side-by-side`;
	const started = Date.now();
	const timings: Record<string, number> = {};
	const result: LineResult = { version: label, checks: [], timings };
	if (args.olderBuildLog) {
		result.checks.push({
			line: label,
			name: CHECK_NAME,
			status: 'failed',
			durationMs: 0,
			error: `building the older package from its source failed; see ${args.olderBuildLog}`,
		});
	} else if (!existsSync(args.older)) {
		result.checks.push({
			line: label,
			name: CHECK_NAME,
			status: 'skipped',
			durationMs: 0,
			error: `the older package's build is absent (${args.older}); build it with scripts/e2e/install-older-package.sh (OLDER_INSTANTLY_SOURCE=<checkout of github.com/bcharleson/n8n-nodes-instantly>)`,
		});
	} else {
		let host: N8nHost | undefined;
		try {
			timings.installMs = await installN8n(args.version);
			const userFolder = join(REPO_ROOT, '.e2e', `scenario-${label}`);
			const [ours, older] = freshUserFolder(userFolder, [args.tarball, args.older]);
			console.log(`[side-by-side] installed ${ours.name}@${ours.version} and ${older.name}@${older.version} into ${userFolder}/.n8n/nodes`);
			const at = Date.now();
			host = await startN8nHost({ version: args.version, port: args.port, userFolder });
			timings.startMs = Date.now() - at;
			const { main, rest } = host;
			result.checks.push(await runCheck(label, async () => await assertSideBySide(rest, older.name, main.logFile)));
		} catch (error) {
			console.error(error);
			result.runtimeError = error instanceof Error ? error.message : String(error);
		} finally {
			await host?.stop();
			await stopAllProcesses();
		}
	}
	timings.totalMs = Date.now() - started;
	for (const check of result.checks) {
		const mark = { passed: '✓', failed: '✗', skipped: '-' }[check.status];
		console.log(`[side-by-side] ${mark} ${check.name}${check.status === 'passed' ? '' : ` (${check.status}): ${check.error}`}`);
	}
	mkdirSync(dirname(args.out), { recursive: true });
	writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
	if (result.runtimeError || result.checks.some((check) => check.status === 'failed')) process.exitCode = 1;
}

async function runCheck(line: string, body: () => Promise<void>): Promise<CheckResult> {
	const started = Date.now();
	try {
		await body();
		return { line, name: CHECK_NAME, status: 'passed', durationMs: Date.now() - started };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { line, name: CHECK_NAME, status: 'failed', durationMs: Date.now() - started, error: message };
	}
}

/**
 * Each package's nodes name their credential types in nodes.json; credentials.json lists the types
 * n8n loaded. Every problem found is reported, not only the first.
 */
async function assertSideBySide(rest: N8nRestClient, olderPackage: string, logFile: string): Promise<void> {
	const nodeTypes = await rest.nodeTypes();
	const credentialNames = (await rest.credentialTypes()).map((type) => type.name);
	const problems: string[] = [];
	const credentialsOf = (packageName: string) => {
		const nodes = nodeTypes.filter((type) => type.name.startsWith(`${packageName}.`));
		if (nodes.length === 0) problems.push(`nodes.json has no node of ${packageName} (n8n's log: ${logFile})`);
		return new Set(nodes.flatMap((type) => (type.credentials ?? []).map((credential) => credential.name)));
	};
	const ours = credentialsOf(PACKAGE_NAME);
	const older = credentialsOf(olderPackage);
	const shared = [...older].filter((name) => ours.has(name));
	if (shared.length > 0) problems.push(`both packages' nodes ask for the credential type ${shared.join(', ')}`);
	for (const name of new Set([...ours, ...older])) {
		const listed = credentialNames.filter((candidate) => candidate === name).length;
		if (listed !== 1) problems.push(`credentials.json lists ${name} ${listed} times, expected once`);
	}
	const ourType = new InstantlyAiApi().name;
	if (ours.size !== 1 || !ours.has(ourType)) problems.push(`${PACKAGE_NAME}'s nodes ask for ${[...ours].join(', ') || 'nothing'}, not ${ourType}`);
	if (older.size === 0) problems.push(`${olderPackage}'s nodes ask for no credential type`);
	if (problems.length > 0) throw new Error(problems.join('; '));
}

function parseArgs(argv: string[]): Args {
	const value = (flag: string) => {
		const index = argv.indexOf(flag);
		return index === -1 ? undefined : argv[index + 1];
	};
	const tarball = value('--tarball');
	if (!tarball) throw new Error('--tarball <our packed .tgz> is required (npm run build && npm pack)');
	const port = value('--port');
	const version = value('--version') ?? N8N_VERSIONS.current;
	return {
		version,
		port: port ? Number(port) : DEFAULT_PORT,
		tarball: resolve(tarball),
		older: resolve(value('--older') ?? OLDER_TARBALL),
		out: resolve(value('--out') ?? join(REPO_ROOT, '.e2e', `result-${version}-side-by-side.json`)),
		olderBuildLog: value('--older-build-failed'),
	};
}

if (require.main === module) {
	main().catch(async (error) => {
		console.error(error);
		await stopAllProcesses();
		process.exitCode = 1;
	});
}
