const path = require('path');

const modules = path.join(__dirname, 'node_modules');

/**
 * The nodes, transport and credential run on both n8n lines the package supports, each through
 * that line's own n8n-core request helper and n8n-workflow. Everything that loads n8n-workflow
 * (our code, n8n-core, the harness) gets the line's single copy, as inside n8n; `@n8n/di` likewise,
 * or n8n-core 2.x's services are registered in one container and looked up in another.
 */
const LINES = {
	1: { workflow: 'n8n-workflow-v1', di: '@n8n/di' },
	2: { workflow: 'n8n-workflow-v2', di: 'n8n-core-v2/node_modules/@n8n/di' },
};

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const nodeTests = ['<rootDir>/test/nodes/**/*.test.ts', '<rootDir>/test/credentials/**/*.test.ts'];

const lineProject = (line) => ({
	displayName: `n8n ${line}.x`,
	testEnvironment: 'node',
	testMatch: nodeTests,
	transform,
	setupFiles: [`<rootDir>/test/harness/line${line}.setup.ts`],
	moduleNameMapper: {
		'^n8n-workflow$': path.join(modules, LINES[line].workflow),
		'^@n8n/di$': path.join(modules, LINES[line].di),
	},
});

// N8N_LINE=1 or 2 runs the node tests on that line only.
const lines = process.env.N8N_LINE ? [process.env.N8N_LINE] : ['2', '1'];

/** @type {import('jest').Config} */
module.exports = {
	testTimeout: 30000,
	projects: [
		...lines.map(lineProject),
		{
			displayName: 'simulator',
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/nodes/', '<rootDir>/test/credentials/'],
			transform,
		},
	],
};
