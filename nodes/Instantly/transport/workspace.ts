import type {
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INode,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { BY_NAME, foldName, listAndIdModes, listedNames, locatorParts, resourceId } from '../helpers/locator';
import type { Endpoint } from './endpoints';
import { endpoints } from './endpoints';

/**
 * An admin workspace's key acts inside an accepted member sub-workspace when the request carries
 * this header (Instantly's starter kit and SDK clients send it; the OpenAPI document does not say).
 */
export const ACTING_WORKSPACE_HEADER = 'x-as-workspace';

const OWN_WORKSPACE = 'own';
const CLIENT_WORKSPACE = 'client';
const LABEL = 'Client Workspace';

/**
 * The Workspace choice; `clientDescription` says how the Client Workspace field is read by the node
 * showing it (per item in an execution, once at activation in the trigger).
 */
function workspaceChoice(clientDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Workspace',
			name: 'workspace',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: "API Key's Own Workspace",
					value: OWN_WORKSPACE,
					description: 'Act in the workspace the API key belongs to',
				},
				{
					name: 'Client Workspace',
					value: CLIENT_WORKSPACE,
					description: "Act in a client workspace of the key's workspace group (the key must be the agency's admin workspace key)",
				},
			],
			default: OWN_WORKSPACE,
			description: 'Which Instantly workspace this node acts in',
		},
		{
			displayName: LABEL,
			name: 'clientWorkspace',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			displayOptions: { show: { workspace: [CLIENT_WORKSPACE] } },
			description: clientDescription,
			// A workspace has no page of its own in Instantly's app, so there is no link to paste.
			modes: [
				...listAndIdModes('Client Workspace', 'searchClientWorkspaces').modes,
				{ displayName: 'By Name', name: BY_NAME, type: 'string', placeholder: 'e.g. Acme Corp' },
			],
		},
	];
}

/** The Workspace choice, shown on every operation of the action node. */
export const workspaceProperties = workspaceChoice(
	"An accepted member of the API key's workspace group. An expression giving each item's sub_workspace_id (from Get Many Client Workspaces) lets one run act in many clients.",
);

/** The Workspace choice of the trigger, whose webhooks are registered in the chosen workspace. */
export const triggerWorkspaceProperties = workspaceChoice(
	"An accepted member of the API key's workspace group; the trigger's webhooks are registered there. An expression is resolved once, when the workflow is activated, with no input item: use a workflow variable, not $json.",
);

/** Anything the transport sends from: an execution, the editor's pickers, or the trigger. */
type RequestingContext = IExecuteFunctions | ILoadOptionsFunctions | { getNode(): INode };

/** What a request says about where it acts. */
export interface WorkspaceOfRequest {
	/** The item the request is for, in an execution; errors point at it. */
	itemIndex?: number;
	/**
	 * The workspace a request sent outside an execution acts in: a client workspace's id, or null for
	 * the key's own. The trigger's hooks name the workspace its webhooks live (or are to live) in.
	 */
	actingIn?: string | null;
}

/**
 * A client workspace as the parameters give it: its id, or a name the transport looks up among the
 * members of the key's workspace group before sending anything.
 */
export type WorkspaceRef = { id: string } | { name: string };

/**
 * One string per workspace a reference can stand for (`own`, an id, or a folded name), to group
 * items by the workspace they act in before any name is looked up.
 */
export function workspaceKey(workspace: WorkspaceRef | undefined): string {
	if (workspace === undefined) return OWN_WORKSPACE;
	return 'id' in workspace ? workspace.id.toLowerCase() : `${BY_NAME} ${foldName(workspace.name)}`;
}

/**
 * The client workspace a request acts in, or undefined for the key's own. A request that names its
 * workspace (`actingIn`) acts there. An execution reads the choice of the item the request is for
 * (an expression can name another client per item); a request without its item is refused when
 * any item acts in a client workspace, since which one would be a guess. Outside an execution and
 * the editor (the trigger's hooks) there is no item to read, so a request naming no workspace is
 * refused rather than sent to the key's own.
 */
