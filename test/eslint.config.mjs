import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Tests, the simulator, benchmarks and scripts run in Node beside n8n, never inside it, so n8n's
 * community-node rules (no Node built-ins, no timers, no `process`) do not apply to them. ESLint
 * uses the eslint.config.mjs nearest to each file, so this one (re-exported by bench/ and
 * scripts/) replaces the root's n8n configuration for these folders.
 */
export default tseslint.config({
	files: ['**/*.ts'],
	extends: [js.configs.recommended, tseslint.configs.recommended],
	rules: {
		// The simulator and its clients pass JSON that was validated against Instantly's OpenAPI
		// document before it is read (see simulator/resources/types.ts); typing every body
		// again would restate the document.
		'@typescript-eslint/no-explicit-any': 'off',
		// The harness loads the chosen n8n line's modules by a path computed at run time, and the
		// benchmarks name a .ts file for tsx; neither can be a static import.
		'@typescript-eslint/no-require-imports': 'off',
		// `const { dropped, ...kept } = value` is how a test drops a field before comparing the rest.
		'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
	},
});
