// First: outside jest it points n8n-workflow at the selected n8n line for all that follows.
import { lineCore } from './n8nLine';
import { parse as parseQueryString } from 'node:querystring';

import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
	Workflow,
} from 'n8n-workflow';

import { NodeHelpers } from 'n8n-workflow';

import type { InstantlyCredentials } from './http';
import { credentialsHelperAdditionalData } from './http';

/** A parameter value, or a function of the item standing in for an expression like `{{$json.email}}`. */
export type ParameterValue = unknown | ((item: INodeExecutionData, itemIndex: number) => unknown);

export interface ContextOptions {
	nodeType: INodeType;
	credentials: InstantlyCredentials;
	parameters: Record<string, ParameterValue>;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	staticData?: IDataObject;
	webhookUrl?: string;
	mode?: 'manual' | 'trigger' | 'webhook';
	workflow?: { id: string; name: string };
	/** The workflow's time zone (n8n's default when the workflow sets none). */
	timezone?: string;
	/** Node version to run; defaults to the one n8n gives a newly added node. */
	typeVersion?: number;
}

export interface LoggedMessage {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

/** The parts every n8n function context shares, sending requests through the line's n8n-core. */
function baseContext(options: ContextOptions) {
	const items = options.items ?? [{ json: {} }];
	const { nodeType } = options;
	const expressions = new Map<string, (item: INodeExecutionData, itemIndex: number) => unknown>();
	const node: INode = {
		id: 'node-under-test',
		name: nodeType.description.displayName,
		type: `n8n-nodes-instantly-ai.${nodeType.description.name}`,
		typeVersion: options.typeVersion ?? defaultVersionOf(nodeType),
		position: [0, 0],
		parameters: {},
	};
	// As n8n's Workflow does on load: the defaults of every parameter displayed for these values
	// (show, hide and @version conditions), and nothing of the hidden ones.
	node.parameters =
		NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			withExpressionMarkers(options.parameters, expressions) as INodeParameters,
			true,
			false,
			node,
			nodeType.description,
		) ?? {};
	const logs: LoggedMessage[] = [];
	const log = (level: LoggedMessage['level']) => (message: string, meta?: unknown) =>
		logs.push({ level, message, meta });
	const staticData = options.staticData ?? {};

	const getNodeParameter = (
		name: string,
		itemIndex = 0,
		fallbackValue?: unknown,
		parameterOptions?: { extractValue?: boolean },
	) => {
		let value = resolveExpressions(lookup(node.parameters, name), expressions, items[itemIndex], itemIndex);
		if (value === undefined) {
			if (fallbackValue !== undefined) return fallbackValue;
			throw new Error(`Could not get parameter "${name}"`);
		}
		if (parameterOptions?.extractValue) value = lineCore.extractValue(value, name, node, nodeType, itemIndex);
		return structuredClone(value);
	};

