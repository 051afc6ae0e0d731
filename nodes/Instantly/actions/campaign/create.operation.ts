import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { toDateOnly } from '../../helpers/dates';
import { DAYS_OF_WEEK } from '../../helpers/enums';
import { TIMEZONES } from '../../helpers/timezones';
import {
	collectionFields,
	optionalNumberValue,
	optionValue,
	readCollection,
	readList,
	readText,
	rowsValue,
	textValue,
} from '../../helpers/validation';
import { endpoints } from '../../transport/endpoints';
import { instantlyApiRequest } from '../../transport/request';
import { nameProperty, additionalFieldsCollection } from '../common.descriptions';
import { campaignSettingOptions, campaignSettings } from './common';

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

const properties: INodeProperties[] = [
	nameProperty('Name of the campaign. It is created as a Draft and sends nothing until activated.'),
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'options',
		options: TIMEZONES.map((zone) => ({ name: zone, value: zone })),
		default: 'America/Chicago',
		description:
			'Timezone of the sending schedule. Instantly accepts only these zones (one per UTC offset). Common zones not listed: America/New_York → America/Detroit, America/Los_Angeles → America/Dawson (no DST), America/Denver → America/Boise, Europe/London → Europe/Isle_of_Man, Europe/Paris or Berlin → Europe/Belgrade, Asia/Tokyo → Asia/Chita, Australia/Sydney → Australia/Melbourne, UTC → Africa/Abidjan.',
	},
	{
		displayName: 'Send From',
		name: 'fromTime',
		type: 'string',
		default: '09:00',
		placeholder: 'HH:MM',
		description: 'Start of the daily sending window, 24-hour HH:MM',
	},
	{
		displayName: 'Send To',
		name: 'toTime',
		type: 'string',
		default: '17:00',
		placeholder: 'HH:MM',
		description: 'End of the daily sending window, 24-hour HH:MM',
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'multiOptions',
		options: DAYS_OF_WEEK,
		default: ['1', '2', '3', '4', '5'],
		description: 'Days of the week the campaign sends on',
	},
	{
		displayName: 'Sequence Steps',
		name: 'steps',
		type: 'fixedCollection',
		placeholder: 'Add Step',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'The emails of the sequence, in order',
		options: [
			{
				displayName: 'Step',
				name: 'step',
				values: [
					{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'Email subject' },
					{
						displayName: 'Body',
						name: 'body',
						type: 'string',
						typeOptions: { rows: 5 },
						default: '',
						description: 'Email body as HTML (line breaks need a break tag); variables such as {{firstName}} are filled in',
					},
					{
						displayName: 'Delay (Days)',
						name: 'delay',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 2,
						description: 'Days to wait after this email before sending the next step',
					},
				],
			},
		],
	},
	additionalFieldsCollection([
		...campaignSettingOptions,
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Last day of sending, in the campaign timezone',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'First day of sending, in the campaign timezone',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const fail = (message: string, description: string) =>
		new NodeOperationError(node, message, { description: `Item ${itemIndex + 1}: ${description}`, itemIndex });

	const name = readText(this, { name: 'name', label: 'Name', itemIndex });
	if (name === '') throw fail('Name is required', 'give the campaign a name.');
	const timezone = readText(this, { name: 'timezone', label: 'Timezone', itemIndex });
	if (!(TIMEZONES as readonly string[]).includes(timezone)) {
		throw fail(
			`Timezone: "${timezone}" is not one Instantly accepts`,
			'pick a zone from the list (e.g. America/Detroit for New York, Europe/Isle_of_Man for London).',
		);
	}
	const from = readText(this, { name: 'fromTime', label: 'Send From', itemIndex });
	const to = readText(this, { name: 'toTime', label: 'Send To', itemIndex });
	for (const [label, value] of [['Send From', from], ['Send To', to]]) {
		if (!TIME.test(value)) throw fail(`${label}: "${value}" is not a time`, 'use 24-hour HH:MM such as 09:00.');
	}
	if (from >= to) throw fail('Send From must be before Send To', `got ${from}–${to}.`);
	const chosenDays = readList(this, { name: 'days', label: 'Days', itemIndex }).map((day) =>
		optionValue({ node, value: day, label: 'Days', itemIndex }, DAYS_OF_WEEK),
	);
	if (chosenDays.length === 0) throw fail('Days: choose at least one day', 'the campaign needs a day to send on.');
	const days = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((day) => [day, chosenDays.includes(day)]));

	const fields = readCollection(this, { name: 'additionalFields', label: 'Additional Fields', itemIndex }, collectionFields(properties, 'additionalFields'));
	const schedule: IDataObject = {
		schedules: [{ name: 'Default schedule', timing: { from, to }, days, timezone }],
	};
	const startDate = toDateOnly(this, { value: fields.startDate, label: 'Start Date', itemIndex });
	const endDate = toDateOnly(this, { value: fields.endDate, label: 'End Date', itemIndex });
	if (startDate) schedule.start_date = startDate;
	if (endDate) schedule.end_date = endDate;

	const body: IDataObject = { name, campaign_schedule: schedule, ...campaignSettings(this, fields, 'additionalFields', itemIndex) };
	const steps = rowsValue({ node, value: this.getNodeParameter('steps', itemIndex, {}), label: 'Sequence Steps', itemIndex }, 'step');
	if (steps.length > 0) {
		body.sequences = [
			{
				steps: steps.map((step, position) => {
					const field = (value: unknown, label: string) => ({ node, value, label: `Sequence step ${position + 1}: ${label}`, itemIndex });
					const subject = textValue(field(step.subject, 'Subject'));
					const text = textValue(field(step.body, 'Body'));
					if (text === '') throw fail(`Sequence step ${position + 1}: Body is required`, 'write the email.');
					const delay = optionalNumberValue(field(step.delay, 'Delay (Days)'), { min: 0 }) ?? 0;
					return { type: 'email', delay, delay_unit: 'days', variants: [{ subject, body: text }] };
				}),
			},
		];
	}
	return (await instantlyApiRequest.call(this, endpoints.createCampaign, { body, itemIndex })) as IDataObject;
}
