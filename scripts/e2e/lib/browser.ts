import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { E2E_OWNER, type N8nOwner } from './rest';

/** Debian's Chromium, installed by install-chromium.sh. */
const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A headless Chromium whose only reachable host is 127.0.0.1. */
export interface E2eBrowser {
	context: BrowserContext;
	page: Page;
	/** Closes Chromium and removes its profile folder. */
	close(): Promise<void>;
}

/** Launches headless Chromium with a throw-away profile; every request not to 127.0.0.1 is aborted. */
export async function launchBrowser(): Promise<E2eBrowser> {
	// Playwright refuses --user-data-dir in args; a persistent context takes the folder instead.
	const profile = mkdtempSync(join(tmpdir(), 'n8n-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 1440, height: 900 },
	});
	await context.route('**/*', async (route) => {
		const { hostname, protocol } = new URL(route.request().url());
		const local = hostname === '127.0.0.1' || protocol === 'data:' || protocol === 'blob:';
		await (local ? route.continue() : route.abort('blockedbyclient'));
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Logs the browser in through the REST API; the cookie is shared with every page of the context. */
export async function loginInBrowser(context: BrowserContext, baseUrl: string, owner: N8nOwner = E2E_OWNER): Promise<void> {
	const response = await context.request.post(`${baseUrl}/rest/login`, {
		data: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	if (!response.ok()) throw new Error(`browser login failed: ${response.status()} ${await response.text()}`);
}

/** Opens the editor on a workflow and waits until its nodes are drawn on the canvas. */
export async function openWorkflow(page: Page, baseUrl: string, workflowId: string, timeoutMs = 60_000): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${encodeURIComponent(workflowId)}`);
	await page.locator('[data-test-id="canvas-node"]').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Double-clicks a canvas node by name and waits for its parameter panel (NDV). */
export async function openNodePanel(page: Page, nodeName: string, timeoutMs = 30_000): Promise<void> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick({ timeout: timeoutMs });
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Closes the node panel if one is open. */
export async function closeNodePanel(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="ndv"]').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** Writes a PNG of the whole page, creating the folder. */
export async function screenshot(page: Page, path: string): Promise<void> {
	mkdirSync(dirname(path), { recursive: true });
	await page.screenshot({ path, fullPage: true });
}

/**
 * Opens the node creator (node picker) on the open workflow, types `term` into its search and
 * reports whether a listed item's name contains the term (case-insensitive). The list filters
 * after a short debounce, so this polls; it leaves the creator open for a screenshot.
 */
export async function searchNodeCreator(page: Page, term: string, timeoutMs = 10_000): Promise<boolean> {
	const creator = page.locator('[data-test-id="node-creator"]');
	if (!(await creator.isVisible())) {
		await page.locator('[data-test-id="node-creator-plus-button"], [data-test-id="canvas-add-button"]').first().click();
		await creator.waitFor({ state: 'visible', timeout: timeoutMs });
	}
	await creator.locator('input').first().fill(term);
	const matching = creator
		.locator('[data-test-id="node-creator-item-name"]')
		.filter({ hasText: new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') });
	const noResults = creator.locator('[data-test-id="node-creator-no-results"]');
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await matching.first().isVisible()) return true;
		if (await noResults.isVisible()) return false;
		await page.waitForTimeout(200);
	}
	return false;
}