	const requestHelpers = lineCore.getRequestHelperFunctions(
		{} as Workflow,
		node,
		credentialsHelperAdditionalData(),
	);
	return {
		logs,
		staticData,
		context: {
			getNode: () => node,
			getNodeParameter,
			getInputData: () => items,
			continueOnFail: () => options.continueOnFail ?? false,
			getMode: () => options.mode ?? 'manual',
			getWorkflow: () => ({ ...(options.workflow ?? { id: 'wf-1', name: 'Test workflow' }), active: true }),
			getWorkflowStaticData: () => staticData,
			getTimezone: () => options.timezone ?? 'America/New_York',
			getNodeWebhookUrl: () => options.webhookUrl,
			getCredentials: async () => ({ ...options.credentials }),
			logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
			helpers: {
				// n8n-core's own helper; the node calls it with itself as `this`, as inside n8n.
				httpRequestWithAuthentication: requestHelpers.httpRequestWithAuthentication,
				returnJsonArray: (data: IDataObject | IDataObject[]) =>
					(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
				constructExecutionMetaData: (
					executionItems: INodeExecutionData[],
					{ itemData }: { itemData: { item: number } | Array<{ item: number }> },
				) => executionItems.map((item) => ({ ...item, pairedItem: itemData })),
			},
		},
	};
}

export function executeContext(options: ContextOptions) {
	const { context, logs } = baseContext(options);
	return { context: context as unknown as IExecuteFunctions, logs };
}

export function loadOptionsContext(options: ContextOptions, currentParameters: IDataObject = {}) {
	const { context, logs } = baseContext(options);
	return {
		context: {
			...context,
			getCurrentNodeParameter: (name: string) => lookup(currentParameters, name),
			getCurrentNodeParameters: () => currentParameters,
		} as unknown as ILoadOptionsFunctions,
		logs,
	};
}

/**
 * As n8n's hook context: no input items, and parameters read without an item index (n8n resolves an
 * expression there with no input item).
 */
export function hookContext(options: ContextOptions) {
	const { context, logs, staticData } = baseContext({ ...options, items: [{ json: {} }] });
	const hook: Record<string, unknown> = {
		...context,
		getNodeParameter: (name: string, fallbackValue?: unknown, parameterOptions?: { extractValue?: boolean }) =>
			context.getNodeParameter(name, 0, fallbackValue, parameterOptions),
	};
	delete hook.getInputData;
	delete hook.continueOnFail;
	return { context: hook as unknown as IHookFunctions, logs, staticData };
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
}

export interface IncomingDelivery {
	headers: Record<string, string>;
	/** The request body exactly as sent. */
	rawBody: Buffer | string;
}

/** n8n refused the request before the node ran (it answers with this status). */
export class RejectedByN8n extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
	) {
		super(message);
	}
}

/** `parseContentType` (`parseIncomingMessage`: n8n-core in 1.123, @n8n/backend-network in 2.41): the type lower-cased, charset utf-8 unless given. */
function contentTypeOf(header: string | undefined) {
	if (!header) return { contentType: undefined, encoding: undefined };
	const [type, ...parameters] = header.split(';');
	const charset = parameters.map((parameter) => parameter.split('=')).find(([key]) => key.trim().toLowerCase() === 'charset')?.[1];
	return { contentType: type.toLowerCase(), encoding: (charset ?? 'utf-8').trim().replace(/^"|"$/g, '').toLowerCase() as BufferEncoding };
}

/**
 * The request object n8n hands a trigger's webhook(), built from the bytes sent, as n8n 1.123
 * and 2.41 do: `rawBodyReader` (content type, lazy `readRawBody`), then `parseRequestBody` of
 * cli `webhook-helpers`: version 1 start nodes always go through `parseBody`; later versions only
 * for JSON, text, form and XML types, so other or missing types leave `body` undefined and the
 * raw bytes unread. `parseBody`: JSON via `jsonParse` (failure: 422), text as a string, forms via
 * `querystring`, anything else left unparsed. The webhook route sits before n8n's general body
 * parser, so nothing fills `body` in later.
 */
