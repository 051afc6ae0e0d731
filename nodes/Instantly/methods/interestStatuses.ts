import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { INTEREST_STATUSES, RESET_INTEREST_STATUS } from '../helpers/enums';
import { endpoints } from '../transport/endpoints';
import { fetchAll } from '../transport/pagination';

interface LeadLabel {
	label: string;
	interest_status: number;
	interest_status_label?: string;
	description?: string | null;
}

/**
 * The built-in interest statuses, "Lead (Reset)", then the workspace's custom lead labels. A key
 * without lead-labels:read still gets the built-in statuses.
 */
export async function getInterestStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	let labels: LeadLabel[] = [];
	try {
		labels = (await fetchAll.call(this, endpoints.listLeadLabels)) as unknown as LeadLabel[];
	} catch (error) {
		this.logger.warn(`Instantly: could not load the workspace's lead labels, offering the built-in statuses: ${(error as Error).message}`);
	}
	return [
		...INTEREST_STATUSES.map(({ name, value }) => ({ name, value, description: `Status ${value}` })),
		{ name: 'Lead (Reset)', value: RESET_INTEREST_STATUS, description: 'Clear the status back to plain "Lead"' },
		...labels.map((label) => ({
			name: label.label,
			value: label.interest_status,
			description: `Custom label${label.interest_status_label ? ` (${label.interest_status_label})` : ''}, status ${label.interest_status}`,
		})),
	];
}