export function actingWorkspace(
	context: RequestingContext,
	endpoint: Endpoint,
	{ itemIndex, actingIn }: WorkspaceOfRequest,
): WorkspaceRef | undefined {
	if ('getCurrentNodeParameter' in context) return editorWorkspace(context, endpoint);
	if (actingIn !== undefined) return actingIn === null ? undefined : { id: actingIn };
	if (!('getInputData' in context)) {
		throw new NodeOperationError(
			context.getNode(),
			`${endpoint.method} ${endpoint.path} was about to be sent without naming the workspace it acts in`,
		);
	}
	if (itemIndex !== undefined) return itemWorkspace(context, itemIndex);
	// A request that names no item is safe only when no item acts in a client workspace.
	const items = context.getInputData();
	if (items.every((_item, index) => context.getNodeParameter('workspace', index, OWN_WORKSPACE) === OWN_WORKSPACE)) {
		return undefined;
	}
	throw new NodeOperationError(
		context.getNode(),
		`${endpoint.method} ${endpoint.path} was about to be sent without its item, so the client workspace it acts in is unknown`,
	);
}

/** The client workspace item `itemIndex` acts in (an id is checked to be a UUID), or undefined for the key's own. */
export function itemWorkspace(context: IExecuteFunctions, itemIndex: number): WorkspaceRef | undefined {
	return chosenWorkspace(context.getNode(), {
		choice: context.getNodeParameter('workspace', itemIndex, OWN_WORKSPACE),
		clientWorkspace: context.getNodeParameter('clientWorkspace', itemIndex, '', { extractValue: false }),
		itemIndex,
	});
}

/**
 * The client workspace the trigger registers its webhooks in, or undefined for the key's own. Read
 * with no item: n8n resolves an expression here once, at activation.
 */
export function triggerWorkspace(context: IHookFunctions): WorkspaceRef | undefined {
	return chosenWorkspace(context.getNode(), {
		choice: context.getNodeParameter('workspace', OWN_WORKSPACE),
		clientWorkspace: context.getNodeParameter('clientWorkspace', '', { extractValue: false }),
	});
}

/** The client workspace a Workspace choice names (an id checked to be a UUID), or undefined for the key's own. */
function chosenWorkspace(
	node: INode,
	{
		choice,
		clientWorkspace,
		itemIndex,
	}: { choice: unknown; clientWorkspace: unknown; itemIndex?: number },
): WorkspaceRef | undefined {
	if (choice === OWN_WORKSPACE) return undefined;
	const { mode, text } = locatorParts(clientWorkspace);
	if (mode === BY_NAME && text !== '') return { name: text };
	const id = resourceId({ node, value: clientWorkspace, label: LABEL, itemIndex, required: false });
	if (id === undefined) {
		throw new NodeOperationError(node, `${LABEL} is required`, {
			description: `Pick the client workspace from the list, or give its ID (a UUID) or its name, or choose "API Key's Own Workspace".`,
			itemIndex,
		});
	}
	return { id };
}

/**
 * The workspace a picker of the editor lists from: the chosen client's where the choice can be
 * read before the workflow runs. The Client Workspace picker itself lists the members of the key's
 * own group, so it never acts in the workspace being picked.
 */
function editorWorkspace(context: ILoadOptionsFunctions, endpoint: Endpoint): WorkspaceRef | undefined {
	if (endpoint === endpoints.listWorkspaceGroupMembers) return undefined;
	if ((context.getCurrentNodeParameter('workspace') ?? OWN_WORKSPACE) === OWN_WORKSPACE) return undefined;
	const raw = context.getCurrentNodeParameter('clientWorkspace');
	const { text } = locatorParts(raw);
	if (text.startsWith('=')) {
		throw new NodeOperationError(context.getNode(), `${LABEL} is an expression, known only when the workflow runs`, {
			description: `This list shows what is in the chosen client workspace. Pick the client workspace from its list, by ID or by name to browse here, or give this field by ID.`,
		});
	}
	if (text === '') {
		throw new NodeOperationError(context.getNode(), `Choose the ${LABEL} first`, {
			description: 'This list shows what is in the chosen client workspace.',
		});
	}
	return chosenWorkspace(context.getNode(), { choice: CLIENT_WORKSPACE, clientWorkspace: raw });
}

export interface WorkspaceGroupMember {
	id?: string;
	sub_workspace_id?: string;
	sub_workspace_name?: string;
	status?: string;
}

