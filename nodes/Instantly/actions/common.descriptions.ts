import type { INodeProperties } from 'n8n-workflow';

/** A plain string id field (no list to pick from), e.g. a webhook or email id. */
export function idField(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70',
		description,
	};
}

/** Return All + Limit, shown only for the given resource and operation. */
export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The Filters collection of a Get Many, holding the operation's own filters (read with `readCollection`). */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** The Update Fields collection of an Update, holding the fields it can change (checked with `requireChanges`). */
export function updateFieldsCollection(options: INodeProperties[], description?: string): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description === undefined ? {} : { description }),
		options,
	};
}

/** The Additional Fields collection of a Create, its options in alphabetical order as n8n's lint expects. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Name of a record a Create makes. */
export function nameProperty(description: string, placeholder?: string): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		...(placeholder === undefined ? {} : { placeholder }),
		description,
	};
}

/** The connected account a Reply or Forward is sent from; by default the one the input email came to. */
export function sendingAccountProperty(description: string): INodeProperties {
	return {
		displayName: 'Sending Account',
		name: 'eaccount',
		type: 'string',
		required: true,
		default: '={{ $json.email_account }}',
		placeholder: 'e.g. sales@example.com',
		description,
	};
}

/** The Options collection, holding an operation's optional settings. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The free-text Search filter; `description` says what the text is matched against. */
export function searchFilter(description: string): INodeProperties {
	return { displayName: 'Search', name: 'search', type: 'string', default: '', description };
}

/** The writable lead fields, as options of a collection (camelCase names, see LEAD_TEXT_FIELDS). */
export const leadFieldOptions: INodeProperties[] = [
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', description: "The lead's company" },
	{
		displayName: 'Custom Variables',
		name: 'customVariables',
		type: 'fixedCollection',
		placeholder: 'Add Variable',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Extra fields usable in email templates as {{name}}. Values must be text, numbers or true/false; a new name is also added to the campaign.',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'e.g. city' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{
		displayName: 'Personalization',
		name: 'personalization',
		type: 'string',
		default: '',
		description: 'A personal first line, usable in templates as {{personalization}}',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
];

/** The values of targetSelector. */
export const TARGETS = ['campaign', 'list'] as const;

/** Where leads go: a campaign or a lead list (Instantly needs exactly one). */
export function targetSelector(name = 'target', displayName = 'Add To'): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Campaign', value: 'campaign', description: 'The lead is added to a campaign' },
			{ name: 'Lead List', value: 'list', description: 'The lead is added to a lead list' },
		],
		default: 'campaign',
	};
}
