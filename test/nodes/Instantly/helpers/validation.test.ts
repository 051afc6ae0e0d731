import type { INode } from 'n8n-workflow';

import {
	assertEmail,
	assertUuid,
	booleanValue,
	emailListValue,
	isDomain,
	isEmail,
	listValue,
	nonEmptyText,
	numberValue,
	objectValue,
	optionValue,
	pairsValue,
	pathIdValue,
	requireChanges,
	textValue,
	uuidListValue,
} from '../../../../nodes/Instantly/helpers/validation';

const node: INode = { id: 'n', name: 'Instantly', type: 'instantly', typeVersion: 1, position: [0, 0], parameters: {} };
const check = (value: unknown) => ({ node, value, label: 'Field', itemIndex: 2 });
const error = (read: () => unknown) => {
	try {
		read();
	} catch (caught) {
		return caught as Error & { description?: string; context: { itemIndex?: number } };
	}
	throw new Error('expected a refusal');
};

describe('address shapes', () => {
	it.each([
		['jane@example.com', true],
		['jane.doe+x@sub.example.co.uk', true],
		['jane@', false],
		['example.com', false],
		['a b@example.com', false],
	])('isEmail(%s) = %s', (value, expected) => expect(isEmail(value)).toBe(expected));

	it.each([
		['example.com', true],
		['sub.example.co.uk', true],
		['-bad.com', false],
		['nodot', false],
		['a@example.com', false],
	])('isDomain(%s) = %s', (value, expected) => expect(isDomain(value)).toBe(expected));
});

describe('checks that name the field and the item', () => {
	const id = '3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70';

	it.each([
		['an email, trimmed', () => assertEmail(check(' jane@example.com ')), 'jane@example.com'],
		['a UUID, trimmed', () => assertUuid(check(` ${id}`)), id],
		['an email list, split and checked', () => emailListValue(check('a@example.com, b@example.com')), ['a@example.com', 'b@example.com']],
		['an empty email list', () => emailListValue(check('')), []],
		['an id list', () => uuidListValue(check([id])), [id]],
		['a new name, trimmed', () => nonEmptyText(check(' Q3 ')), 'Q3'],
	])('accepts %s', (_case, read, expected) => expect(read()).toEqual(expected));

	it.each([
		['an empty email', () => assertEmail(check(' ')), 'Field is required'],
		['a number as an email', () => assertEmail(check(42)), 'Field is required'],
		['a bad email', () => assertEmail(check('jane@')), 'Field: "jane@" is not a valid email address'],
		['a bad UUID', () => assertUuid(check('42')), 'Field: "42" is not a valid Instantly ID'],
		['one bad email of a list', () => emailListValue(check('a@example.com, nope')), 'Field: "nope" is not a valid email address'],
		['one bad id of a list', () => uuidListValue(check(`${id},x`)), 'Field: "x" is not a valid Instantly ID'],
		['a blanked name', () => nonEmptyText(check('  ')), 'Field cannot be empty'],
		['an update that changes nothing', () => requireChanges({ node, body: {}, itemIndex: 2 }), 'Update Fields: choose at least one field to change'],
	])('refuses %s, on item 3', (_case, read, message) => {
		const refusal = error(read);
		expect(refusal.message).toBe(message);
		expect(refusal.context.itemIndex).toBe(2);
	});
});

describe('typed value checks', () => {
	it.each([
		['text', () => textValue(check(' a ')), 'a'],
		['number as text', () => textValue(check(42)), '42'],
		['nothing as empty text', () => textValue(check(undefined)), ''],
		['number', () => numberValue(check(' 3 '), { integer: true, min: 1 }), 3],
		['boolean text', () => booleanValue(check('TRUE')), true],
		['JSON object text', () => objectValue(check('{"a":1}')), { a: 1 }],
		['comma-separated list', () => listValue(check('a, b;c')), ['a', 'b', 'c']],
		['JSON list text', () => listValue(check('[1,2]')), [1, 2]],
		['option by value', () => optionValue(check(1), [{ name: 'Active', value: 1 }]), 1],
		['option by text of value', () => optionValue(check('1'), [{ name: 'Active', value: 1 }]), 1],
		['option by name', () => optionValue(check('active'), [{ name: 'Active', value: 1 }]), 1],
		['pairs from rows', () => pairsValue(check({ variable: [{ key: 'a', value: 1 }] }), 'variable'), [{ key: 'a', value: 1 }]],
		['pairs from an object', () => pairsValue(check({ a: 1 }), 'variable'), [{ key: 'a', value: 1 }]],
		['a path id', () => pathIdValue(check('t-1.a')), 't-1.a'],
	])('accepts %s', (_case, read, expected) => {
		expect(read()).toEqual(expected);
	});

	it.each([
		['an object as text', () => textValue(check({})), 'Field: expected text, got an object'],
		['a word as a number', () => numberValue(check('abc')), 'Field: expected a number, got "abc"'],
		['a fraction as a whole number', () => numberValue(check(2.5), { integer: true, min: 1, max: 25 }), 'Field: expected a whole number from 1 to 25, got the number 2.5'],
		['"yes" as a boolean', () => booleanValue(check('yes')), 'Field: expected true or false, got "yes"'],
		['a list as an object', () => objectValue(check([1])), 'Field: expected an object, got a list'],
		['an object as a list', () => listValue(check({ a: 1 })), 'Field: expected a list, or values separated by commas, got an object'],
		['an unknown option', () => optionValue(check('x'), [{ name: 'Active', value: 1 }]), 'Field: expected one of Active (1), got "x"'],
		['".." as a path id', () => pathIdValue(check('..')), 'Field: expected an ID without "/", and not "." or "..", got ".."'],
		['a slash in a path id', () => pathIdValue(check('a/b')), 'Field: expected an ID without "/", and not "." or "..", got "a/b"'],
		['a blank path id', () => pathIdValue(check(' ')), 'Field: expected an ID, got an empty text'],
	])('refuses %s, naming the field and the item', (_case, read, message) => {
		const refusal = error(read);
		expect(refusal.message).toBe(message);
		expect(refusal.description).toMatch(/^Item 3: /);
		expect(refusal.context.itemIndex).toBe(2);
	});
});