/** Whether a client workspace may be acted in, and if not, why. */
export type MembershipVerdict = { available: true } | { available: false; reason: string; name?: string };

/** Finds the workspace among the members of the key's group and says whether it may be acted in. */
export async function membershipVerdict(
	workspaceId: string,
	members: AsyncIterable<WorkspaceGroupMember>,
): Promise<MembershipVerdict> {
	const wanted = workspaceId.toLowerCase();
	let membershipIdOf: WorkspaceGroupMember | undefined;
	for await (const member of members) {
		if (member.sub_workspace_id?.toLowerCase() === wanted) {
			const status = String(member.status ?? '').toLowerCase();
			if (status === 'accepted') return { available: true };
			const reason =
				status === 'pending'
					? "its invitation to the API key's workspace group is still pending"
					: status === 'rejected'
						? "it rejected the invitation to the API key's workspace group"
						: `its membership of the API key's workspace group has status "${member.status ?? 'none'}", not accepted`;
			return { available: false, reason, name: member.sub_workspace_name };
		}
		if (member.id?.toLowerCase() === wanted) membershipIdOf = member;
	}
	if (membershipIdOf) {
		return {
			available: false,
			reason: `that is the ID of a membership record, not of a workspace: use its sub_workspace_id ${membershipIdOf.sub_workspace_id ?? ''}`.trim(),
			name: membershipIdOf.sub_workspace_name,
		};
	}
	return { available: false, reason: "it is not a member of the API key's workspace group" };
}

/** What a Client Workspace name finds among the members of the key's group. */
export type NameMatch = { id: string } | { id?: undefined; problem: string; description: string };

/**
 * The one member sub-workspace called `name` (compared as foldName does), whatever its status: a
 * pending or rejected one is then refused by the membership check with its own reason.
 */
export async function memberByName(name: string, members: AsyncIterable<WorkspaceGroupMember>): Promise<NameMatch> {
	const wanted = foldName(name);
	const matches: WorkspaceGroupMember[] = [];
	const names: string[] = [];
	for await (const member of members) {
		if (!member.sub_workspace_id) continue;
		if (foldName(member.sub_workspace_name ?? '') === wanted) matches.push(member);
		else if (member.sub_workspace_name) names.push(member.sub_workspace_name);
	}
	if (matches.length === 1) return { id: String(matches[0].sub_workspace_id) };
	if (matches.length === 0) {
		return {
			problem: `no client workspace named "${name.trim()}" in the API key's workspace group`,
			description: `Names are compared ignoring case and surrounding spaces. ${namesInGroup(names)}`,
		};
	}
	const candidates = matches.map((member) => `${String(member.sub_workspace_id)} (${member.status ?? 'no status'})`);
	return {
		problem: `${matches.length} client workspaces are named "${name.trim()}": ${candidates.join(', ')}`,
		description: 'Give the one meant by ID, or rename the others in Instantly.',
	};
}

function namesInGroup(names: string[]): string {
	return names.length === 0 ? "The key's workspace group has no other members." : `Its members are ${listedNames(names)}.`;
}

/** Why nothing can be done in client workspaces when the key could not list its group (401, 403, 404, 400). */
export function directoryRefused(statusCode: string | undefined, message: string): string {
	return `the API key could not list its workspace group (Instantly answered ${statusCode ?? 'an error'}: ${message}), so it is not the key of an admin workspace or lacks the workspace_group_members:read scope`;
}

/** The error for a client workspace the key may not act in; nothing has been sent in it. */
export function workspaceUnavailable(
	node: INode,
	workspaceId: string,
	verdict: { reason: string; name?: string },
	itemIndex?: number,
): NodeApiError {
	const named = verdict.name ? `"${verdict.name}" (${workspaceId})` : workspaceId;
	const message = `Client workspace ${named} is not available: ${verdict.reason}`;
	return new NodeApiError(
		node,
		{ message },
		{
			message,
			description:
				"Nothing was sent to it. An API key of the agency's admin workspace acts only in client workspaces that accepted the invitation to its group; Workspace › Get Many Client Workspaces lists them with their status.",
			itemIndex,
		},
	);
}
