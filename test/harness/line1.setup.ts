// Selects n8n 1.x for the harness (see test/harness/n8nLine.ts); jest.config.js maps the modules.
process.env.N8N_LINE = '1';
