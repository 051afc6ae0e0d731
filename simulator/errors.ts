import { STATUS_CODES } from 'node:http';

export interface ErrorEnvelope {
	statusCode: number;
	error: string;
	message: string;
}

/** Thrown by handlers; the server turns it into Instantly's error envelope. */
export class ApiError extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
	) {
		super(message);
	}
}

export function envelope(statusCode: number, message: string): ErrorEnvelope {
	return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

export const notFound = (what = 'Resource') => new ApiError(404, `${what} not found`);
export const badRequest = (message: string) => new ApiError(400, message);
