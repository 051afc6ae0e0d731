// First: outside jest it points n8n-workflow at the selected n8n line for all that follows.
import { lineCore } from './n8nLine';

import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestRequest,
	ICredentialType,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { credentialsHelperAdditionalData } from './http';

/**
 * Tests a credential the way n8n's server does when the user clicks "Test" (or saves it), for a
 * credential that declares a `test` request: n8n's `CredentialsTester.runRequestTest`
 * (packages/cli/src/services/credentials-tester.service.ts, the same in 1.123.81 and 2.41.1). It
 * builds a throwaway node whose one property routes the test request, runs it through the line's
 * own n8n-core (ExecuteContext, RoutingNode, the request helper), then reads the result as below.
 */
export async function testCredentialAsN8nDoes(
	credentialType: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test as ICredentialTestRequest;
	const credentials: ICredentialsDecrypted = { id: 'credential-1', name: 'Instantly account', type: credentialType.name, data };
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: NO_OP.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: { id: credentials.id, name: credentials.name } },
	};
	const nodeTypeCopy = {
		description: {
			...NO_OP.description,
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' },
			],
		},
	} as INodeType;
	const nodeTypes: INodeTypes = {
		getByName: () => nodeTypeCopy,
		getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(nodeTypeCopy, version),
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const inputData = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new lineCore.ExecuteContext(
		workflow,
		node,
		credentialsHelperAdditionalData(),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new lineCore.RoutingNode(context, nodeTypeCopy, credentials);

	let response: INodeExecutionData[][] | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		return failedTestResult(error as TestError, testRequest);
	} finally {
		lineCore.stopSshClientsManager();
	}
	return succeededTestResult(response, testRequest);
}

/** What n8n's tester reads of a thrown error. */
interface TestError {
	message: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

/*
 * The next two functions are n8n's `runRequestTest` result logic, line for line (n8n has it inline in
 * packages/cli/src/services/credentials-tester.service.ts, which cannot be loaded outside n8n's
 * server). n8n 1.x's errors carry no `cause`, so there only the last branch (the message) is reached.
 */
function failedTestResult(error: TestError, { rules }: ICredentialTestRequest): INodeCredentialTestResult {
	if (error.cause?.response) {
		const statusCode = error.cause.response.status;
		for (const rule of rules ?? []) {
			if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		if (statusCode < 199 || statusCode > 299) {
			return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: error.message.toString() };
}

function succeededTestResult(
	response: INodeExecutionData[][] | undefined,
	{ rules }: ICredentialTestRequest,
): INodeCredentialTestResult {
	for (const rule of rules ?? []) {
		if (rule.type === 'responseSuccessBody' && valueAt(response![0][0].json, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash `get` for the dotted keys rules use. */
function valueAt(source: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((value, part) => {
		if (value === null || value === undefined) return undefined;
		return (value as Record<string, unknown>)[part];
	}, source);
}

/** The node n8n runs a credential's own test request with (n8n-nodes-base.noOp); only its name and version matter. */
const NO_OP = {
	description: {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	},
} as unknown as INodeType;
