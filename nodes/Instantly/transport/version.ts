/** Kept equal to package.json's version by a unit test; shipped code may not read files. */
export const PACKAGE_VERSION = '0.1.0';

export const USER_AGENT = `n8n-nodes-instantly-ai/${PACKAGE_VERSION}`;
