// First: outside jest it points n8n-workflow at the selected n8n line for all that follows.
import { lineCore } from './n8nLine';

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
	/** Node version to run; defaults to the one n8n gives a newly added node. */
	typeVersion?: number;
	/** Sets a request timeout on every request, as a timeout option of the node would. */
	requestTimeoutMs?: number;
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
	const httpRequestWithAuthentication: typeof requestHelpers.httpRequestWithAuthentication = async function (
		this: unknown,
		credentialsType,
		requestOptions,
		additionalCredentialOptions,
	) {
		if (options.requestTimeoutMs !== undefined) requestOptions.timeout = options.requestTimeoutMs;
		return await requestHelpers.httpRequestWithAuthentication.call(
			this as IExecuteFunctions,
			credentialsType,
			requestOptions,
			additionalCredentialOptions,
		);
	};

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
			getNodeWebhookUrl: () => options.webhookUrl,
			getCredentials: async () => ({ ...options.credentials }),
			logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
			helpers: {
				httpRequestWithAuthentication,
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

export function hookContext(options: ContextOptions) {
	const { context, logs, staticData } = baseContext(options);
	return { context: context as unknown as IHookFunctions, logs, staticData };
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
}

export interface IncomingDelivery {
	headers: Record<string, string>;
	body: unknown;
}

export function webhookContext(options: ContextOptions, delivery: IncomingDelivery) {
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
	return {
		context: {
			...context,
			getRequestObject: () => ({ headers, body: delivery.body, method: 'POST' }),
			getResponseObject: () => res,
			getHeaderData: () => headers,
			getBodyData: () => delivery.body,
			getWebhookName: () => 'default',
		} as unknown as IWebhookFunctions,
		logs,
		staticData,
		response,
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
