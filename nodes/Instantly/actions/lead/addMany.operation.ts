import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { BulkEntry } from '../../helpers/bulk';
import { runInBatches } from '../../helpers/bulk';
import type { BulkAddSummary } from '../../helpers/interfaces';
import { campaignLocator, leadListLocator } from '../../helpers/locator';
import { readResourceId } from '../names';
import { leadTextFields, toCustomVariables } from '../../helpers/mappers';
import { collectionFields, isEmail, readCollection } from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { leadFieldOptions, optionsCollection, targetSelector } from '../common.descriptions';
import { customVariablesOf } from './common';

/** `POST /leads/add` takes at most 1,000 leads per request. */
export const BATCH_SIZE = 1000;

/** Item field names read in automatic mapping, per Instantly field (snake_case, camelCase, plain). */
const AUTO_FIELDS: Record<string, string[]> = {
	email: ['email', 'Email', 'email_address', 'emailAddress'],
	first_name: ['first_name', 'firstName', 'First Name'],
	last_name: ['last_name', 'lastName', 'Last Name'],
	company_name: ['company_name', 'companyName', 'company', 'Company'],
	job_title: ['job_title', 'jobTitle', 'title'],
	phone: ['phone', 'Phone', 'phone_number', 'phoneNumber'],
	website: ['website', 'Website', 'url'],
	personalization: ['personalization'],
};

const MAPPED_KEYS = new Set(Object.values(AUTO_FIELDS).flat());

const SUMMARY_COUNTS = [
	'total_sent',
	'leads_uploaded',
	'in_blocklist',
	'skipped_count',
	'duplicated_leads',
	'duplicate_email_count',
	'invalid_email_count',
	'incomplete_count',
] as const;

const properties: INodeProperties[] = [
	{ ...targetSelector(), description: 'Instantly adds a batch to exactly one campaign or one lead list' },
	campaignLocator({ required: true, displayOptions: { show: { target: ['campaign'] } } }),
	leadListLocator({ required: true, displayOptions: { show: { target: ['list'] } } }),
	{
		displayName: 'Mapping',
		name: 'mapping',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Map Automatically',
				value: 'auto',
				description:
					'Read email, first_name/firstName, last_name/lastName, company_name/company, job_title, phone, website and personalization from each item',
			},
			{ name: 'Define Below', value: 'manual', description: 'Set each field with an expression' },
		],
		default: 'auto',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '={{ $json.email }}',
		placeholder: 'name@email.com',
		description: "The lead's email address",
		displayOptions: { show: { mapping: ['manual'] } },
	},
	{
		displayName: 'Lead Fields',
		name: 'leadFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: leadFieldOptions,
		displayOptions: { show: { mapping: ['manual'] } },
	},
	optionsCollection([
		{
			displayName: 'Block List ID',
			name: 'blocklistId',
			type: 'string',
			default: '',
			description: 'Check the leads against this block list instead of the workspace default',
		},
		{
			displayName: 'Other Fields as Custom Variables',
			name: 'otherFieldsAsCustomVariables',
			type: 'boolean',
			default: false,
			description:
				'Whether, in automatic mapping, every other text, number or true/false field of the item becomes a custom variable',
		},
		{
			displayName: 'Skip If In Campaign',
			name: 'skipIfInCampaign',
			type: 'boolean',
			default: false,
			description: 'Whether to skip leads already in any campaign',
		},
		{
			displayName: 'Skip If In List',
			name: 'skipIfInList',
			type: 'boolean',
			default: false,
			description: 'Whether to skip leads already in any lead list',
		},
		{
			displayName: 'Skip If In Workspace',
			name: 'skipIfInWorkspace',
			type: 'boolean',
			default: false,
			description: 'Whether to skip leads that exist anywhere in the workspace (overrides the other skip options)',
		},
		{
			displayName: 'Verify Leads on Import',
			name: 'verifyLeadsOnImport',
			type: 'boolean',
			default: false,
			description: 'Whether Instantly verifies the email addresses after the import (uses verification credits)',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['addMany'] } }, properties);

/**
 * Adds every input item as a lead, 1,000 per request, and returns one item per input saying
 * whether it was created (with its id) or not, with the batch summary explaining why not.
 */
export async function executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const target = this.getNodeParameter('target', 0) as 'campaign' | 'list';
	const destination: IDataObject =
		target === 'campaign'
			? { campaign_id: await readResourceId(this, 'campaigns', { name: 'campaignId', label: 'Campaign', itemIndex: 0 }) }
			: { list_id: await readResourceId(this, 'leadLists', { name: 'listId', label: 'Lead List', itemIndex: 0 }) };
	const options = readCollection(this, { name: 'options', label: 'Options', itemIndex: 0 }, collectionFields(properties, 'options'));
	const settings: IDataObject = {};
	if (typeof options.blocklistId === 'string' && options.blocklistId.trim() !== '') {
		settings.blocklist_id = options.blocklistId.trim();
	}
	if (options.skipIfInWorkspace !== undefined) settings.skip_if_in_workspace = options.skipIfInWorkspace;
	if (options.skipIfInCampaign !== undefined) settings.skip_if_in_campaign = options.skipIfInCampaign;
	if (options.skipIfInList !== undefined) settings.skip_if_in_list = options.skipIfInList;
	if (options.verifyLeadsOnImport !== undefined) settings.verify_leads_on_import = options.verifyLeadsOnImport;

	return await runInBatches(this, items, {
		batchSize: BATCH_SIZE,
		read: (itemIndex) => readLead(this, items[itemIndex], itemIndex, target, options),
		send: async (leads, firstItemIndex) =>
			(await instantlyApiRequest.call(this, endpoints.addLeads, {
				body: { ...destination, ...settings, leads },
				itemIndex: firstItemIndex,
			})) as BulkAddSummary,
		describe: describeBatch,
		recovery: 'Re-run with the Skip If In Workspace option to add only the leads that are missing.',
	});
}

