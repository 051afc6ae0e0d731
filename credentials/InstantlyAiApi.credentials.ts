import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class InstantlyAiApi implements ICredentialType {
	name = 'instantlyAiApi';

	displayName = 'Instantly.ai API';

	documentationUrl = 'https://developer.instantly.ai/getting-started/authorization';

	icon: Icon = {
		light: 'file:../nodes/Instantly/instantly.svg',
		dark: 'file:../nodes/Instantly/instantly.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An API v2 key from Instantly → Settings → Integrations → API Keys. API v1 keys do not work. Give it the scopes of the operations you use (the README lists them), or all:all.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.instantly.ai',
			description:
				'Leave as is for Instantly. Change it only to point at a local Instantly simulator for testing.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Listing one campaign needs only campaigns:read, so a least-privilege key passes the test.
	// The answer is judged by its body, not its HTTP status: n8n 1.x shows its own generic text for
	// a failed status and never these messages (n8n 2.x would show them either way). Instantly's
	// errors carry their status in the body ({statusCode, error, message}); whatever is not a
	// campaign list (any other error, a proxy's HTML page, a wrong Base URL) fails the last rule.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v2/campaigns',
			qs: { limit: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 401,
					message:
						'Instantly did not accept this API key (401). Check that it is an API v2 key that has not been revoked.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 402,
					message:
						'The key is valid, but this Instantly workspace has no active paid plan (402). The API needs one.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 403,
					message:
						'The key is valid, but it lacks the scope campaigns:read (403) used by this test. Add that scope (or all:read) to the key in Instantly.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: 429,
					message:
						"Instantly's rate limit for this workspace was hit (429), so the key could not be checked. Test again in a minute.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'items',
					value: undefined,
					message:
						'Instantly did not answer with the list of campaigns this test asks for, so the key could not be checked. Check the Base URL (https://api.instantly.ai unless you test against a simulator) and try again; if it is right, Instantly may be having trouble.',
				},
			},
		],
	};
}
