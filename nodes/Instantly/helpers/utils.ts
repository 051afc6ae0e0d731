import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Endpoint } from '../transport/endpoints';
import type { PaginateRequest } from '../transport/pagination';
import { fetchAll } from '../transport/pagination';
import { isUuid } from './locator';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i;

/** Whether a string looks like an email address. */
export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** Whether a string looks like a domain name such as `example.com`. */
export function isDomain(value: string): boolean {
	return DOMAIN.test(value);
}

/** Splits a list into consecutive batches of at most `size`. */
export function chunk<T>(list: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

/** Splits a comma/newline separated string (or takes an array) into trimmed, non-empty values. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(/[,\n;]/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** Drops undefined, empty strings and empty arrays: Instantly treats an empty array as a filter. */
export function compact(object: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		result[key] = value;
	}
	return result;
}

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function isRealDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Checked by tag and shape, not instanceof: n8n evaluates expressions in a sandbox of its own,
// so a Date or DateTime from an expression is not one of this module's classes.
function isDate(value: unknown): value is Date {
	return Object.prototype.toString.call(value) === '[object Date]';
}

function isLuxonDateTime(value: unknown): value is { toISODate(): string | null; toMillis(): number } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISODate?: unknown }).toISODate === 'function' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	);
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** The `YYYY-MM-DD` calendar day an instant falls on in a time zone. */
function dayInZone(instant: Date, timeZone: string): string {
	const { year, month, day } = wallClock(instant, timeZone);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant a wall-clock time (given as if it were UTC) shows in a time zone; twice, for DST changes. */
function instantOfWallTime(wallAsUtc: number, timeZone: string): number {
	const offsetAt = (instant: number) => {
		const clock = wallClock(new Date(instant), timeZone);
		return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - Math.floor(instant / 1000) * 1000;
	};
	const guess = wallAsUtc - offsetAt(wallAsUtc);
	return wallAsUtc - offsetAt(guess);
}

type DateValue =
	| { kind: 'instant'; instant: Date }
	| { kind: 'written'; day: string; wallAsUtc: number; offset: boolean; instant: Date };

/**
 * Reads an n8n date value, or throws an error naming the field. n8n's date picker stores
 * `2030-01-15T00:00:00` without an offset; an expression may give text with one, a Luxon DateTime
 * or a JS Date.
 */
function readDateValue(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): DateValue {
	const refuse = (shown: string) =>
		new NodeOperationError(context.getNode(), `${field}: "${shown}" is not a date`, {
			description: `Item ${itemIndex + 1}: use a date such as 2025-01-31, or a date and time such as 2025-01-31T09:00:00.`,
			itemIndex,
		});
	if (isDate(value)) {
		if (Number.isNaN(value.getTime())) throw refuse(String(value));
		return { kind: 'instant', instant: value };
	}
	if (isLuxonDateTime(value)) {
		const day = value.toISODate();
		if (day === null) throw refuse(String(value));
		return { kind: 'written', day, wallAsUtc: Number.NaN, offset: true, instant: new Date(value.toMillis()) };
	}
	const text = String(value).trim();
	const match = ISO_DATE_TIME.exec(text);
	if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) throw refuse(text);
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const wallAsUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Math.round(Number(`0${fraction}`) * 1000));
	return { kind: 'written', day: text.slice(0, 10), wallAsUtc, offset: zone !== undefined, instant: new Date(Date.parse(text)) };
}

/**
 * Converts an n8n date value to the `YYYY-MM-DD` day Instantly takes: the calendar day as written,
 * never shifted through UTC or the server's zone. Text with an offset means the day in that offset,
 * a Luxon DateTime its own day; a JS Date, an instant with no zone, is read on the workflow's clock.
 */
export function toDateOnly(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = readDateValue(context, value, field, itemIndex);
	return date.kind === 'written' ? date.day : dayInZone(date.instant, context.getTimezone());
}

/**
 * Converts an n8n date/time value to an ISO instant. A time written without an offset (n8n's date
 * picker) is a time on the workflow's clock, as n8n's own nodes read it, not the server's.
 */
export function toInstant(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = readDateValue(context, value, field, itemIndex);
	if (date.kind === 'instant' || date.offset) return date.instant.toISOString();
	return new Date(instantOfWallTime(date.wallAsUtc, context.getTimezone())).toISOString();
}

/** Throws an error naming the field unless the value is a valid email address. */
export function assertEmail(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isEmail(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? `${field} is required` : `${field}: "${text}" is not a valid email address`,
			{ description: `Item ${itemIndex + 1}: expected an email address such as jane@example.com.`, itemIndex },
		);
	}
	return text;
}

