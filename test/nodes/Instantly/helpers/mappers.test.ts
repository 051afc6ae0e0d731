import type { INode } from 'n8n-workflow';

import { compact, toCustomVariables } from '../../../../nodes/Instantly/helpers/mappers';

const node = { name: 'Instantly' } as INode;

describe('helpers/mappers', () => {
	it('compact drops empty strings, undefined and empty arrays but keeps false and 0', () => {
		expect(compact({ a: '', b: undefined, c: [], d: false, e: 0, f: ['x'] })).toEqual({ d: false, e: 0, f: ['x'] });
	});

	it('toCustomVariables keeps scalars and refuses objects', () => {
		expect(toCustomVariables({ node, pairs: [{ key: 'a', value: 'x' }, { key: 'b', value: 2 }, { key: 'c', value: false }, { key: '', value: 1 }], itemIndex: 0 })).toEqual({
			a: 'x',
			b: 2,
			c: false,
		});
		expect(toCustomVariables({ node, pairs: [], itemIndex: 0 })).toBeUndefined();
		expect(() => toCustomVariables({ node, pairs: [{ key: 'o', value: { x: 1 } }], itemIndex: 0 })).toThrow(/Custom variable "o"/);
	});
});
