import { useSimulator, type Parameter } from '../../../harness/simulator';
import { CREATE_CAMPAIGN } from './campaign/parameters';
import { rl } from './setup';

const t = useSimulator();

/** Runs the node expecting an error; returns its message, and checks nothing reached Instantly. */
async function refused(parameters: Record<string, Parameter>): Promise<string> {
	t.reset();
	const error = await t.run(parameters).then(
		() => undefined,
		(caught: Error) => caught,
	);
	expect(error).toBeInstanceOf(Error);
	expect(t.requests()).toEqual([]);
	return error!.message;
}

/** Runs the node and returns the body of the one request it sent. */
async function sentBody(parameters: Record<string, Parameter>): Promise<Record<string, unknown>> {
	t.reset();
	await t.run(parameters);
	const [request] = t.requests();
	return request.body as Record<string, unknown>;
}

// An expression on a field, also one inside a collection or a step row. n8n offers none for a whole
// collection, and a hand-edited one is dropped (NodeHelpers.getNodeParameters, when the Workflow loads,
// finds no fields in a text and keeps an empty collection), so the node never sees it.
const expression = (value: unknown) => () => value;

const CAMPAIGN = { ...CREATE_CAMPAIGN, days: ['1'] };

describe('wrong-typed expression values are refused naming the field, before anything is sent', () => {
	it.each([
		[
			'a number where Lead Email expects an address',
			{ resource: 'lead', operation: 'updateInterestStatus', leadEmail: expression(12345), interestStatus: 1 },
			/^Lead Email: "12345" is not a valid email address/,
		],
		[
			'an object where Lead Email expects an address',
			{ resource: 'lead', operation: 'updateInterestStatus', leadEmail: expression({ email: 'a@b.co' }), interestStatus: 1 },
			/^Lead Email: expected text, got an object/,
		],
		[
			'"yes" where Skip If In Workspace expects true/false',
			{ resource: 'lead', operation: 'create', target: 'list', listId: rl('0b7d3b1e-1111-4222-8333-944444444444'), email: 'a@b.co', additionalFields: { skipIfInWorkspace: expression('yes') } },
			/^Skip If In Workspace: expected true or false, got "yes"/,
		],
		[
			'an object where First Name expects text',
			{ resource: 'lead', operation: 'update', leadId: '0b7d3b1e-1111-4222-8333-944444444444', updateFields: { firstName: expression({ first: 'Jane' }) } },
			/^First Name: expected text, got an object/,
		],
		[
			'an object where a Custom Variables Name expects text',
			{
				resource: 'lead',
				operation: 'update',
				leadId: '0b7d3b1e-1111-4222-8333-944444444444',
				updateFields: { customVariables: { variable: [{ key: expression({ city: 'Paris' }), value: 'x' }] } },
			},
			/^Custom Variables \(Name\): expected text, got an object/,
		],
		[
			'an unknown Lead Status name',
			{ resource: 'lead', operation: 'deleteMany', deleteFrom: 'list', listId: rl('0b7d3b1e-1111-4222-8333-944444444444'), selectBy: 'limit', maxLeads: 5, leadStatus: expression('Sleeping') },
			/^Lead Status: expected one of Any \(any\), Active \(1\)/,
		],
		[
			'".." as Thread ID',
			{ resource: 'email', operation: 'markThreadAsRead', threadId: expression('..') },
			/^Thread ID: expected an ID without "\/", and not "\." or "\.\."/,
		],
		[
			'a slash in Thread ID',
			{ resource: 'email', operation: 'markThreadAsRead', threadId: expression('../../campaigns') },
			/^Thread ID: expected an ID without/,
		],
		['a blank Job ID', { resource: 'backgroundJob', operation: 'get', jobId: expression('   ') }, /^Job ID: expected an ID, got an empty text/],
		['"." as Job ID', { resource: 'backgroundJob', operation: 'get', jobId: expression('.') }, /^Job ID: expected an ID without/],
		[
			'"maybe" where Enrich New Leads expects true/false',
			{ resource: 'leadList', operation: 'getAll', returnAll: true, filters: { hasEnrichmentTask: expression('maybe') } },
			/^Enrich New Leads: expected true or false, got "maybe"/,
		],
		[
			'an object where Days expects a list',
			{ ...CAMPAIGN, days: expression({ monday: true }) },
			/^Days: expected a list, or values separated by commas, got an object/,
		],
		['an unknown day', { ...CAMPAIGN, days: expression(['1', 'Funday']) }, /^Days: expected one of Friday \(5\), Monday \(1\)/],
		[
			'an object as a step body',
			{ ...CAMPAIGN, steps: { step: [{ subject: 'Hi', body: expression({ html: '<p>x</p>' }) }] } },
			/^Sequence step 1: Body: expected text, got an object/,
		],
		[
			'"two" as a step delay',
			{ ...CAMPAIGN, steps: { step: [{ subject: 'Hi', body: 'Hello', delay: expression('two') }] } },
			/^Sequence step 1: Delay \(Days\): expected a number of at least 0, got "two"/,
		],
		[
			'an unknown Sentiment',
			{ resource: 'leadLabel', operation: 'create', label: 'Hot', sentiment: expression('very good') },
			/^Sentiment: expected one of Negative \(negative\), Neutral \(neutral\), Positive \(positive\)/,
		],
		[
			'an object as an Entry ID',
			{ resource: 'blockListEntry', operation: 'get', entryId: expression({ id: 'x' }) },
			/^Entry ID: expected text, got an object/,
		],
		[
			'an unknown webhook Event',
			{ resource: 'webhook', operation: 'create', targetUrl: 'https://example.com/h', eventType: expression('replied') },
			/^Event: expected one of /,
		],
	])('%s', async (_case, parameters, message) => {
		expect(await refused(parameters as Record<string, Parameter>)).toMatch(message);
	});
});