/** What became of each lead of a batch, from the summary and `created_leads[].index`. */
function describeBatch(entries: Array<BulkEntry<IDataObject>>, summary: BulkAddSummary, batch: number): IDataObject[] {
	const created = new Map((summary.created_leads ?? []).map((lead) => [lead.index, lead]));
	const counts = Object.fromEntries(SUMMARY_COUNTS.map((key) => [key, summary[key] ?? 0]));
	const seen = new Set<string>();
	return entries.map(({ value: lead }, position) => {
		const email = typeof lead.email === 'string' ? lead.email.toLowerCase() : undefined;
		const repeated = email !== undefined && seen.has(email);
		if (email !== undefined) seen.add(email);
		const createdLead = created.get(position);
		const json: IDataObject = createdLead
			? { status: 'created', ...createdLead, batch }
			: {
					status: 'not_created',
					email: lead.email ?? null,
					reason: repeated ? 'duplicate_in_input' : notCreatedReason(summary),
					batch,
					batchSummary: counts,
				};
		delete json.index;
		return json;
	});
}

/** The reason is only certain when the batch summary has a single cause for leads not created. */
function notCreatedReason(summary: BulkAddSummary): string {
	const causes: Array<[string, number]> = [
		['blocked', summary.in_blocklist ?? 0],
		['skipped', summary.skipped_count ?? 0],
		['duplicate', summary.duplicated_leads ?? 0],
		['invalid_email', summary.invalid_email_count ?? 0],
		['incomplete', summary.incomplete_count ?? 0],
	];
	const present = causes.filter(([, count]) => count > 0);
	return present.length === 1 ? present[0][0] : 'blocked_skipped_or_duplicate';
}

function readLead(
	context: IExecuteFunctions,
	item: INodeExecutionData,
	itemIndex: number,
	target: 'campaign' | 'list',
	options: IDataObject,
): IDataObject {
	const node = context.getNode();
	let lead: IDataObject;
	if (context.getNodeParameter('mapping', itemIndex) === 'auto') {
		lead = autoMap(context, item.json, itemIndex, options.otherFieldsAsCustomVariables === true);
	} else {
		const fields = readCollection(context, { name: 'leadFields', label: 'Lead Fields', itemIndex }, collectionFields(properties, 'leadFields'));
		const email = context.getNodeParameter('email', itemIndex, '');
		lead = leadTextFields(fields);
		if (email !== null && String(email).trim() !== '') lead.email = String(email).trim();
		const customVariables = customVariablesOf({ node, fields, itemIndex });
		if (customVariables) lead.custom_variables = customVariables;
	}
	if (lead.email !== undefined && !isEmail(String(lead.email))) {
		throw new NodeOperationError(node, `Email: "${String(lead.email)}" is not a valid email address`, {
			description: `Item ${itemIndex + 1}: expected an email address such as jane@example.com. Nothing was sent.`,
			itemIndex,
		});
	}
	if (target === 'campaign' && lead.email === undefined) {
		throw new NodeOperationError(node, 'Email is required to add a lead to a campaign', {
			description: `Item ${itemIndex + 1} has no email field. Nothing was sent.`,
			itemIndex,
		});
	}
	if (target === 'list' && !lead.email && !lead.first_name && !lead.last_name) {
		throw new NodeOperationError(node, 'A lead needs an email, a first name or a last name', {
			description: `Item ${itemIndex + 1} has none of them. Nothing was sent.`,
			itemIndex,
		});
	}
	return lead;
}

function autoMap(context: IExecuteFunctions, json: IDataObject, itemIndex: number, withCustom: boolean): IDataObject {
	const lead: IDataObject = {};
	for (const [apiName, candidates] of Object.entries(AUTO_FIELDS)) {
		for (const key of candidates) {
			const value = json[key];
			if (value === undefined || value === null || String(value).trim() === '') continue;
			lead[apiName] = String(value).trim();
			break;
		}
	}
	if (withCustom) {
		const pairs = Object.entries(json)
			.filter(([key, value]) => !MAPPED_KEYS.has(key) && value !== null && typeof value !== 'object')
			.map(([key, value]) => ({ key, value }));
		const customVariables = toCustomVariables({ node: context.getNode(), pairs, itemIndex });
		if (customVariables) lead.custom_variables = customVariables;
	}
	return lead;
}
