import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Name and version read from a package.json. */
export interface PackageInfo {
	name: string;
	version: string;
}

/** Runs `npm pack` in a package folder and returns the absolute path of the tarball written to outDir. */
export function packPackage(packageDir: string, outDir: string): string {
	mkdirSync(outDir, { recursive: true });
	const output = execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(outDir)], {
		cwd: packageDir,
		encoding: 'utf8',
	});
	const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
	return join(resolve(outDir), filename);
}

/**
 * Extracts an `npm pack` tarball into `<userFolder>/.n8n/nodes/node_modules/<name>`, where n8n
 * loads community packages from; a real copy, so n8n's own n8n-workflow is the one resolved.
 */
export function installPackageTarball(userFolder: string, tgzPath: string): PackageInfo {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const staging = mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
	try {
		execFileSync('tar', ['-xzf', resolve(tgzPath), '-C', staging]);
		const extracted = join(staging, 'package');
		const info = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8')) as PackageInfo;
		const target = join(nodesDir, 'node_modules', info.name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(resolve(target, '..'), { recursive: true });
		renameSync(extracted, target);
		writeNodesManifest(nodesDir, info);
		return { name: info.name, version: info.version };
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/** Mirrors the package.json that n8n's own community-package installer keeps in the nodes folder. */
function writeNodesManifest(nodesDir: string, info: PackageInfo): void {
	const manifestPath = join(nodesDir, 'package.json');
	let manifest: { name: string; private: boolean; dependencies: Record<string, string> };
	try {
		manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
	} catch {
		manifest = { name: 'installed-nodes', private: true, dependencies: {} };
	}
	manifest.dependencies = { ...manifest.dependencies, [info.name]: info.version };
	writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
