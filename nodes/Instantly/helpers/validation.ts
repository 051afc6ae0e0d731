import type { IDataObject, IExecuteFunctions, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unsafePathSegment } from '../transport/endpoints';
import { isObject as isPlainObject, parseJson } from './answers';
import { splitList } from './lists';

/** An Instantly id (a UUID) anywhere in a text, such as an app.instantly.ai link. */
export const UUID_IN_TEXT = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A whole value that is an Instantly id, for a field's regex validation. */
export const UUID_PATTERN = `^${UUID_IN_TEXT}$`;

const UUID = new RegExp(UUID_PATTERN);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** Whether a string is an Instantly id (a UUID). */
export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** Whether a string looks like an email address. */
export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** Whether a string looks like a domain name such as `example.com`. */
export function isDomain(value: string): boolean {
	return DOMAIN.test(value);
}

/** Where a value comes from: the parameter's internal name, its UI label and the item. */
export interface ParameterRead {
	name: string;
	label: string;
	itemIndex: number;
	/** Used when the parameter is absent (not shown for the operation, or from an older node version). */
	fallback?: unknown;
}

/** A value already read (e.g. from a collection), with the label and item it belongs to. */
export interface ValueCheck {
	node: INode;
	value: unknown;
	label: string;
	itemIndex: number;
}

/** The error every reader throws: it names the field, the item and what was expected. */
export function invalidValue({ node, value, label, itemIndex }: ValueCheck, expected: string): NodeOperationError {
	return new NodeOperationError(node, `${label}: expected ${expected}, got ${describe(value)}`, {
		description: `Item ${itemIndex + 1}: fix the value of ${label} (an expression may give a different type than the field shows).`,
		itemIndex,
	});
}

function describe(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : `"${truncate(value)}"`;
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}

const truncate = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/**
 * Text from a string field. Numbers (and true/false) are accepted as their text, since an
 * expression such as `{{ $json.zip }}` often yields one; objects and lists are refused.
 */
export function textValue(check: ValueCheck): string {
	const { value } = check;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === undefined || value === null) return '';
	throw invalidValue(check, 'text');
}

/** A number, from a number or a numeric text such as "3"; undefined when empty. */
export function optionalNumberValue(check: ValueCheck, { integer = false, min = -Infinity, max = Infinity } = {}): number | undefined {
	const { value } = check;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
	const expected = `${integer ? 'a whole number' : 'a number'}${rangeText(min, max)}`;
	if (!Number.isFinite(number) || (integer && !Number.isInteger(number)) || number < min || number > max) {
		throw invalidValue(check, expected);
	}
	return number;
}

/** Like optionalNumberValue, but empty is refused. */
export function numberValue(check: ValueCheck, bounds: { integer?: boolean; min?: number; max?: number } = {}): number {
	const number = optionalNumberValue(check, bounds);
	if (number === undefined) {
		throw invalidValue(check, `${bounds.integer ? 'a whole number' : 'a number'}${rangeText(bounds.min, bounds.max)}`);
	}
	return number;
}

function rangeText(min = -Infinity, max = Infinity): string {
	if (Number.isFinite(min) && Number.isFinite(max)) return ` from ${min} to ${max}`;
	if (Number.isFinite(min)) return ` of at least ${min}`;
	if (Number.isFinite(max)) return ` of at most ${max}`;
	return '';
}

/** true/false, also from the texts "true"/"false" an expression may give. */
export function booleanValue(check: ValueCheck): boolean {
	const { value } = check;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw invalidValue(check, 'true or false');
}

/** One of a fixed set of values (an options field set by an expression). */
export function choiceValue<T extends string>(check: ValueCheck, allowed: readonly T[]): T {
	const match = allowed.find((choice) => choice === check.value);
	if (match === undefined) throw invalidValue(check, `one of ${allowed.map((choice) => `"${choice}"`).join(', ')}`);
	return match;
}

/**
 * One of an options field's values. An expression may give the value itself, its text ("1" for
 * 1), or the option's name as the UI shows it ("Active"); anything else is refused, listing them.
 */
export function optionValue(check: ValueCheck, options: readonly INodePropertyOptions[]): string | number | boolean {
	const { value } = check;
	const text = typeof value === 'string' ? value.trim() : value;
	const match =
		options.find((option) => option.value === text) ??
		options.find((option) => (typeof text === 'string' || typeof text === 'number') && String(option.value) === String(text)) ??
		options.find((option) => typeof text === 'string' && option.name.toLowerCase() === text.toLowerCase());
	if (match === undefined) {
		throw invalidValue(check, `one of ${options.map((option) => `${option.name} (${String(option.value)})`).join(', ')}`);
	}
	return match.value;
}

/** Throws an error naming the field unless the value is a valid email address (anything but text counts as empty). */
export function assertEmail({ node, value, label, itemIndex }: ValueCheck): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isEmail(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? `${label} is required` : `${label}: "${text}" is not a valid email address`,
			{ description: `Item ${itemIndex + 1}: expected an email address such as jane@example.com.`, itemIndex },
		);
	}
	return text;
}

