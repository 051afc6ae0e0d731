import type { INodeExecutionData, INodeType } from 'n8n-workflow';

import { InstantlyTrigger } from '../../nodes/Instantly/InstantlyTrigger.node';
import { executeContext, hookContext } from './context';

/** A node whose parameters depend on show, hide and @version conditions, as n8n evaluates them. */
const conditionalNode = {
	description: {
		displayName: 'Conditional',
		name: 'conditional',
		version: [1, 2, 3],
		defaultVersion: 2,
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'options', default: 'simple', options: [{ name: 'Simple', value: 'simple' }, { name: 'Raw', value: 'raw' }] },
			{ displayName: 'Advanced', name: 'advanced', type: 'string', default: 'advanced default', displayOptions: { hide: { mode: ['simple'] } } },
			{ displayName: 'New Field', name: 'newField', type: 'string', default: 'since v2', displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } },
			{ displayName: 'Old Field', name: 'oldField', type: 'string', default: 'v1 only', displayOptions: { show: { '@version': [1] } } },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Label', name: 'label', type: 'string', default: '' }],
			},
		],
	},
} as unknown as INodeType;

const parameterOf = (typeVersion: number | undefined, parameters: Record<string, unknown>, name: string) =>
	executeContext({ nodeType: conditionalNode, credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' }, parameters, typeVersion })
		.context.getNodeParameter(name, 0, 'not shown');

describe('test harness getNodeParameter', () => {
	it('honours hide conditions: a hidden parameter is not there, even when a value was given', () => {
		expect(parameterOf(undefined, { mode: 'simple', advanced: 'given' }, 'advanced')).toBe('not shown');
		expect(parameterOf(undefined, { mode: 'raw' }, 'advanced')).toBe('advanced default');
		expect(parameterOf(undefined, { mode: 'raw', advanced: 'given' }, 'advanced')).toBe('given');
	});

	it('honours @version conditions, at the default version or the one asked for', () => {
		expect(parameterOf(undefined, {}, 'newField')).toBe('since v2');
		expect(parameterOf(undefined, {}, 'oldField')).toBe('not shown');
		expect(parameterOf(1, {}, 'newField')).toBe('not shown');
		expect(parameterOf(1, {}, 'oldField')).toBe('v1 only');
		expect(parameterOf(3, {}, 'newField')).toBe('since v2');
	});

	it('throws like n8n for a parameter that is not there and has no fallback', () => {
		const { context } = executeContext({ nodeType: conditionalNode, credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' }, parameters: {} });
		expect(() => context.getNodeParameter('advanced', 0)).toThrow('Could not get parameter "advanced"');
	});

	it('resolves expression stand-ins per item, inside collections too', () => {
		const items: INodeExecutionData[] = [{ json: { name: 'first' } }, { json: { name: 'second' } }];
		const { context } = executeContext({
			nodeType: conditionalNode,
			credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' },
			parameters: { options: { label: (item: INodeExecutionData) => item.json.name } },
			items,
		});
		expect(context.getNodeParameter('options', 1)).toEqual({ label: 'second' });
		expect(context.getNodeParameter('options.label', 0)).toBe('first');
	});

	it('runs the trigger at each shipped version, its default (2) unless asked', () => {
		const trigger = new InstantlyTrigger();
		const at = (typeVersion?: number) =>
			hookContext({ nodeType: trigger, credentials: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9' }, parameters: {}, typeVersion }).context.getNode()
				.typeVersion;
		expect([at(), at(1), at(2)]).toEqual([2, 1, 2]);
	});
});
