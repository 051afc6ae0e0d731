/**
 * The workflows' life in n8n: node types loaded, credentials tested, data table wired, every
 * workflow activated with its webhooks registered in the simulator; a restart of main that must
 * register nothing twice; deactivation that must leave no webhook behind; and the simulator's
 * OpenAPI validation over the whole run.
 */
import { assert, type Checks } from '../lib/checks';
import { PACKAGE_NAME, SECRET_HEADER, triggerEvents, triggerUrl, wireDataTable, type SimulatorState } from '../lib/instantly';
import { delay } from '../lib/processes';
import { IDS, triggerWorkflows, waitFor, type Context } from './context';
import { credentialChecks } from './credentials';

export async function activationSteps(ctx: Context, checks: Checks): Promise<void> {
	await checks.run('node types: nodes.json lists instantly and instantlyTrigger', async () => {
		const types = new Set((await ctx.host.rest.nodeTypes()).map((type) => type.name));
		for (const name of [`${PACKAGE_NAME}.instantly`, `${PACKAGE_NAME}.instantlyTrigger`]) {
			assert(types.has(name), `nodes.json lacks ${name}`);
		}
	});
	await credentialChecks(ctx, checks);
	await checks.run('data table "Interested leads" created and wired into the example', async () => {
		ctx.table = await wireDataTable(ctx.host.rest, IDS.table);
	});
	await checks.run(
		'activation: every example workflow activates over REST',
		async () => {
			for (const id of Object.values(IDS)) {
				const workflow = await ctx.host.rest.activateWorkflow(id);
				assert(workflow.active !== false, `${id} answered active=${String(workflow.active)}`);
			}
		},
		true,
	);
	await checks.run('activation: simulator holds exactly one webhook per event per trigger, with the secret header', async () =>
		await waitForExpectedWebhooks(ctx),
	);
}

/** Restarts main (the process that activates); the webhooks registered before must be the ones after. */
export async function restartCheck(ctx: Context, checks: Checks): Promise<void> {
	const before = await ctx.control.state(ctx.workspaceId);
	await ctx.time('restartMs', async () => await ctx.host.restartMain());
	await checks.run('restart: no duplicate webhooks, same registrations as before', async () => {
		// 1.x runs checkExists (and create if missing) after start; give it time to do so.
		await delay(3_000);
		await waitForExpectedWebhooks(ctx);
		const after = await ctx.control.state(ctx.workspaceId);
		const ids = (s: SimulatorState) => s.webhooks.map((hook) => hook.id).sort();
		assert(JSON.stringify(ids(after)) === JSON.stringify(ids(before)), `webhook ids changed: ${ids(before)} → ${ids(after)}`);
	});
}

export async function deactivationSteps(ctx: Context, checks: Checks): Promise<void> {
	await checks.run('deactivation: every workflow deactivates, zero webhooks left in any workspace of the simulator', async () => {
		for (const id of Object.values(IDS)) await ctx.host.rest.deactivateWorkflow(id);
		let left: string[] = [];
		try {
			await waitFor(
				'no webhooks in the simulator',
				async () => {
					const workspaces = await ctx.control.workspaces();
					const states = await Promise.all(workspaces.map(async ({ id }) => await ctx.control.state(id)));
					left = states.flatMap((state, index) => state.webhooks.map((hook) => `${workspaces[index].name}: ${hook.event_type} → ${hook.target_hook_url}`));
					return left.length === 0;
				},
				30_000,
			);
		} catch {
			throw new Error(`webhooks left: ${left.join('; ')}`);
		}
	});
	await checks.run('OpenAPI: zero requests failed the simulator validation', async () => {
		const invalid = await ctx.control.invalidRequests();
		assert(invalid.length === 0, `${invalid.length} invalid requests: ${JSON.stringify(invalid).slice(0, 1500)}`);
	});
}

/** Waits until the simulator's webhooks are exactly one per selected event per trigger workflow. */
async function waitForExpectedWebhooks(ctx: Context): Promise<void> {
	const triggers = triggerWorkflows(ctx);
	const expected = triggers
		.flatMap((workflow) => triggerEvents(workflow).map((event) => `${event} → ${triggerUrl(ctx.host.webhookBase, workflow)}`))
		.sort();
	let actual: string[] = [];
	let hooks: SimulatorState['webhooks'] = [];
	try {
		await waitFor(
			'the expected webhooks',
			async () => {
				hooks = (await ctx.control.state(ctx.workspaceId)).webhooks;
				actual = hooks.map((hook) => `${hook.event_type} → ${hook.target_hook_url}`).sort();
				return JSON.stringify(actual) === JSON.stringify(expected);
			},
			45_000,
		);
	} catch {
		throw new Error(`simulator webhooks ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
	}
	for (const hook of hooks) {
		const secret = hook.headers?.[SECRET_HEADER];
		assert(typeof secret === 'string' && secret.length >= 16, `webhook ${hook.id} has no ${SECRET_HEADER} header: ${JSON.stringify(hook.headers)}`);
	}
}
