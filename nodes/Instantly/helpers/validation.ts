import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { unsafePathSegment } from '../transport/endpoints';
import { isObject as isPlainObject, parseJson } from './answers';

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

/** A list (e.g. a multi-options field); a JSON text of a list is parsed. */
export function listValue(check: ValueCheck): unknown[] {
	const { value } = check;
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (Array.isArray(parsed)) return parsed;
	}
	throw invalidValue(check, 'a list');
}

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

/** Reads a text parameter, trimmed; `required` refuses an empty one. */
export function readText(context: IExecuteFunctions, parameter: ParameterRead, { required = false } = {}): string {
	const check = read(context, parameter, '');
	const text = textValue(check);
	if (required && text === '') throw invalidValue(check, 'a value (the field is required)');
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

/** Reads a boolean parameter. */
export function readBoolean(context: IExecuteFunctions, parameter: ParameterRead): boolean {
	return booleanValue(read(context, parameter));
}

/** Reads an options parameter, refusing a value that is not one of its options. */
export function readChoice<T extends string>(context: IExecuteFunctions, parameter: ParameterRead, allowed: readonly T[]): T {
	return choiceValue(read(context, parameter), allowed);
}

/** Reads a collection (Filters, Options, Update Fields …) as an object. */
export function readCollection(context: IExecuteFunctions, parameter: ParameterRead): IDataObject {
	return objectValue(read(context, parameter, {}));
}

/** Reads a free-text id that goes into a request path (see pathIdValue). */
export function readPathId(context: IExecuteFunctions, parameter: ParameterRead): string {
	return pathIdValue(read(context, parameter, ''));
}
