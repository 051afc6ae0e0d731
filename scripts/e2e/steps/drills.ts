/**
 * Fault drills through the simulator's control API (cleared after each drill): a read whose first
 * connection drops is retried; a write applied and then cut off is not sent again.
 */
import { assert, type Checks } from '../lib/checks';
import { postJson } from '../lib/webhook';
import { IDS, log, WEBHOOK_PATHS, type Context } from './context';

/** What the transport says when a write's answer was lost (nodes/Instantly/transport/request.ts). */
const MAYBE_APPLIED = 'may or may not have been applied';

export async function faultDrills(ctx: Context, checks: Checks): Promise<void> {
	await checks.run('fault drill: Campaign › Get whose first connection drops → retried, execution succeeds, 2 requests', async () =>
		await droppedReadDrill(ctx),
	);
	await checks.run(`fault drill: Email › Reply applied, then its answer lost → execution fails "${MAYBE_APPLIED}", one reply sent`, async () =>
		await lostReplyDrill(ctx),
	);
}

/**
 * Campaign › Get while the simulator drops the first connection: the transport retries the read
 * (a GET cannot apply twice), the execution succeeds, the simulator saw exactly two requests.
 */
async function droppedReadDrill(ctx: Context): Promise<void> {
	const campaign = (await ctx.control.state(ctx.workspaceId)).campaigns[0];
	const path = `/api/v2/campaigns/${campaign.id}`;
	const before = lastSequence(await ctx.control.requests());
	await ctx.control.injectFault({ method: 'GET', path, kind: 'drop', count: 1 });
	try {
		const answer = await postJson(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.faultGet}`, { campaign_id: campaign.id });
		const attempts = (await ctx.control.requests()).filter((request) => request.sequence > before && request.method === 'GET' && request.path === path);
		const seen = `the simulator saw ${attempts.length} GET ${path} (${attempts.map((request) => (request.dropped ? 'dropped' : request.status)).join(', ')})`;
		if (answer.status !== 200) throw new Error(`execution failed (${answer.status}): ${await executionError(ctx, IDS.faultGet)}; ${seen}`);
		assert((JSON.parse(answer.body) as { id?: string }).id === campaign.id, `answered ${answer.body.slice(0, 300)}`);
		assert(attempts.length === 2 && attempts[0].dropped === true && attempts[1].status === 200, seen);
	} finally {
		await ctx.control.clearFaults();
	}
}

/**
 * Email › Reply while the simulator applies the reply and then drops the connection: the
 * transport must not send it again (Instantly has no idempotency keys), the execution fails with
 * the "may or may not have been applied" message, and exactly one reply exists.
 */
async function lostReplyDrill(ctx: Context): Promise<void> {
	const state = await ctx.control.state(ctx.workspaceId);
	const received = state.emails.filter((email) => email.ue_type === 2).at(-1);
	assert(received, 'the demo workspace has no received email to reply to');
	const subject = `E2E drill reply ${ctx.version} ${Date.now()}`;
	const before = lastSequence(await ctx.control.requests());
	await ctx.control.injectFault({ method: 'POST', path: '/api/v2/emails/reply', kind: 'applyThenDrop', count: 1 });
	try {
		const answer = await postJson(`${ctx.host.webhookBase}/webhook/${WEBHOOK_PATHS.faultReply}`, {
			reply_to_uuid: received.id,
			eaccount: received.eaccount,
			subject,
			text: 'Thursday works, talk then.',
		});
		const sent = (await ctx.control.state(ctx.workspaceId)).emails.filter((email) => email.subject === subject);
		const attempts = (await ctx.control.requests()).filter((request) => request.sequence > before && request.path === '/api/v2/emails/reply');
		assert(answer.status !== 200, `the execution succeeded although the answer was lost: ${answer.body.slice(0, 300)}`);
		const error = await executionError(ctx, IDS.faultReply);
		assert(sent.length === 1, `${sent.length} replies with the subject in the simulator (${attempts.length} POSTs); error: ${error}`);
		assert(attempts.length === 1, `${attempts.length} POST /api/v2/emails/reply for one reply`);
		assert(error.includes(MAYBE_APPLIED), `the execution's error lacks "${MAYBE_APPLIED}": ${error}`);
	} finally {
		await ctx.control.clearFaults();
	}
}

function lastSequence(requests: Array<{ sequence: number }>): number {
	return requests.reduce((highest, request) => Math.max(highest, request.sequence), 0);
}

/** The error (message and description) of the workflow's newest finished execution, which must have failed. */
async function executionError(ctx: Context, workflowId: string): Promise<string> {
	// Each drill workflow runs once per line, so the newest finished execution is the drill's.
	const [newest] = await ctx.host.rest.waitForExecutions(workflowId, 1);
	const execution = await ctx.host.rest.getExecution(newest.id);
	const error = execution.data.resultData.error;
	assert(execution.status !== 'success' && error, `execution ${newest.id} is ${execution.status} without an error`);
	// The whole stored error (how n8n wrapped what the transport threw) is what a transport fix needs.
	const { stack, ...stored } = error as Record<string, unknown>;
	log(ctx.label, `execution ${newest.id} of ${workflowId} failed with ${JSON.stringify(stored).slice(0, 1500)}; ${String(stack).split('\n').slice(0, 3).join(' | ')}`);
	return [error.message, error.description].filter(Boolean).join(' — ');
}

