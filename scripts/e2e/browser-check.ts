/**
 * The editor, as a person sees it: our example workflow on the canvas, the Instantly Trigger and
 * an Instantly action panel (options loaded from the simulator through n8n), and the node picker
 * finding "Instantly". Fails on any node or parameter issue indicator or a "could not load"
 * message. The screenshots go where the caller says: the e2e stage keeps them under .e2e/, only
 * `npm run screenshots` refreshes docs/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';

import { closeNodePanel, launchBrowser, loginInBrowser, openNodePanel, openWorkflow, screenshot, searchNodeCreator } from './lib/browser';

/** What the check opens. */
export interface BrowserCheckTarget {
	workflowId: string;
	triggerNode: string;
	actionNode: string;
}

/** Selectors n8n (1.x canvas v2 and 2.x) uses for node and parameter issues. */
const ISSUE_SELECTORS = [
	'[data-test-id="node-issues"]',
	'[data-test-id="parameter-issues"]',
	'[data-test-id="canvas-node-status-issues"]',
	'[data-test-id="node-execution-status-error"]',
];
const ERROR_TEXT = /could not load|error fetching options|error loading|there was a problem loading|parameter issues|issues:/i;

export async function browserCheck(baseUrl: string, target: BrowserCheckTarget, outDir: string): Promise<string[]> {
	const browser = await launchBrowser();
	const files: string[] = [];
	try {
		const page = browser.page;
		await loginInBrowser(browser.context, baseUrl);
		await openWorkflow(page, baseUrl, target.workflowId);
		await page.waitForTimeout(1_500);
		await dismissPopovers(page);
		files.push(join(outDir, 'canvas.png'));
		await screenshot(page, files[files.length - 1]);
		await assertNoIssues(page, 'canvas');

		for (const [node, file] of [
			[target.triggerNode, 'trigger-panel.png'],
			[target.actionNode, 'action-panel.png'],
		] as const) {
			await openNodePanel(page, node);
			// Options (events, interest statuses) load through n8n from the simulator.
			await page.waitForLoadState('networkidle').catch(() => undefined);
			await page.waitForTimeout(2_000);
			files.push(join(outDir, file));
			await screenshot(page, files[files.length - 1]);
			await assertNoIssues(page, `${node} panel`);
			await closeNodePanel(page);
		}

		const found = await searchNodeCreator(page, 'Instantly');
		await page.waitForTimeout(500);
		files.push(join(outDir, 'node-picker.png'));
		await screenshot(page, files[files.length - 1]);
		if (!found) throw new Error('the node picker lists no "Instantly" node');
		const names = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
		if (!names.some((name) => /^Instantly/.test(name.trim()))) {
			throw new Error(`the node picker's items for "Instantly": ${JSON.stringify(names)}`);
		}
		console.log(`[browser] screenshots: ${files.join(', ')}`);
		return files;
	} finally {
		await browser.close();
	}
}

async function assertNoIssues(page: Page, where: string): Promise<void> {
	for (const selector of ISSUE_SELECTORS) {
		const count = await page.locator(selector).count();
		if (count > 0) {
			const text = await page.locator(selector).first().innerText().catch(() => '');
			const title = await page.locator(selector).first().getAttribute('title').catch(() => '');
			throw new Error(`${where}: ${count} × ${selector} ${text} ${title ?? ''}`.trim());
		}
	}
	const ndv = page.locator('[data-test-id="ndv"]');
	const scope = (await ndv.count()) > 0 && (await ndv.first().isVisible()) ? ndv.first() : page.locator('body');
	const text = await scope.innerText();
	const match = ERROR_TEXT.exec(text);
	if (match) throw new Error(`${where} shows "${match[0]}": …${text.slice(Math.max(0, match.index - 200), match.index + 200)}…`);
}

/** Closes 2.x's "Production Checklist" and similar popovers that cover the canvas, if any. */
async function dismissPopovers(page: Page): Promise<void> {
	await page.keyboard.press('Escape').catch(() => undefined);
}
