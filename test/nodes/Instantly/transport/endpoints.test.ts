import { readFileSync } from 'fs';
import path from 'path';

import { acceptedScopes, endpoints, resolvePath } from '../../../../nodes/Instantly/transport/endpoints';
import { PACKAGE_VERSION } from '../../../../nodes/Instantly/transport/version';
import { OPENAPI_PATH } from '../../../../simulator';

interface OpenApiOperation {
	description?: string;
	requestBody?: { content?: Record<string, { schema?: { type?: unknown } }> };
}

const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as { paths: Record<string, Record<string, OpenApiOperation>> };

describe.each(Object.entries(endpoints))('endpoint %s', (_name, endpoint) => {
	const operation = document.paths[endpoint.path]?.[endpoint.method.toLowerCase()];

	it('exists in Instantly\'s OpenAPI document', () => {
		expect(operation).toBeDefined();
	});

	it('names a scope the document accepts (or the document names none)', () => {
		// A description may name its scopes twice (`POST /email-verification`); each scope counts once.
		const listed = [...new Set([...(operation?.description ?? '').matchAll(/`([\w-]+:\w+)`/g)].map((m) => m[1]))];
		if (listed.length > 0) expect(listed).toEqual(acceptedScopes(endpoint.scope));
		else expect(endpoint.scope).toMatch(/^[\w-]+:(read|create|update|delete)$/);
	});

	it('sends a body exactly when the document declares a JSON object body', () => {
		const schemaType = operation?.requestBody?.content?.['application/json']?.schema?.type;
		expect(endpoint.hasBody).toBe(schemaType === 'object');
	});
});

describe('resolvePath', () => {
	it('URI-encodes path parameters', () => {
		expect(resolvePath('/api/v2/accounts/{email}', { email: 'a b+c?@x.io' })).toBe(
			'/api/v2/accounts/a%20b%2Bc%3F%40x.io',
		);
	});

	it.each(['.', '..', ' .. ', '', '   ', 'a/b', '../campaigns', 'a\\b'])(
		'refuses %j, which would reach another path after URL normalisation',
		(id) => {
			expect(() => resolvePath('/api/v2/emails/threads/{thread_id}/mark-as-read', { thread_id: id })).toThrow(
				/Path parameter "thread_id" .* is not a valid ID/,
			);
		},
	);

	it('refuses a template with a missing parameter', () => {
		expect(() => resolvePath('/api/v2/leads/{id}', {})).toThrow('Missing path parameter "id"');
	});
});

describe('PACKAGE_VERSION', () => {
	it('matches package.json, since the User-Agent carries it', () => {
		const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8'));
		expect(PACKAGE_VERSION).toBe(pkg.version);
	});
});