describe('plausible expression values are accepted and converted', () => {
	it('takes Custom Variables values of any plain type, and a number as a Name', async () => {
		const list = await t.list();
		const body = await sentBody({
			resource: 'lead',
			operation: 'create',
			target: 'list',
			listId: rl(list),
			email: 'jane@example.com',
			additionalFields: {
				customVariables: { variable: [{ key: 'city', value: expression('Paris') }, { key: 'seats', value: expression(10) }, { key: expression(2026), value: expression(true) }] },
			},
		});
		expect(body.custom_variables).toEqual({ city: 'Paris', seats: 10, '2026': true });
	});

	it('takes "true" for a boolean and a Lead Status by its name', async () => {
		const list = await t.list();
		const created = await sentBody({
			resource: 'lead',
			operation: 'create',
			target: 'list',
			listId: rl(list),
			email: 'jane@example.com',
			additionalFields: { skipIfInWorkspace: expression('true') },
		});
		expect(created.skip_if_in_workspace).toBe(true);

		const deleted = await sentBody({
			resource: 'lead',
			operation: 'deleteMany',
			deleteFrom: 'list',
			listId: rl(list),
			selectBy: 'limit',
			maxLeads: 5,
			leadStatus: expression('Active'),
		});
		expect(deleted.status).toBe(1);
	});

	it('takes Days as names or a comma-separated text, and a step delay as a numeric text', async () => {
		const body = await sentBody({
			...CAMPAIGN,
			days: expression('Monday, 3, friday'),
			steps: { step: [{ subject: 'Hi', body: 'Hello', delay: expression('2') }] },
		});
		const [schedule] = (body.campaign_schedule as { schedules: Array<{ days: Record<string, boolean> }> }).schedules;
		expect(schedule.days).toEqual({ '0': false, '1': true, '2': false, '3': true, '4': false, '5': true, '6': false });
		expect(body.sequences).toEqual([
			{ steps: [{ type: 'email', delay: 2, delay_unit: 'days', variants: [{ subject: 'Hi', body: 'Hello' }] }] },
		]);
	});

	it('takes Add Many fields and custom variables set by expressions', async () => {
		const list = await t.list();
		const body = await sentBody({
			resource: 'lead',
			operation: 'addMany',
			target: 'list',
			listId: rl(list),
			mapping: 'manual',
			email: 'jane@example.com',
			leadFields: { firstName: expression('Jane'), customVariables: { variable: [{ key: expression('city'), value: expression('Paris') }] } },
		});
		expect(body.leads).toEqual([{ email: 'jane@example.com', first_name: 'Jane', custom_variables: { city: 'Paris' } }]);
	});

	it('takes an Interest Status by the name the list shows', async () => {
		const body = await sentBody({
			resource: 'lead',
			operation: 'updateInterestStatus',
			leadEmail: 'jane@example.com',
			interestStatus: expression('Meeting Booked'),
		});
		expect(body.interest_value).toBe(2);
	});

	it('takes a number for a text field (e.g. a phone number)', async () => {
		const [id] = await t.leads(1, { list_id: await t.list() });
		const body = await sentBody({ resource: 'lead', operation: 'update', leadId: id, updateFields: { phone: expression(5551234) } });
		expect(body.phone).toBe('5551234');
	});
});