/** Throws an error naming the field unless the value is an Instantly id (UUID). */
export function assertUuid(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!isUuid(text)) {
		throw new NodeOperationError(
			node,
			text === '' ? `${field} is required` : `${field}: "${text}" is not a valid Instantly ID`,
			{ description: `Item ${itemIndex + 1}: expected a UUID such as 3f1c2a9e-8b7d-4c1e-9f0a-2b3c4d5e6f70.`, itemIndex },
		);
	}
	return text;
}

/** A changed name or label, trimmed; an update may not blank it (leaving the field out keeps it). */
export function nonEmptyText(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = String(value).trim();
	if (text === '') {
		throw new NodeOperationError(node, `${field} cannot be empty`, {
			description: `Item ${itemIndex + 1}: remove the field to keep the current name.`,
			itemIndex,
		});
	}
	return text;
}

/** Throws unless an Update's body changes at least one field. */
export function requireChanges(node: INode, body: IDataObject, itemIndex: number): void {
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(node, 'Update Fields: choose at least one field to change', {
			description: `Item ${itemIndex + 1}: nothing would be sent to Instantly.`,
			itemIndex,
		});
	}
}

/** Parses a list of ids, each of which must be a UUID. */
export function parseIdList(node: INode, value: unknown, field: string, itemIndex: number): string[] {
	return splitList(value).map((id) => assertUuid(node, id, field, itemIndex));
}

type CustomValue = string | number | boolean | null;

/**
 * Builds `custom_variables` from key/value pairs. Instantly accepts only string, number, boolean
 * or null values; anything else is refused here rather than by the API.
 */
export function toCustomVariables(
	node: INode,
	pairs: Array<{ key?: unknown; value?: unknown }>,
	itemIndex: number,
): Record<string, CustomValue> | undefined {
	const result: Record<string, CustomValue> = {};
	for (const { key, value } of pairs) {
		const name = String(key ?? '').trim();
		if (name === '') continue;
		if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
			throw new NodeOperationError(node, `Custom variable "${name}" must be text, a number or true/false`, {
				description: `Item ${itemIndex + 1}: Instantly does not accept objects or lists as custom variable values.`,
				itemIndex,
			});
		}
		result[name] = value as CustomValue;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}

/** The item continueOnFail emits for a failed input: the message, the hint and Instantly's status. */
export function errorItem(error: Error & { description?: string | null; httpCode?: string | null }): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error.httpCode ? { statusCode: Number(error.httpCode) } : {}),
	};
}

/** Reads a number parameter and checks it is a whole number within bounds. */
export function integerParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	min: number,
	max: number,
): number {
	const value = Number(context.getNodeParameter(name, itemIndex));
	if (!Number.isInteger(value) || value < min || value > max) {
		throw new NodeOperationError(context.getNode(), `${label} must be a whole number from ${min} to ${max}`, {
			description: `Item ${itemIndex + 1}: got ${String(value)}.`,
			itemIndex,
		});
	}
	return value;
}

/** How many records Get Many should fetch: undefined means every page. */
export function pageLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return integerParameter(context, 'limit', itemIndex, 'Limit', 1, Number.MAX_SAFE_INTEGER);
}

/** A free-text filter, trimmed; undefined when it is not text. */
export function trimmedText(value: unknown): string | undefined {
	return typeof value === 'string' ? value.trim() : undefined;
}

/** An options filter as the number Instantly takes; undefined when it is not set. */
export function optionalNumber(value: unknown): number | undefined {
	return value === undefined ? undefined : Number(value);
}

/** Get Many: every page of a list endpoint, or as many records as Return All / Limit allow. */
export async function getMany(
	this: IExecuteFunctions,
	endpoint: Endpoint,
	itemIndex: number,
	request: Pick<PaginateRequest, 'qs' | 'body'>,
): Promise<IDataObject[]> {
	return (await fetchAll.call(this, endpoint, { ...request, limit: pageLimit(this, itemIndex), itemIndex })) as IDataObject[];
}

/** UI name → Instantly name of the plain text lead fields. */
export const LEAD_TEXT_FIELDS = {
	firstName: 'first_name',
	lastName: 'last_name',
	companyName: 'company_name',
	jobTitle: 'job_title',
	phone: 'phone',
	website: 'website',
	personalization: 'personalization',
} as const;

/** Picks the lead text fields out of a UI collection, renamed for Instantly; empty ones are left out. */
export function leadTextFields(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [uiName, apiName] of Object.entries(LEAD_TEXT_FIELDS)) {
		const value = fields[uiName];
		if (value !== undefined && value !== null && String(value).trim() !== '') body[apiName] = String(value).trim();
	}
	return body;
}
