import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

/**
 * The rule set of n8n's community-package scanner, which ignores inline `eslint-disable` comments.
 * `npm run lint` runs it with --no-inline-config over what we ship, so a disable comment cannot
 * hide from us what the scanner would report.
 */
export default [
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
];
