import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A date parameter's value, with the label and item an error names. */
export interface DateRead {
	value: unknown;
	label: string;
	itemIndex: number;
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
function readDateValue(context: IExecuteFunctions, { value, label, itemIndex }: DateRead): DateValue {
	const refuse = (shown: string) =>
		new NodeOperationError(context.getNode(), `${label}: "${shown}" is not a date`, {
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
export function toDateOnly(context: IExecuteFunctions, read: DateRead): string | undefined {
	if (read.value === undefined || read.value === null || read.value === '') return undefined;
	const date = readDateValue(context, read);
	return date.kind === 'written' ? date.day : dayInZone(date.instant, context.getTimezone());
}

/**
 * Converts an n8n date/time value to an ISO instant. A time written without an offset (n8n's date
 * picker) is a time on the workflow's clock, as n8n's own nodes read it, not the server's.
 */
export function toInstant(context: IExecuteFunctions, read: DateRead): string | undefined {
	if (read.value === undefined || read.value === null || read.value === '') return undefined;
	const date = readDateValue(context, read);
	if (date.kind === 'instant' || date.offset) return date.instant.toISOString();
	return new Date(instantOfWallTime(date.wallAsUtc, context.getTimezone())).toISOString();
}
