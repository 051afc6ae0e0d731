import { notFound } from '../errors';
import { paginate } from '../pagination';
import type { WorkspaceState } from '../state';
import type { HandlerTable } from './types';

const MEMBER = 'Workspace group member';

/** The spec's Workspace; plan fields say what a paid workspace in the simulator has. */
function workspaceView(workspace: WorkspaceState) {
	return {
		id: workspace.id,
		name: workspace.name,
		owner: workspace.userId,
		timestamp_created: workspace.createdAt,
		timestamp_updated: workspace.createdAt,
		scheduled_for_removal_at: null,
		plan_id: workspace.paid ? 'pid_hg_v1' : null,
		org_logo_url: null,
		org_client_domain: null,
	};
}

/**
 * The spec's list has no status filter (and unknown query parameters are refused): clients filter
 * the members themselves. Every handler reads the workspace the request acted in.
 */
export const workspaceHandlers: HandlerTable = {
	'GET /api/v2/workspaces/current': ({ workspace }) => workspaceView(workspace),
	'GET /api/v2/workspace-group-members': ({ workspace, services, query }) => {
		const { workspaceGroups } = services;
		const page = paginate(workspaceGroups.ofAdmin(workspace.id), query.limit, query.starting_after);
		return { ...page, items: page.items.map((member) => workspaceGroups.view(member)) };
	},
	'GET /api/v2/workspace-group-members/{id}': ({ workspace, services, params }) => {
		const member = services.workspaceGroups.visibleTo(workspace.id, params.id);
		if (!member) throw notFound(MEMBER);
		return services.workspaceGroups.view(member);
	},
	'GET /api/v2/workspace-group-members/admin': ({ workspace, services }) => {
		const member = services.workspaceGroups.adminOf(workspace.id);
		if (!member) return { workspace_name: 'Undefined', has_admin_workspace: false };
		const { admin_workspace_name } = services.workspaceGroups.view(member);
		return { workspace_name: admin_workspace_name ?? 'Undefined', has_admin_workspace: true, workspace_group_member_id: member.id };
	},
};
