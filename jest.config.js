const path = require('path');

const modules = path.join(__dirname, 'node_modules');

/**
 * The nodes, transport and credential run on both n8n lines the package supports, each through
 * that line's own n8n-core request helper and n8n-workflow (see test/harness/n8nLine.ts): every
 * `n8n-workflow` and `@n8n/di` import gets the line's single copy, as inside n8n.
 */
const LINES = require('./test/harness/n8nLines.json');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
/** Tests that load the harness, and so n8n: run once per line. The simulator's own run once. */
const lineDirs = ['nodes', 'credentials', 'harness'].map((dir) => `<rootDir>/test/${dir}/`);

const lineProject = (line) => ({
	displayName: `n8n ${LINES[line].release}`,
	testEnvironment: 'node',
	testMatch: lineDirs.map((dir) => `${dir}**/*.test.ts`),
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
			testPathIgnorePatterns: ['/node_modules/', ...lineDirs],
			transform,
		},
	],
};
