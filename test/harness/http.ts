import type { ICredentialDataDecryptedObject, IHttpRequestOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { InstantlyAiApi } from '../../credentials/InstantlyAiApi.credentials';

export interface InstantlyCredentials {
	apiKey: string;
	baseUrl: string;
}

/**
 * The part of n8n's server that n8n-core's request helper needs and n8n-core does not ship: the
 * credentials helper, reduced to our one credential type. Its generic `authenticate` is applied as
 * n8n's CredentialsHelper applies it to headers (the only part our credential sets). Everything
 * else (axios config, body and header handling, error wrapping) is n8n-core's own code.
 */
export function credentialsHelperAdditionalData(): IWorkflowExecuteAdditionalData {
	const credentialType = new InstantlyAiApi();
	const credentialsHelper = {
		getParentTypes: () => [],
		preAuthentication: async () => undefined,
		authenticate: async (
			credentials: ICredentialDataDecryptedObject,
			typeName: string,
			requestOptions: IHttpRequestOptions,
		): Promise<IHttpRequestOptions> => {
			if (typeName !== credentialType.name) throw new Error(`Unknown credential type "${typeName}"`);
			// In place, as n8n does: the caller's options object keeps the resolved headers.
			const headers = (requestOptions.headers ??= {});
			for (const [name, template] of Object.entries(credentialType.authenticate.properties.headers ?? {})) {
				headers[name] = resolveCredentialTemplate(String(template), credentials);
			}
			return requestOptions;
		},
	};
	return { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
}

/** Resolves `=Bearer {{$credentials.apiKey}}`-style expressions, the only form our credential uses. */
export function resolveCredentialTemplate(template: string, credentials: ICredentialDataDecryptedObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, key: string) =>
			String(credentials[key]),
		);
}
