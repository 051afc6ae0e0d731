import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { emailListValue, readText } from '../../helpers/validation';

/** HTML and text body fields; Instantly takes either or both. */
export const bodyProperties: INodeProperties[] = [
	{
		displayName: 'HTML Body',
		name: 'bodyHtml',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message as HTML; use &lt;br/&gt; for line breaks',
	},
	{
		displayName: 'Text Body',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The message as plain text',
	},
];

/** `{ html?, text? }` from the body fields, or undefined when both are empty. */
export function messageBody(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const body: IDataObject = {};
	const html = readText(context, { name: 'bodyHtml', label: 'HTML Body', itemIndex }, { trim: false });
	const text = readText(context, { name: 'bodyText', label: 'Text Body', itemIndex }, { trim: false });
	if (html.trim() !== '') body.html = html;
	if (text.trim() !== '') body.text = text;
	return Object.keys(body).length > 0 ? body : undefined;
}

/** Cc and Bcc options (comma-separated addresses). */
export const copyOptions: INodeProperties[] = [
	{
		displayName: 'BCC',
		name: 'bcc',
		type: 'string',
		default: '',
		placeholder: 'e.g. archive@example.com',
		description: 'Comma-separated addresses to blind-copy',
	},
	{
		displayName: 'CC',
		name: 'cc',
		type: 'string',
		default: '',
		placeholder: 'e.g. boss@example.com',
		description: 'Comma-separated addresses to copy',
	},
];

/** The CC and BCC options (see `copyOptions`) as Instantly's comma-separated address lists. */
export function copyAddresses(context: IExecuteFunctions, options: IDataObject, itemIndex: number): IDataObject {
	return {
		cc_address_email_list: emailListValue({ node: context.getNode(), value: options.cc, label: 'CC', itemIndex }).join(','),
		bcc_address_email_list: emailListValue({ node: context.getNode(), value: options.bcc, label: 'BCC', itemIndex }).join(','),
	};
}
