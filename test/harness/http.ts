import axios from 'axios';
import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { InstantlyApi } from '../../credentials/InstantlyApi.credentials';

export interface InstantlyCredentials {
	apiKey: string;
	baseUrl: string;
}

/**
 * What n8n's httpRequestWithAuthentication does for our credential: applies its generic
 * `authenticate` headers, then sends the request with axios (as n8n does).
 */
export async function requestWithCredential(
	credentials: InstantlyCredentials,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const headers: Record<string, string | boolean> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		if (typeof value === 'string' || typeof value === 'boolean') headers[name] = value;
	}
	const authHeaders = new InstantlyApi().authenticate.properties.headers ?? {};
	for (const [name, template] of Object.entries(authHeaders)) {
		headers[name] = resolveCredentialTemplate(String(template), credentials);
	}

	const response = await axios.request({
		method: options.method ?? 'GET',
		baseURL: options.baseURL,
		url: options.url,
		params: options.qs,
		paramsSerializer: { indexes: options.arrayFormat === 'repeat' ? null : undefined },
		data: options.body,
		headers,
		validateStatus: options.ignoreHttpStatusErrors ? () => true : undefined,
		timeout: options.timeout ?? 30_000,
	});
	if (!options.returnFullResponse) return response.data;
	const full: IN8nHttpFullResponse = {
		body: response.data,
		headers: Object.fromEntries(Object.entries(response.headers)) as IN8nHttpFullResponse['headers'],
		statusCode: response.status,
		statusMessage: response.statusText,
	};
	return full;
}

/** Resolves `=Bearer {{$credentials.apiKey}}`-style expressions, the only form our credential uses. */
export function resolveCredentialTemplate(template: string, credentials: InstantlyCredentials): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: keyof InstantlyCredentials) =>
			String(credentials[key]),
		);
}
