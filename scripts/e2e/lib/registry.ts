/**
 * A minimal npm registry on 127.0.0.1 for n8n's community-package installer: one package, the
 * versions given, and 404 for every other name (our package has no dependencies, so an install
 * that asks for anything else is a finding, recorded in `requests`).
 *
 * Serves what `npm pack <name>@<version>`, `npm view` and n8n's own version check read:
 * `GET /<name>` (the packument), `GET /<name>/<version|dist-tag>` (one manifest) and
 * `GET /<name>/-/<name>-<version>.tgz` (the tarball, with `dist.shasum` and `dist.integrity`).
 * As an HTTPS proxy it refuses every CONNECT (recorded too).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** One version the registry serves. */
export interface RegistryVersion {
	/** Contents of `package/package.json` inside the tarball. */
	manifest: Record<string, unknown> & { name: string; version: string };
	tarball: Buffer;
}

/** A request the registry answered. */
export interface RegistryRequest {
	method: string;
	url: string;
	status: number;
}

/** A running local registry. */
export interface LocalRegistry {
	readonly url: string;
	readonly requests: RegistryRequest[];
	close(): Promise<void>;
}

/** Reads an `npm pack` tarball. */
export function readPackedVersion(tgzPath: string): RegistryVersion {
	const tarball = readFileSync(tgzPath);
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', resolve(tgzPath), 'package/package.json'], { encoding: 'utf8' }));
	return { manifest, tarball };
}

/**
 * The same package under another version number: the tarball unpacked, its package.json's
 * `version` replaced, packed again (what publishing a patch release without code changes gives).
 */
export function reversion(packed: RegistryVersion, version: string): RegistryVersion {
	const staging = mkdtempSync(join(tmpdir(), 'n8n-e2e-registry-'));
	try {
		const source = join(staging, 'in.tgz');
		writeFileSync(source, packed.tarball);
		execFileSync('tar', ['-xzf', source, '-C', staging]);
		const manifest = { ...packed.manifest, version };
		writeFileSync(join(staging, 'package', 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		const target = join(staging, 'out.tgz');
		execFileSync('tar', ['-czf', target, '-C', staging, 'package']);
		return { manifest, tarball: readFileSync(target) };
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}

/** Starts the registry on a free port; `latest` is the last version given. */
export async function startLocalRegistry(versions: RegistryVersion[]): Promise<LocalRegistry> {
	if (versions.length === 0) throw new Error('the local registry needs at least one version');
	const name = versions[0].manifest.name;
	const requests: RegistryRequest[] = [];
	let url = '';
	const tarballPath = (version: string) => `/${name}/-/${name.split('/').pop()}-${version}.tgz`;
	const byVersion = new Map(versions.map((entry) => [entry.manifest.version, entry]));
	const latest = versions[versions.length - 1].manifest.version;
	const versionManifest = ({ manifest, tarball }: RegistryVersion) => ({
		...manifest,
		_id: `${name}@${manifest.version}`,
		dist: {
			tarball: `${url}${tarballPath(manifest.version)}`,
			shasum: createHash('sha1').update(tarball).digest('hex'),
			integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
		},
	});
	const packument = () => ({
		_id: name,
		name,
		'dist-tags': { latest },
		versions: Object.fromEntries(versions.map((entry) => [entry.manifest.version, versionManifest(entry)])),
	});

	const answer = (request: IncomingMessage, response: ServerResponse, status: number, body: Buffer | string, type: string) => {
		requests.push({ method: request.method ?? '', url: request.url ?? '', status });
		response.writeHead(status, { 'content-type': type });
		response.end(body);
	};
	const server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', 'http://registry').pathname);
		const json = (value: unknown) => answer(request, response, 200, JSON.stringify(value), 'application/json');
		const notFound = () => answer(request, response, 404, JSON.stringify({ error: 'Not found' }), 'application/json');
		if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
		if (path === `/${name}`) return json(packument());
		const tarball = versions.find((entry) => path === tarballPath(entry.manifest.version));
		if (tarball) return answer(request, response, 200, tarball.tarball, 'application/octet-stream');
		if (path.startsWith(`/${name}/`)) {
			const spec = path.slice(name.length + 2);
			const entry = byVersion.get(spec === 'latest' ? latest : spec);
			return entry ? json(versionManifest(entry)) : notFound();
		}
		return notFound();
	});
	// Also the HTTPS proxy of the n8n under test: every tunnel is refused, so nothing it runs reaches
	// beyond 127.0.0.1 (n8n asks api.n8n.io whether a package is banned and installs when it cannot).
	server.on('connect', (request, socket) => {
		requests.push({ method: 'CONNECT', url: request.url ?? '', status: 403 });
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => done());
	});
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		},
	};
}
