import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { Endpoint } from '../transport/endpoints';
import { endpoints } from '../transport/endpoints';
import type { Page } from '../transport/pagination';
import type { WorkspaceGroupMember } from '../transport/workspace';
import { instantlyApiRequest } from '../transport/request';

const APP_URL = 'https://app.instantly.ai/app';

/** One page of a searchable list; n8n hands Instantly's cursor back as paginationToken. */
async function searchList(
	this: ILoadOptionsFunctions,
	endpoint: Endpoint,
	toResult: (item: IDataObject) => { name: string; value: string; url?: string },
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 100 };
	if (filter) qs.search = filter;
	if (paginationToken) qs.starting_after = paginationToken;
	const page = (await instantlyApiRequest.call(this, endpoint, { qs })) as Page<IDataObject>;
	return {
		results: (page.items ?? []).map(toResult),
		paginationToken: page.next_starting_after ?? undefined,
	};
}

export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		endpoints.listCampaigns,
		(campaign) => ({
			name: String(campaign.name),
			value: String(campaign.id),
			url: `${APP_URL}/campaign/${String(campaign.id)}/analytics`,
		}),
		filter,
		paginationToken,
	);
}

export async function searchLeadLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		endpoints.listLeadLists,
		(list) => ({ name: String(list.name), value: String(list.id) }),
		filter,
		paginationToken,
	);
}

/**
 * The accepted members of the key's workspace group, by sub-workspace name. Instantly has no search
 * on this list, so each page is filtered here; the cursor still walks the whole group.
 */
export async function searchClientWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: 100 };
	if (paginationToken) qs.starting_after = paginationToken;
	const page = (await instantlyApiRequest.call(this, endpoints.listWorkspaceGroupMembers, { qs })) as Page<WorkspaceGroupMember>;
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
