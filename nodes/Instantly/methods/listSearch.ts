import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Endpoint } from '../transport/endpoints';
import { endpoints } from '../transport/endpoints';
import type { Page } from '../transport/pagination';
import { fetchPage, PAGE_SIZE_LIMIT } from '../transport/pagination';
import type { WorkspaceGroupMember } from '../transport/workspace';

const APP_URL = 'https://app.instantly.ai/app';

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** A list search over one page at a time; n8n hands Instantly's cursor back as paginationToken. */
function searchList(
	endpoint: Endpoint,
	toResult: (item: IDataObject) => { name: string; value: string; url?: string },
): ListSearch {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		const qs: IDataObject = filter ? { search: filter } : {};
		const cursor = { limit: PAGE_SIZE_LIMIT, cursor: paginationToken || undefined };
		const page = (await fetchPage.call(this, endpoint, { qs }, cursor)) as Page<IDataObject>;
		return {
			results: (page.items ?? []).map(toResult),
			paginationToken: page.next_starting_after ?? undefined,
		};
	};
}

export const searchCampaigns = searchList(endpoints.listCampaigns, (campaign) => ({
	name: String(campaign.name),
	value: String(campaign.id),
	url: `${APP_URL}/campaign/${String(campaign.id)}/analytics`,
}));

export const searchLeadLists = searchList(endpoints.listLeadLists, (list) => ({
	name: String(list.name),
	value: String(list.id),
}));

export const searchLeadLabels = searchList(endpoints.listLeadLabels, (label) => ({
	name: String(label.label),
	value: String(label.id),
}));

/**
 * The accepted members of the key's workspace group, by sub-workspace name. Instantly has no search
 * on this list, so each page is filtered here; the cursor still walks the whole group.
 */
export async function searchClientWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const cursor = { limit: PAGE_SIZE_LIMIT, cursor: paginationToken || undefined };
	const page = (await fetchPage.call(this, endpoints.listWorkspaceGroupMembers, {}, cursor)) as Page<WorkspaceGroupMember>;
	const wanted = filter?.trim().toLowerCase() ?? '';
	return {
		results: (page.items ?? [])
			.filter((member) => String(member.status).toLowerCase() === 'accepted' && member.sub_workspace_id)
			.map((member) => ({
				name: member.sub_workspace_name || String(member.sub_workspace_id),
				value: String(member.sub_workspace_id),
			}))
			.filter((result) => result.name.toLowerCase().includes(wanted)),
		paginationToken: page.next_starting_after ?? undefined,
	};
}