async function n8nWebhookRequest(delivery: IncomingDelivery, typeVersion: number, headers: Record<string, string>) {
	const bytes = Buffer.isBuffer(delivery.rawBody) ? delivery.rawBody : Buffer.from(delivery.rawBody, 'utf8');
	const { contentType, encoding } = contentTypeOf(headers['content-type']);
	const request: { headers: Record<string, string>; method: string; contentType?: string; encoding?: BufferEncoding; body?: unknown; rawBody?: Buffer; readRawBody: () => Promise<void> } = {
		headers,
		method: 'POST',
		contentType,
		encoding,
		readRawBody: async () => {
			request.rawBody ??= bytes;
		},
	};
	if (contentType?.startsWith('multipart/') || contentType?.endsWith('/xml') || contentType?.endsWith('+xml')) {
		throw new Error(`The harness does not simulate n8n's ${contentType} parsing`);
	}
	const parsedFor = ['application/json', 'text/plain', 'application/x-www-form-urlencoded'];
	if (typeVersion > 1 && !parsedFor.some((type) => contentType?.startsWith(type))) return request;
	await request.readRawBody();
	if (bytes.length === 0) return request;
	const text = bytes.toString(encoding);
	// 2.41 strips a byte order mark from JSON and form bodies (1.123 does not: JSON with one gets a 422).
	const withoutBom = text.replace(/^\uFEFF/, '');
	if (contentType === 'application/json') {
		try {
			request.body = JSON.parse(withoutBom) as unknown;
		} catch (error) {
			throw new RejectedByN8n(422, `Failed to parse request body: ${(error as Error).message}`);
		}
	} else if (contentType === 'application/x-www-form-urlencoded') {
		request.body = parseQueryString(withoutBom, undefined, undefined, { maxKeys: 1000 });
	} else if (contentType === 'text/plain') {
		request.body = text;
	}
	return request;
}

/** A webhook() call for one incoming request, given as n8n receives it (headers and raw bytes). */
export async function webhookContext(options: ContextOptions, delivery: IncomingDelivery) {
	const { context, logs, staticData } = baseContext(options);
	const response: RecordedResponse = { ended: false };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		end(body?: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		setHeader: () => res,
	};
	const headers = Object.fromEntries(
		Object.entries(delivery.headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
	const request = await n8nWebhookRequest(delivery, options.typeVersion ?? 1, headers);
	return {
		context: {
			...context,
			getRequestObject: () => request,
			getResponseObject: () => res,
			getHeaderData: () => headers,
			getBodyData: () => request.body,
			getWebhookName: () => 'default',
		} as unknown as IWebhookFunctions,
		logs,
		staticData,
		response,
		request,
	};
}

/** Runs a node's execute() the way n8n does for one run, returning its first output. */
export async function runNode(options: ContextOptions) {
	const { context, logs } = executeContext(options);
	const output = await options.nodeType.execute!.call(context);
	return { items: (output as INodeExecutionData[][])[0] ?? [], logs };
}

export type WebhookResult = IWebhookResponseData & { response: RecordedResponse };

function lookup(source: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value === null || typeof value !== 'object') return undefined;
		return (value as Record<string, unknown>)[key];
	}, source);
}

/** The version n8n gives a node the user adds: `defaultVersion`, else the newest listed. */
function defaultVersionOf(nodeType: INodeType): number {
	const { version, defaultVersion } = nodeType.description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/**
 * Stands each test function (the stand-in for an expression) in for an `={{ … }}` string, which n8n
 * keeps as it is while resolving display conditions and defaults.
 */
function withExpressionMarkers(
	value: unknown,
	expressions: Map<string, (item: INodeExecutionData, itemIndex: number) => unknown>,
): unknown {
	if (typeof value === 'function') {
		const marker = `={{ harness expression ${expressions.size} }}`;
		expressions.set(marker, value as (item: INodeExecutionData, itemIndex: number) => unknown);
		return marker;
	}
	if (Array.isArray(value)) return value.map((entry) => withExpressionMarkers(entry, expressions));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, withExpressionMarkers(entry, expressions)]),
		);
	}
	return value;
}

/** Evaluates the expression stand-ins in a parameter value for one item, as n8n resolves expressions. */
function resolveExpressions(
	value: unknown,
	expressions: Map<string, (item: INodeExecutionData, itemIndex: number) => unknown>,
	item: INodeExecutionData,
	itemIndex: number,
): unknown {
	if (typeof value === 'string') {
		const expression = expressions.get(value);
		return expression ? expression(item, itemIndex) : value;
	}
	if (Array.isArray(value)) return value.map((entry) => resolveExpressions(entry, expressions, item, itemIndex));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolveExpressions(entry, expressions, item, itemIndex)]),
		);
	}
	return value;
}
