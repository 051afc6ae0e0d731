import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: JsonSchema;
}

interface OpenApiOperation {
	operationId?: string;
	description?: string;
	parameters?: OpenApiParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
	responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

interface OpenApiDocument {
	paths: Record<string, Record<string, OpenApiOperation>>;
	components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
	method: string;
	template: string;
	operationId: string;
	scopes: string[];
	spec: OpenApiOperation;
	segments: string[];
	literalCount: number;
}

export interface RouteMatch {
	operation: Operation;
	params: Record<string, string>;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const DOCUMENT_BASE = 'https://instantly.simulator/openapi.json';
const SCOPE_SENTENCE = /Requires one of the following scopes:([^\n]*)/g;

export const OPENAPI_PATH = join(__dirname, 'openapi', 'api_v2.json');

// A few descriptions say it twice, first with the narrow scope alone (`POST /email-verification`),
// then with the `:all` forms; every scope named in any of them is accepted.
function declaredScopes(description: string | undefined): string[] {
	const sentences = [...(description ?? '').matchAll(SCOPE_SENTENCE)];
	return [...new Set(sentences.flatMap((sentence) => [...sentence[1].matchAll(/`([^`]+)`/g)].map((match) => match[1])))];
}

function firstSegment(template: string): string {
	return template.split('/')[3] ?? '';
}

const ACTION_BY_METHOD: Record<string, string> = {
	GET: 'read',
	POST: 'create',
	PUT: 'update',
	PATCH: 'update',
	DELETE: 'delete',
};

// About 30 operations list no scope. Instantly's scopes are per resource (`leads:read`,
// `campaigns:all`…), so such an operation is given its resource's scope, learned from sibling
// operations under the same first path segment.
function inferScopes(operations: Operation[]): void {
	const resourceBySegment = new Map<string, string>();
	for (const operation of operations) {
		const resourceScope = operation.scopes.find((scope) => !scope.startsWith('all:'));
		if (resourceScope) resourceBySegment.set(firstSegment(operation.template), resourceScope.split(':')[0]);
	}
	for (const operation of operations) {
		if (operation.scopes.length > 0) continue;
		const resource = resourceBySegment.get(firstSegment(operation.template));
		const action = ACTION_BY_METHOD[operation.method];
		operation.scopes = resource
			? [`${resource}:${action}`, `${resource}:all`, `all:${action}`, 'all:all']
			: [`all:${action}`, 'all:all'];
	}
}

function rewriteRefs(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(rewriteRefs);
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		copy[key] = key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? DOCUMENT_BASE + inner : rewriteRefs(inner);
	}
	return copy;
}

/** Fastify's wording: `body/leads/0/email must be string`. */
export function fastifyMessage(dataVar: string, errors: ErrorObject[] | null | undefined): string {
	const error = errors?.[0];
	if (!error) return `${dataVar} is invalid`;
	return `${dataVar}${error.instancePath} ${error.message ?? 'is invalid'}`;
}

function createAjv(coerceTypes: false | 'array'): Ajv2020 {
	const ajv = new Ajv2020({ strict: false, allErrors: false, coerceTypes, useDefaults: coerceTypes !== false, validateSchema: false });
	addFormats(ajv);
	return ajv;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `event_type` enum of a webhook subscription: every standard event Instantly delivers. */
function webhookEventTypes(document: OpenApiDocument): string[] {
	const properties = document.components.schemas.Webhook?.properties;
	const eventType = isObject(properties) ? properties.event_type : undefined;
	const values = isObject(eventType) ? eventType.enum : undefined;
	if (!Array.isArray(values)) throw new Error('The OpenAPI document has no Webhook.event_type enum');
	return values.filter((value): value is string => typeof value === 'string');
}

export class OpenApiCatalog {
	readonly operations: Operation[];
	readonly webhookEventTypes: readonly string[];
	private readonly document: OpenApiDocument;
	private readonly requestAjv = createAjv(false);
	private readonly parameterAjv = createAjv('array');
	private readonly responseAjv = createAjv(false);
	private readonly validators = new Map<string, ValidateFunction>();

	constructor(documentPath = OPENAPI_PATH) {
		this.document = JSON.parse(readFileSync(documentPath, 'utf8')) as OpenApiDocument;
		this.webhookEventTypes = webhookEventTypes(this.document);
		const components = { $id: DOCUMENT_BASE, components: this.document.components };
		for (const ajv of [this.requestAjv, this.parameterAjv, this.responseAjv]) ajv.addSchema(components);
		this.operations = [];
		for (const [template, pathItem] of Object.entries(this.document.paths)) {
			for (const [method, spec] of Object.entries(pathItem)) {
				if (!HTTP_METHODS.includes(method)) continue;
				const segments = template.split('/').filter(Boolean);
				this.operations.push({
					method: method.toUpperCase(),
					template,
					operationId: spec.operationId ?? `${method} ${template}`,
					scopes: declaredScopes(spec.description),
					spec,
					segments,
					literalCount: segments.filter((segment) => !segment.startsWith('{')).length,
				});
			}
		}
		inferScopes(this.operations);
		// Literal segments win over templated ones: /leads/list before /leads/{id}.
		this.operations.sort((a, b) => b.literalCount - a.literalCount);
	}

	/** Finds the operation for a concrete path; `pathExists` tells 404 from 405-like misses. */
	match(method: string, path: string): { match?: RouteMatch; pathExists: boolean } {
		const parts = path.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
		let pathExists = false;
		for (const operation of this.operations) {
			const params = matchSegments(operation.segments, parts);
			if (!params) continue;
			pathExists = true;
			if (operation.method === method) return { match: { operation, params }, pathExists };
		}
		return { pathExists };
	}

	find(method: string, template: string): Operation | undefined {
		return this.operations.find((operation) => operation.method === method && operation.template === template);
	}

	/** Returns a Fastify-style message, or undefined when the parameters are valid. Coerces in place. */
	validateParameters(operation: Operation, location: 'path' | 'query', values: Record<string, unknown>): string | undefined {
		const validate = this.cached(`${operation.operationId}:${location}`, () => {
			const parameters = (operation.spec.parameters ?? []).filter((parameter) => parameter.in === location);
			const schema = {
				type: 'object',
				properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, rewriteRefs(parameter.schema ?? {})])),
				required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
				additionalProperties: false,
			};
			return this.parameterAjv.compile(schema);
		});
		if (validate(values)) return undefined;
		return fastifyMessage(location === 'path' ? 'params' : 'querystring', validate.errors);
	}

	requestBodySchema(operation: Operation): JsonSchema | undefined {
		return operation.spec.requestBody?.content?.['application/json']?.schema;
	}

	bodyIsRequired(operation: Operation): boolean {
		const schema = this.requestBodySchema(operation);
		return Boolean(operation.spec.requestBody?.required) && schema !== undefined && schema.type !== 'null';
	}

	validateBody(operation: Operation, body: unknown): string | undefined {
		const schema = this.requestBodySchema(operation);
		if (!schema) return 'body must be empty: this operation takes no request body';
		const validate = this.cached(`${operation.operationId}:body`, () => this.requestAjv.compile(rewriteRefs(schema) as JsonSchema));
		if (validate(body)) return undefined;
		return fastifyMessage('body', validate.errors);
	}

	/** Checks a response against the document; undefined when valid or when the spec has no schema for it. */
	validateResponse(operation: Operation, status: number, body: unknown): string | undefined {
		const schema = operation.spec.responses?.[String(status)]?.content?.['application/json']?.schema;
		if (!schema) return undefined;
		const validate = this.cached(`${operation.operationId}:response:${status}`, () =>
			this.responseAjv.compile(rewriteRefs(schema) as JsonSchema),
		);
		if (validate(body)) return undefined;
		return fastifyMessage('response', validate.errors);
	}

	private cached(key: string, compile: () => ValidateFunction): ValidateFunction {
		let validate = this.validators.get(key);
		if (!validate) {
			validate = compile();
			this.validators.set(key, validate);
		}
		return validate;
	}
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
	if (template.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < template.length; index++) {
		const segment = template[index];
		if (segment.startsWith('{')) params[segment.slice(1, -1)] = parts[index];
		else if (segment !== parts[index]) return undefined;
	}
	return params;
}

let sharedCatalog: OpenApiCatalog | undefined;

/** The document is 3.9 MB; parse it once per process. */
export function openApiCatalog(): OpenApiCatalog {
	sharedCatalog ??= new OpenApiCatalog();
	return sharedCatalog;
}
