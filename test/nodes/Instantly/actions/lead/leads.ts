import type { useSimulator } from '../../../../harness/simulator';

type Instantly = ReturnType<typeof useSimulator>;

/** A well-formed lead id that no workspace has. */
export const MISSING = '01900000-0000-7000-8000-000000000000';

/** A campaign with `count` leads, then a clean request log. */
export async function campaignWithLeads(t: Instantly, count: number): Promise<{ campaignId: string; ids: string[] }> {
	const campaignId = await t.campaign();
	const ids = await t.leads(count, { campaign_id: campaignId });
	t.reset();
	return { campaignId, ids };
}

/** A lead list with `count` leads, then a clean request log. */
export async function listWithLeads(t: Instantly, count: number): Promise<{ listId: string; ids: string[] }> {
	const listId = await t.list();
	const ids = await t.leads(count, { list_id: listId });
	t.reset();
	return { listId, ids };
}
