import type { IDataObject } from 'n8n-workflow';

/** A record as Instantly returns it (every object has a UUID `id`). */
export interface InstantlyRecord extends IDataObject {
	id: string;
}

/** `POST /leads/add` answer. */
export interface BulkAddSummary extends IDataObject {
	status: string;
	total_sent: number;
	leads_uploaded: number;
	in_blocklist: number;
	blocklist_used?: string | null;
	duplicated_leads: number;
	skipped_count: number;
	invalid_email_count: number;
	incomplete_count: number;
	duplicate_email_count: number;
	remaining_in_plan?: number;
	created_leads?: Array<{ index: number; id: string; email?: string | null } & IDataObject>;
}

/** `POST /block-lists-entries/bulk-create` answer. */
export interface BulkCreateBlockListSummary extends IDataObject {
	items: BlockListEntry[];
	valid_count: number;
	invalid_count: number;
}

export interface BlockListEntry extends InstantlyRecord {
	bl_value: string;
	is_domain: boolean;
}

export interface BackgroundJob extends InstantlyRecord {
	status: 'pending' | 'in-progress' | 'success' | 'failed' | 'draining' | 'paused' | 'cancelled' | string;
	progress?: number;
}
