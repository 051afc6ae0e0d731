import type { INode } from 'n8n-workflow';

import { resourceId } from '../../../../nodes/Instantly/helpers/locator';

const node: INode = { id: 'n', name: 'Instantly', type: 'instantly', typeVersion: 1, position: [0, 0], parameters: {} };
const ID = '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70';

describe('resourceId', () => {
	it.each([
		['a plain string from an expression', ` ${ID} `, ID],
		['From List', { __rl: true, mode: 'list', value: ID }, ID],
		['By ID', { __rl: true, mode: 'id', value: ID }, ID],
		['By URL, the id taken out of the link', { __rl: true, mode: 'url', value: `https://app.instantly.ai/app/campaign/${ID}/analytics` }, ID],
	])('%s', (_case, value, expected) => {
		expect(resourceId({ node, value, label: 'Campaign', itemIndex: 0 })).toBe(expected);
	});

	it.each([
		['nothing', undefined],
		['an empty text', '  '],
		['an empty locator', { __rl: true, mode: 'list', value: '' }],
	])('%s is undefined when not required', (_case, value) => {
		expect(resourceId({ node, value, label: 'Campaign', required: false })).toBeUndefined();
	});

	it('an empty value that is required names the field', () => {
		expect(() => resourceId({ node, value: '', label: 'Lead List', itemIndex: 1 })).toThrow('Lead List is required');
	});

	it.each([
		['an ID that is no UUID', { __rl: true, mode: 'id', value: 'abc' }, 'Campaign: "abc" is not a valid Instantly ID'],
		['a link without an id', { __rl: true, mode: 'url', value: 'https://app.instantly.ai/app/campaigns' }, 'is not a valid Instantly URL'],
	])('refuses %s, required or not', (_case, value, message) => {
		expect(() => resourceId({ node, value, label: 'Campaign', required: false })).toThrow(message);
	});
});
