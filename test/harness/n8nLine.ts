import Module from 'node:module';
import { join } from 'node:path';

import type {
	CloseFunction,
	ICredentialsDecrypted,
	IExecuteData,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	IRunExecutionData,
	ITaskDataConnections,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { Container as DiContainer } from '@n8n/di';

import lines from './n8nLines.json';

/**
 * The n8n release line the nodes are driven through: `N8N_LINE=1` is n8n 1.123.81, anything else
 * n8n 2.41.1; n8nLines.json names the n8n-core and n8n-workflow each pins (aliased devDependencies).
 * Everything that loads `n8n-workflow` (our code, n8n-core, the harness) must get the line's one copy,
 * as inside n8n, and so must `@n8n/di`, or n8n-core 2.x registers its services in one container and
 * looks them up in another. jest.config.js maps both; outside jest (the bench) the resolve hook
 * below does, for every module loaded after this one.
 */
export const n8nLine: '1' | '2' = process.env.N8N_LINE === '1' ? '1' : '2';
const line = lines[n8nLine];
const modules = join(__dirname, '..', '..', 'node_modules');

if (process.env.JEST_WORKER_ID === undefined) {
	const redirects = new Map([
		['n8n-workflow', join(modules, line.workflow)],
		['@n8n/di', join(modules, line.di)],
	]);
	const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
	const resolveFilename = resolver._resolveFilename;
	resolver._resolveFilename = (request, ...rest) => resolveFilename(redirects.get(request) ?? request, ...rest);
}

const engine = `${line.core}/dist/execution-engine`;
const coreUtils = `${engine}/node-execution-context/utils`;

type RequestHelpers = Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;

interface LineCore {
	/** n8n-core's factory of `this.helpers.http*`, as every node context gets them. */
	getRequestHelperFunctions(
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
	): RequestHelpers;
	/** n8n-core's `getNodeParameter(..., { extractValue: true })` step. */
	extractValue(value: unknown, parameterName: string, node: INode, nodeType: INodeType, itemIndex?: number): unknown;
	/** n8n-core's context for a node's run, as n8n's credentials tester creates it. */
	ExecuteContext: new (
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
		runExecutionData: IRunExecutionData,
		runIndex: number,
		connectionInputData: INodeExecutionData[],
		inputData: ITaskDataConnections,
		executeData: IExecuteData,
		closeFunctions: CloseFunction[],
	) => IExecuteFunctions;
	/** n8n-core's runner of declarative (routing) requests, which runs a credential's `test` request. */
	RoutingNode: new (
		context: IExecuteFunctions,
		nodeType: INodeType,
		credentialsDecrypted?: ICredentialsDecrypted,
	) => { runNode(): Promise<INodeExecutionData[][] | undefined> };
	/**
	 * Stops n8n-core's SSH clients manager, which every ExecuteContext starts (for SSH tunnels) and
	 * n8n stops on shutdown; in n8n 1.x its cleanup interval would otherwise keep jest alive.
	 */
	stopSshClientsManager(): void;
}

// Required by name at run time: only the selected line's n8n-core is ever loaded.
const load = (path: string): unknown => require(path);

export const lineCore: LineCore = {
	getRequestHelperFunctions: (load(`${coreUtils}/request-helper-functions`) as Pick<LineCore, 'getRequestHelperFunctions'>)
		.getRequestHelperFunctions,
	extractValue: (load(`${coreUtils}/extract-value`) as Pick<LineCore, 'extractValue'>).extractValue,
	ExecuteContext: (load(`${engine}/node-execution-context/execute-context`) as Pick<LineCore, 'ExecuteContext'>)
		.ExecuteContext,
	RoutingNode: (load(`${engine}/routing-node`) as Pick<LineCore, 'RoutingNode'>).RoutingNode,
	stopSshClientsManager: () => {
		const { SSHClientsManager } = load(`${engine}/ssh-clients-manager`) as { SSHClientsManager: new () => { onShutdown(): void } };
		const { Container } = load('@n8n/di') as { Container: typeof DiContainer };
		Container.get(SSHClientsManager).onShutdown();
	},
};