/** Throws an error naming the field unless the value is an Instantly id (anything but text counts as empty). */
export function assertUuid({ node, value, label, itemIndex }: ValueCheck): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isUuid(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? `${label} is required` : `${label}: "${text}" is not a valid Instantly ID`,
			{ description: `Item ${itemIndex + 1}: expected a UUID such as 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70.`, itemIndex },
		);
	}
	return text;
}

/** An email address; a number or an object is refused naming the field rather than called empty. */
export function emailValue(check: ValueCheck): string {
	return assertEmail({ ...check, value: textValue(check) });
}

/** An Instantly id (UUID). */
export function uuidValue(check: ValueCheck): string {
	return assertUuid({ ...check, value: textValue(check) });
}

/** A comma-separated list (or a list) of email addresses, each checked; `[]` when empty. */
export function emailListValue(check: ValueCheck): string[] {
	return splitList(check.value).map((email) => assertEmail({ ...check, value: email }));
}

/** A comma-separated list (or a list) of Instantly ids, each checked; `[]` when empty. */
export function uuidListValue(check: ValueCheck): string[] {
	return splitList(check.value).map((id) => assertUuid({ ...check, value: id }));
}

/** A changed name or label, trimmed; an update may not blank it (leaving the field out keeps it). */
export function nonEmptyText({ node, value, label, itemIndex }: ValueCheck): string {
	const text = String(value).trim();
	if (text === '') {
		throw new NodeOperationError(node, `${label} cannot be empty`, {
			description: `Item ${itemIndex + 1}: remove the field to keep the current name.`,
			itemIndex,
		});
	}
	return text;
}

/** Throws unless an Update's body changes at least one field. */
export function requireChanges({ node, body, itemIndex }: { node: INode; body: IDataObject; itemIndex: number }): void {
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields: choose at least one field to change', {
			description: `Item ${itemIndex + 1}: nothing would be sent to Instantly.`,
			itemIndex,
		});
	}
}

/** An object (a collection, or JSON set by an expression); a JSON text of an object is parsed. */
export function objectValue(check: ValueCheck): IDataObject {
	const { value } = check;
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (isPlainObject(parsed)) return parsed;
		throw invalidValue(check, 'an object or a JSON object text such as {"key": "value"}');
	}
	if (isPlainObject(value)) return value;
	throw invalidValue(check, 'an object');
}

/** A list (e.g. a multi-options field), from a list, a JSON list text or a comma-separated text. */
export function listValue(check: ValueCheck): unknown[] {
	const { value } = check;
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (Array.isArray(parsed)) return parsed;
		if (parsed === undefined || typeof parsed !== 'object') return splitList(value);
	}
	if (typeof value === 'number') return [value];
	throw invalidValue(check, 'a list, or values separated by commas');
}

/**
 * The rows of a multiple-values fixedCollection (`{ [entry]: [...] }`), or a plain list of rows,
 * which is what an expression for the whole field usually gives; each row must be an object.
 */
export function rowsValue(check: ValueCheck, entry: string): IDataObject[] {
	const { value } = check;
	const rows = Array.isArray(value) ? value : listOrEmpty(objectValue(check)[entry]);
	if (rows === undefined || !rows.every(isPlainObject)) {
		throw invalidValue(check, `a list of objects, or an object with such a list under "${entry}"`);
	}
	return rows;
}

const listOrEmpty = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : undefined);

/**
 * An id that becomes a path segment. After URL normalisation `.` and `..` (or a `/`) would
 * reach another endpoint, so they are refused here, naming the field, before anything is sent.
 */
export function pathIdValue(check: ValueCheck): string {
	const id = textValue(check);
	if (id === '') throw invalidValue(check, 'an ID');
	if (unsafePathSegment(id)) throw invalidValue(check, 'an ID without "/", and not "." or ".."');
	return id;
}

function read(context: IExecuteFunctions, { name, label, itemIndex, fallback }: ParameterRead, defaultFallback?: unknown): ValueCheck {
	const value = context.getNodeParameter(name, itemIndex, fallback ?? defaultFallback);
	return { node: context.getNode(), value, label, itemIndex };
}

/** Reads a text parameter, trimmed unless `trim` is false (message bodies); `required` refuses an empty one. */
export function readText(context: IExecuteFunctions, parameter: ParameterRead, { required = false, trim = true } = {}): string {
	const check = read(context, parameter, '');
	const text = !trim && typeof check.value === 'string' ? check.value : textValue(check);
	if (required && text === '') {
		throw new NodeOperationError(check.node, `${check.label} is required`, {
			description: `Item ${check.itemIndex + 1}: give a value for ${check.label}.`,
			itemIndex: check.itemIndex,
		});
	}
	return text;
}

/** Reads a number parameter (a numeric text is accepted), within bounds. */
export function readNumber(
	context: IExecuteFunctions,
	parameter: ParameterRead,
	bounds: { integer?: boolean; min?: number; max?: number } = {},
): number {
	return numberValue(read(context, parameter), bounds);
}

/**
 * Reads a whole-number parameter within bounds; its error says the range, as the field's own
 * minimum and maximum would.
 */
