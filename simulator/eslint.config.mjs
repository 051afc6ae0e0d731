// The simulator is a Node program beside n8n: linted as the tests are (see test/eslint.config.mjs).
export { default } from '../test/eslint.config.mjs';
