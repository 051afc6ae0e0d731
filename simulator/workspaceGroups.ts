import { nowIso, uuidv7 } from './ids';
import type { ApiObject, WorkspaceState } from './state';

export const MEMBER_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** An admin workspace's link to one sub-workspace, as stored; names are read from the workspaces when served. */
export interface WorkspaceGroupMember extends ApiObject {
	admin_workspace_id: string;
	sub_workspace_id: string;
	status: MemberStatus;
	timestamp_created: string;
	timestamp_updated: string;
}

/** Pending and accepted links count as a sub-workspace's parent: it may have one at a time. */
const ACTIVE: ReadonlySet<MemberStatus> = new Set(['pending', 'accepted']);

function assertStatus(status: string): asserts status is MemberStatus {
	if (!(MEMBER_STATUSES as readonly string[]).includes(status)) {
		throw new Error(`Member status must be one of ${MEMBER_STATUSES.join(', ')}, got ${status}`);
	}
}

/**
 * Every workspace group of the simulator: which sub-workspaces each admin workspace invited and
 * how they answered. `x-as-workspace` is honoured only for an accepted member of the key's group.
 */
export class WorkspaceGroups {
	private readonly members = new Map<string, WorkspaceGroupMember>();

	constructor(private readonly findWorkspace: (id: string) => WorkspaceState | undefined) {}

	/** Links a sub-workspace to an admin workspace; like Instantly's 409, a sub-workspace has one pending or accepted parent at most. */
	add(adminWorkspaceId: string, subWorkspaceId: string, status: string): WorkspaceGroupMember {
		assertStatus(status);
		if (adminWorkspaceId === subWorkspaceId) throw new Error('A workspace cannot be a member of its own group');
		for (const id of [adminWorkspaceId, subWorkspaceId]) {
			if (!this.findWorkspace(id)) throw new Error(`Unknown workspace: ${id}`);
		}
		if (ACTIVE.has(status) && this.activeParent(subWorkspaceId)) {
			throw new Error('The sub workspace already has an active parent or invitation');
		}
		const timestamp = nowIso();
		const member: WorkspaceGroupMember = {
			id: uuidv7(),
			admin_workspace_id: adminWorkspaceId,
			sub_workspace_id: subWorkspaceId,
			status,
			timestamp_created: timestamp,
			timestamp_updated: timestamp,
		};
		this.members.set(member.id, member);
		return member;
	}

	/** The sub-workspace's answer to the invitation changes (or the admin's view of it). */
	setStatus(memberId: string, status: string): WorkspaceGroupMember {
		assertStatus(status);
		const member = this.members.get(memberId);
		if (!member) throw new Error(`Unknown workspace group member: ${memberId}`);
		const parent = this.activeParent(member.sub_workspace_id);
		if (ACTIVE.has(status) && parent && parent !== member) {
			throw new Error('The sub workspace already has an active parent or invitation');
		}
		return Object.assign(member, { status, timestamp_updated: nowIso() });
	}

	/** The member as Instantly serves it, with both workspaces' current names. */
	view(member: WorkspaceGroupMember): WorkspaceGroupMember & { admin_workspace_name: string | null; sub_workspace_name: string | null } {
		return {
			...member,
			admin_workspace_name: this.findWorkspace(member.admin_workspace_id)?.name ?? null,
			sub_workspace_name: this.findWorkspace(member.sub_workspace_id)?.name ?? null,
		};
	}

	/** A member seen from one of its two workspaces; undefined for anyone else. */
	visibleTo(workspaceId: string, memberId: string): WorkspaceGroupMember | undefined {
		const member = this.members.get(memberId);
		return member && (member.admin_workspace_id === workspaceId || member.sub_workspace_id === workspaceId) ? member : undefined;
	}

	/** Every member the admin workspace invited, whatever their status. */
	ofAdmin(adminWorkspaceId: string): WorkspaceGroupMember[] {
		return [...this.members.values()].filter((member) => member.admin_workspace_id === adminWorkspaceId);
	}

	/** The workspace the admin's key may act in: an accepted member of its own group, nothing else. */
	acceptedMember(adminWorkspaceId: string, subWorkspaceId: string): WorkspaceState | undefined {
		const accepted = [...this.members.values()].some(
			(member) => member.admin_workspace_id === adminWorkspaceId && member.sub_workspace_id === subWorkspaceId && member.status === 'accepted',
		);
		return accepted ? this.findWorkspace(subWorkspaceId) : undefined;
	}

	/** The accepted link to the sub-workspace's admin workspace, if it has one. */
	adminOf(subWorkspaceId: string): WorkspaceGroupMember | undefined {
		const parent = this.activeParent(subWorkspaceId);
		return parent?.status === 'accepted' ? parent : undefined;
	}

	clear(): void {
		this.members.clear();
	}

	private activeParent(subWorkspaceId: string): WorkspaceGroupMember | undefined {
		return [...this.members.values()].find((member) => member.sub_workspace_id === subWorkspaceId && ACTIVE.has(member.status));
	}
}