export function readInteger(
	context: IExecuteFunctions,
	parameter: ParameterRead,
	{ min, max }: { min: number; max: number },
): number {
	const { node, value: raw, label, itemIndex } = read(context, parameter);
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new NodeOperationError(node, `${label} must be a whole number from ${min} to ${max}`, {
			description: `Item ${itemIndex + 1}: got ${String(value)}.`,
			itemIndex,
		});
	}
	return value;
}

/** Reads a boolean parameter. */
export function readBoolean(context: IExecuteFunctions, parameter: ParameterRead): boolean {
	return booleanValue(read(context, parameter));
}

/** Reads an options parameter, refusing a value that is not one of its options. */
export function readChoice<T extends string>(context: IExecuteFunctions, parameter: ParameterRead, allowed: readonly T[]): T {
	return choiceValue(read(context, parameter), allowed);
}

/**
 * Reads a collection (Filters, Options, Update Fields …) as an object, and each field of it that
 * the given definitions describe as its type: text (numbers become text), number ("3" becomes 3),
 * boolean ("true" too), options (value, its text or its name), multi-options and nested
 * collections (a list or object, or its JSON text). An error names the field by its UI label.
 */
export function readCollection(
	context: IExecuteFunctions,
	parameter: ParameterRead,
	fields: readonly INodeProperties[] = [],
): IDataObject {
	const node = context.getNode();
	const collection = objectValue(read(context, parameter, {}));
	const result: IDataObject = { ...collection };
	for (const field of fields) {
		if (!(field.name in collection)) continue;
		const check = { node, value: collection[field.name], label: field.displayName, itemIndex: parameter.itemIndex };
		result[field.name] = fieldValue(check, field);
	}
	return result;
}

function fieldValue(check: ValueCheck, field: INodeProperties): IDataObject[string] {
	switch (field.type) {
		case 'string':
			// A list stays a list: list fields (emails, ids) are split by their readers either way.
			return typeof check.value === 'string' || Array.isArray(check.value) ? (check.value as IDataObject[string]) : textValue(check);
		case 'number':
			return optionalNumberValue(check);
		case 'boolean':
			return booleanValue(check);
		case 'options': {
			const options = fixedOptions(field);
			return options ? optionValue(check, options) : (check.value as IDataObject[string]);
		}
		case 'multiOptions': {
			const options = fixedOptions(field);
			return listValue(check).map((entry) => (options ? optionValue({ ...check, value: entry }, options) : (entry as string)));
		}
		case 'collection':
		case 'fixedCollection':
			return objectValue(check);
		default:
			return check.value as IDataObject[string];
	}
}

/** The fields of a collection parameter, from the operation's own property list. */
export function collectionFields(properties: readonly INodeProperties[], name: string): INodeProperties[] {
	const collection = properties.find((property) => property.name === name);
	return (collection?.options ?? []).filter((option): option is INodeProperties => 'displayName' in option && 'type' in option);
}

/** The options a field lists itself; undefined for ones loaded from Instantly at edit time. */
function fixedOptions(field: INodeProperties): INodePropertyOptions[] | undefined {
	const options = (field.options ?? []).filter((option): option is INodePropertyOptions => 'value' in option);
	return options.length > 0 ? options : undefined;
}

/**
 * Name/value pairs of a key-value fixedCollection (`{ [entry]: [{ key, value }] }`), or of a plain
 * object or its JSON text, which is what an expression for such a field usually gives.
 */
export function pairsValue(check: ValueCheck, entry: string): Array<{ key: unknown; value: unknown }> {
	const object = objectValue(check);
	const rows = object[entry];
	if (rows === undefined) return Object.entries(object).map(([key, value]) => ({ key, value }));
	if (!Array.isArray(rows)) throw invalidValue(check, `a list under "${entry}", or an object of names and values`);
	return rows.map((row) => {
		if (!isPlainObject(row)) throw invalidValue(check, `a list of { key, value } under "${entry}", or an object of names and values`);
		// A row's Name may be set by an expression: an object there would become "[object Object]".
		return { key: textValue({ ...check, value: row.key, label: `${check.label} (Name)` }), value: row.value };
	});
}

/** Reads a free-text id that goes into a request path (see pathIdValue). */
export function readPathId(context: IExecuteFunctions, parameter: ParameterRead): string {
	return pathIdValue(read(context, parameter, ''));
}

/** Reads an options parameter (see optionValue). */
export function readOption(
	context: IExecuteFunctions,
	parameter: ParameterRead,
	options: readonly INodePropertyOptions[],
): string | number | boolean {
	return optionValue(read(context, parameter), options);
}

/** Reads a required email address parameter. */
export function readEmail(context: IExecuteFunctions, parameter: ParameterRead): string {
	return emailValue(read(context, parameter, ''));
}

/** Reads a required Instantly id (UUID) parameter. */
export function readUuid(context: IExecuteFunctions, parameter: ParameterRead): string {
	return uuidValue(read(context, parameter, ''));
}

/** Reads a list parameter (e.g. a multi-options field), also from a JSON list text. */
export function readList(context: IExecuteFunctions, parameter: ParameterRead): unknown[] {
	return listValue(read(context, parameter, []));
}
