// The e2e runs' n8n user folders, caches and packs: n8n's own code, not ours to lint.
export default [{ ignores: ['**'] }];
