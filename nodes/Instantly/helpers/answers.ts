import type { IDataObject } from 'n8n-workflow';

/**
 * Turns whatever Instantly answered into item data. A JSON object or list passes as is. An empty
 * answer (204, or 200 with no body) becomes `{ success: true }` plus what was acted on (e.g. the
 * id), and a text that is not JSON becomes `{ success: true, response: text }`: n8n would
 * otherwise emit `""` as an item or spread "OK" into `{ "0": "O", "1": "K" }`.
 */
export function answerJson(answer: unknown, actedOn: IDataObject = {}): IDataObject | IDataObject[] {
	if (Array.isArray(answer)) return answer.map((entry) => (isObject(entry) ? entry : { value: entry as IDataObject[string] }));
	if (isObject(answer)) return answer;
	if (answer === undefined || answer === null) return { success: true, ...actedOn };
	if (typeof answer === 'string') {
		const text = answer.trim();
		if (text === '') return { success: true, ...actedOn };
		const parsed = parseJson(text);
		if (isObject(parsed) || Array.isArray(parsed)) return answerJson(parsed, actedOn);
		return { success: true, ...actedOn, response: text };
	}
	return { success: true, ...actedOn, response: answer as IDataObject[string] };
}

/** For an operation that adds fields of its own to the answer: never spreads a text or a list. */
export function answerWith(answer: unknown, added: IDataObject, actedOn: IDataObject = {}): IDataObject {
	const json = answerJson(answer, actedOn);
	return Array.isArray(json) ? { response: json, ...added } : { ...json, ...added };
}

/** Whether a value is a JSON object (not null, not a list). */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value a JSON text stands for, or undefined when it is not JSON. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The item continueOnFail emits for a failed input: the message, the hint and Instantly's status. */
export function errorItem(error: Error & { description?: string | null; httpCode?: string | null }): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error.httpCode ? { statusCode: Number(error.httpCode) } : {}),
	};
}
