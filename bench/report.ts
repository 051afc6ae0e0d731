/* Renders bench/results/*.json into docs/benchmarks.md and the chart docs/benchmarks.png. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import harnessLines from '../test/harness/n8nLines.json';

type Stat = { median: number; min: number; max: number };
type Case = { id: string; label: string; date: string; runs: Array<Record<string, any>>; summary: Record<string, Stat> };
type Result = { bench: string; title: string; machine: Record<string, unknown>; command: string; updated: string; cases: Case[] };

const ROOT = join(__dirname, '..');
const load = (name: string): Result | undefined => {
	const file = join(__dirname, 'results', `${name}.json`);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Result) : undefined;
};
const results = Object.fromEntries(['bulk-import', 'get-many', 'per-item', 'agency', 'fault-import', 'fault-auth', 'webhook'].map((name) => [name, load(name)]));
const findCase = (bench: string, id: string) => results[bench]?.cases.find((c) => c.id === id);

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const spread = (stat: Stat | undefined, digits = 0, unit = '') =>
	stat ? `${fmt(stat.median, digits)}${unit} (${fmt(stat.min, digits)}–${fmt(stat.max, digits)})` : 'n/a';
const runsOf = (c: Case | undefined) => c?.runs.filter((run) => !run.failed).length ?? 0;

interface Row {
	figure: string;
	measured: string;
	bound: string;
	ratio: string;
	chart?: { label: string; efficiency: Stat; note: string; exSimulator?: number };
}
const rows: Row[] = [];

// Efficiency for the chart: bound / measured time, or measured / ceiling throughput (1.0 = at the bound).
const inverse = (stat: Stat, bound: number): Stat => ({ median: bound / stat.median, min: bound / stat.max, max: bound / stat.min });

for (const n of [10_000, 100_000]) {
	const c = findCase('bulk-import', `add-many-${n}`);
	if (!c) continue;
	const s = c.summary;
	rows.push({ figure: `Add Many ${fmt(n)} leads: requests`, measured: spread(s.requests), bound: `ceil(N/1000) = ${fmt(s.boundRequests.median)}`, ratio: fmt(s.requestRatio.median, 2) });
	rows.push({
		figure: `Add Many ${fmt(n)} leads: wall time (${runsOf(c)} runs)`,
		measured: spread(s.wallMs, 0, ' ms'),
		bound: `${fmt(s.boundRequests.median)} × 80 ms = ${fmt(s.boundMs.median)} ms`,
		ratio: `${fmt(s.ratio.median, 2)} (${fmt(s.ratioExSimulator.median, 2)} without the simulator's own processing)`,
		chart: { label: `Add Many ${n >= 100_000 ? '100k' : '10k'} (time)`, efficiency: inverse(s.wallMs, s.boundMs.median), exSimulator: 1 / s.ratioExSimulator.median, note: `${fmt(s.wallMs.median / 1000, 1)} s vs ${fmt(s.boundMs.median / 1000, 1)} s` },
	});
}

const gm = findCase('get-many', 'get-many-100000');
if (gm) {
	const s = gm.summary;
	rows.push({ figure: 'Get Many Return All 100,000 leads: requests', measured: spread(s.requests), bound: 'N/100 = 1,000', ratio: fmt(s.requests.median / 1000, 3) });
	rows.push({
		figure: `Get Many Return All 100,000 leads: wall time (${runsOf(gm)} runs)`,
		measured: spread(s.wallMs, 0, ' ms'),
		bound: '1,000 × 80 ms = 80,000 ms',
		ratio: `${fmt(s.ratio.median, 2)} (${fmt(s.ratioExSimulator.median, 2)} without the simulator's own processing)`,
		chart: { label: 'Get Many 100k (time)', efficiency: inverse(s.wallMs, 80_000), exSimulator: 1 / s.ratioExSimulator.median, note: `${fmt(s.wallMs.median / 1000, 1)} s vs 80 s` },
	});
	rows.push({ figure: 'Get Many 100,000 leads: peak RSS of the process running the node', measured: spread(s.peakRssMb, 0, ' MB'), bound: `baseline ${fmt(s.baselineRssMb.median)} MB before the run`, ratio: `+${fmt(s.rssGrowthMb.median)} MB` });
	rows.push({ figure: 'Get Many 100,000 leads: peak JS heap', measured: spread(s.peakHeapMb, 0, ' MB'), bound: `baseline ${fmt(s.baselineHeapMb.median)} MB`, ratio: `+${fmt(s.heapGrowthMb.median)} MB` });
}
const gmN8n = findCase('get-many', 'get-many-100000-n8n');
if (gmN8n) {
	const s = gmN8n.summary;
	const run = gmN8n.runs.find((r) => !r.failed);
	rows.push({
		figure: `Get Many Return All 100,000 leads in n8n ${run?.n8nVersion}: wall time, webhook → workflow done (${runsOf(gmN8n)} runs)`,
		measured: `${spread(s.wallMs, 0, ' ms')}; ${fmt(s.outputItems.median)} items, ${fmt(s.requests.median)} requests`,
		bound: '1,000 × 80 ms = 80,000 ms',
		ratio: `${fmt(s.ratio.median, 2)} (${fmt(s.ratioExSimulator.median, 2)} without the simulator's own processing)`,
	});
	rows.push({
		figure: `Get Many 100,000 leads: peak RSS of the n8n ${run?.n8nVersion} server process (execution data saved, n8n's default)`,
		measured: spread(s.n8nPeakRssMb, 0, ' MB'),
		bound: `${fmt(s.n8nBaselineRssMb.median)} MB before the run`,
		ratio: `+${fmt(s.n8nRssGrowthMb.median)} MB`,
	});
}
const gmNoSave = findCase('get-many', 'get-many-100000-n8n-no-save');
if (gmNoSave) {
	const s = gmNoSave.summary;
	rows.push({
		figure: 'Same, with EXECUTIONS_DATA_SAVE_ON_SUCCESS=none',
		measured: spread(s.n8nPeakRssMb, 0, ' MB'),
		bound: `${fmt(s.n8nBaselineRssMb.median)} MB before the run`,
		ratio: `+${fmt(s.n8nRssGrowthMb.median)} MB`,
	});
}

for (const [id, name] of [
	['interest-pdefault-10000', 'Update Interest Status 10,000 items, Parallel Requests 10 (default)'],
	['delete-pdefault-10000', 'Delete 10,000 items, Parallel Requests 10 (default)'],
	['interest-p1-500', 'Update Interest Status 500 items, Parallel Requests 1'],
	['delete-p1-500', 'Delete 500 items, Parallel Requests 1'],
] as const) {
	const c = findCase('per-item', id);
	if (!c) continue;
	const s = c.summary;
	rows.push({
		figure: `${name}: throughput (${runsOf(c)} runs)`,
		measured: spread(s.reqPerSec, 1, ' req/s'),
		bound: '100 req/s per workspace',
		ratio: `${fmt(s.ratio.median, 2)}`,
		chart: { label: `${id.startsWith('interest') ? 'Interest' : 'Delete'} ${id.includes('p1-') ? 'sequential' : 'parallel 10'}`, efficiency: { median: s.ratio.median, min: s.ratio.min, max: s.ratio.max }, note: `${fmt(s.reqPerSec.median, 1)} req/s` },
	});
	rows.push({ figure: `${name}: failed items / 429s answered by the simulator / order kept`, measured: `${spread(s.failedItems)} / ${spread(s.simulator429)} / ${c.runs.every((run) => run.orderAndPairingKept) ? 'yes' : 'NO'}`, bound: '0 / – / yes', ratio: '' });
}

const agency = findCase('agency', 'interest-5x2000');
if (agency) {
	const s = agency.summary;
	const runs = runsOf(agency);
	const kept = (key: 'singleOrderAndPairingKept' | 'agencyOrderAndPairingKept') => (agency.runs.every((run) => run.failed || run[key]) ? 'yes' : 'NO');
	rows.push({
		figure: `Update Interest Status 1 workspace × 2,000 items, Parallel Requests 10 (default), in the same run as the 5-client row below: throughput (${runs} runs)`,
		measured: spread(s.singleReqPerSec, 1, ' req/s'),
		bound: '100 req/s per workspace',
		ratio: fmt(s.singleRatioToCeiling.median, 2),
		chart: { label: 'Interest 1 workspace', efficiency: s.singleRatioToCeiling, note: `${fmt(s.singleReqPerSec.median, 1)} req/s` },
	});
	rows.push({
		figure: `Update Interest Status 5 client workspaces × 2,000 items in one execution (one admin key, \`x-as-workspace\`), Parallel Requests 10 (default): throughput (${runs} runs)`,
		measured: spread(s.agencyReqPerSec, 1, ' req/s'),
		bound: '5 × 100 req/s (one limit per workspace)',
		ratio: `${fmt(s.agencyRatioToCeiling.median, 2)}; **${fmt(s.throughputRatio.median, 2)}×** the single workspace (${fmt(s.throughputRatio.min, 2)}–${fmt(s.throughputRatio.max, 2)}; goal ≥ 4.5×)`,
		chart: { label: 'Interest 5 clients', efficiency: s.agencyRatioToCeiling, note: `${fmt(s.agencyReqPerSec.median, 1)} req/s = ${fmt(s.throughputRatio.median, 2)}× 1 workspace` },
	});
	rows.push({
		figure: 'Same two runs: failed items / 429s answered by the simulator / order and pairing kept (1 workspace; 5 clients)',
		measured: `${spread(s.singleFailedItems)} / ${spread(s.single429)} / ${kept('singleOrderAndPairingKept')}; ${spread(s.agencyFailedItems)} / ${spread(s.agency429)} / ${kept('agencyOrderAndPairingKept')}`,
		bound: '0 / 0 / yes',
		ratio: '',
	});
}

type WebhookRun = Record<string, any>;
const webhookRuns = (results.webhook?.cases ?? []).flatMap((c) => {
	const run = c.runs.find((r) => !r.failed) as WebhookRun | undefined;
	return run ? [{ id: c.id, setting: c.label.replace(/^.*?, (?=n8n )/, ''), run }] : [];
});
for (const { id, setting, run } of webhookRuns) {
	const p = run.plain as Record<string, Stat>;
	const t = run.trigger as Record<string, Stat>;
	const relative = (stat: Stat): Stat => ({ median: stat.median / p.eventsPerSec.median, min: stat.min / p.eventsPerSec.median, max: stat.max / p.eventsPerSec.median });
	rows.push({
		figure: `Webhook intake, ${setting}: Instantly Trigger events/s (3 × 1,000 deliveries, ${run.concurrency} concurrent)`,
		measured: `${spread(t.eventsPerSec, 1, '/s')}; p50 / p99 ${fmt(t.p50Ms.median, 1)} / ${fmt(t.p99Ms.median, 1)} ms`,
		bound: `n8n Webhook node: ${spread(p.eventsPerSec, 1, '/s')}; p50 / p99 ${fmt(p.p50Ms.median, 1)} / ${fmt(p.p99Ms.median, 1)} ms`,
		ratio: `**${fmt(run.intakeRatio, 2)}** (goal ≥ 0.9); latency ${fmt(t.p50Ms.median / p.p50Ms.median, 2)} / ${fmt(t.p99Ms.median / p.p99Ms.median, 2)}`,
		chart: {
			label: `Intake ${id.replace(/^n8n-/, '').replace('-lazy-isolate', ' lazy').replace('-trigger-v1', ', v1').replace('-legacy-engine', ' legacy')}${/^n8n-[\d.]+$/.test(id) && id.startsWith('n8n-2') ? ' defaults' : ''}`,
			efficiency: relative(t.eventsPerSec),
			note: `${fmt(t.eventsPerSec.median, 0)}/s vs Webhook node ${fmt(p.eventsPerSec.median, 0)}/s`,
		},
	});
}
if (webhookRuns.length > 0) {
	const sum = (pick: (run: WebhookRun) => number) => webhookRuns.reduce((total, { run }) => total + pick(run), 0);
	const perSetting = (text: (run: WebhookRun) => string) => webhookRuns.map(({ id, run }) => `${id}: ${text(run)}`).join('; ');
	rows.push({
		figure: `Webhook bursts: deliveries accepted → executions recorded, Instantly Trigger (all ${webhookRuns.length} settings)`,
		measured: `${fmt(sum((run) => run.deliveriesAccepted.trigger))} → ${fmt(sum((run) => run.executionsRecorded.trigger))}`,
		bound: `none lost (Webhook node: ${fmt(sum((run) => run.deliveriesAccepted.plain))} → ${fmt(sum((run) => run.executionsRecorded.plain))})`,
		ratio: fmt(sum((run) => run.executionsRecorded.trigger) / sum((run) => run.deliveriesAccepted.trigger), 3),
	});
	const main = webhookRuns[0];
	for (const [workflowId, a] of Object.entries(main.run.activation as Record<string, { events: string[]; webhooksRegistered: number; duplicates: number; activationMs: number[]; medianMs: number }>)) {
		rows.push({ figure: `Activation, ${a.events.length} events selected${a.events.includes('all_events') ? ' (incl. All Events)' : ''}, ${main.setting}: activate → all webhooks in the simulator (${workflowId})`, measured: `${fmt(a.medianMs)} ms (${a.activationMs.map((v) => fmt(v)).join(', ')})`, bound: `${a.webhooksRegistered} webhook(s) × 80 ms`, ratio: `${fmt(a.medianMs / (a.webhooksRegistered * 80), 1)}; duplicates ${a.duplicates}` });
	}
	rows.push({ figure: '1,000 forged / malformed deliveries → executions, per setting', measured: perSetting((run) => String(run.forgedExecutions)), bound: '0', ratio: `n8n still serving after them: ${webhookRuns.every(({ run }) => run.afterForged.plainWebhookStatus === 200 && run.afterForged.validTriggerDeliveryStatus === 200) ? 'yes, every setting' : 'NO'}` });
	rows.push({ figure: 'Secret found in n8n logs / execution data, per setting', measured: perSetting((run) => `${Object.values(run.secretFound.logOccurrences as Record<string, number>).reduce((a, b) => a + b, 0)} / ${run.secretFound.executionsContainingSecret} of ${run.secretFound.executionsChecked}`), bound: '0 / 0', ratio: '' });
	rows.push({ figure: 'n8n main process peak RSS during intake, per setting', measured: perSetting((run) => `${fmt(run.n8nPeakRssMb)} MB`), bound: '–', ratio: '' });
}

// ---------- Markdown ----------
const machineInfo = (Object.values(results).find(Boolean)?.machine ?? {}) as Record<string, unknown>;
const allRuns = Object.values(results).flatMap((r) => r?.cases.flatMap((c) => c.runs) ?? []);
const loads = allRuns.map((run) => run.loadBefore?.[0]).filter((v): v is number => typeof v === 'number');
const dates = Object.values(results).flatMap((r) => r?.cases.map((c) => c.date) ?? []).sort();

const md: string[] = [];
md.push('# Benchmarks and fault drills', '');
md.push(
	'Measured against Instantly\'s own limits, as enforced by the simulator (`simulator/`): 1,000 leads per `/leads/add`, 100 items per page, 100 requests/s and 6,000/min per workspace, with an 80 ms round trip added to every API call. Nothing leaves 127.0.0.1.',
	'',
	'```',
	'npm run bench                      # every benchmark and drill (~30 min), then this page',
	'npm run bench -- bulk-import       # one of: bulk-import get-many per-item agency fault-import fault-auth webhook',
	'npm run bench -- per-item --case interest-pdefault-10000 --reps 5',
	'npm run bench -- report            # re-render this page and docs/benchmarks.png from bench/results/*.json',
	'```',
	'',
	`Machine: ${machineInfo.nproc} CPUs (${machineInfo.cpuModel}), ${machineInfo.memoryGb} GB RAM, Node ${machineInfo.node}, ${machineInfo.platform}. ` +
		`Runs between ${dates[0]?.slice(0, 16).replace('T', ' ')} and ${dates.at(-1)?.slice(0, 16).replace('T', ' ')} UTC. ` +
		`The 2 CPUs were shared with other test runs (1-minute load average at the start of a run: ${loads.length ? `${fmt(Math.min(...loads), 2)}–${fmt(Math.max(...loads), 2)}, median ${fmt([...loads].sort((a, b) => a - b)[Math.floor(loads.length / 2)], 2)}` : 'n/a'}), so times are upper bounds for an idle machine.`,
	'',
	'Each timing figure is the median of its runs, with the spread (min–max) in brackets; every run is a fresh process with a fresh simulator (in a child process, so the memory and CPU figures are the node\'s alone). ' +
		`Unless a figure names an n8n version, the node runs through \`test/harness\` (\`runNode\`: the node's \`execute()\` with n8n-core's own request helper, as in the jest tests: n8n ${harnessLines['2'].release}'s, or ${harnessLines['1'].release}'s with \`N8N_LINE=1\`; runs dated before 2026-12-01 had plain axios in its place); ` +
		'the figures that name one ran in that n8n server (the e2e install), with this package installed from its `npm pack` tarball.',
	'',
	'![Benchmarks: share of the bound reached](benchmarks.png)',
	'',
	'## Speed against the bounds',
	'',
	'| Figure | Measured: median (min–max) | Bound | Ratio |',
	'| --- | --- | --- | --- |',
	...rows.map((row) => `| ${row.figure} | ${row.measured} | ${row.bound} | ${row.ratio} |`),
	'',
);

const notesFile = join(__dirname, 'notes.md');
if (existsSync(notesFile)) md.push(readFileSync(notesFile, 'utf8').trim(), '');

const fi = results['fault-import'];
if (fi) {
	md.push('## Fault drill: 10,000-lead import with failing requests', '');
	md.push('| Drill | Faults injected | First run | Leads in workspace after it | Re-runs (Skip If In Workspace) | Final: exactly once / missing / duplicated |', '| --- | --- | --- | --- | --- | --- |');
	for (const c of fi.cases) {
		for (const run of c.runs.filter((r) => !r.failed)) {
			const first = run.firstRun;
			const firstText = first.outcome === 'completed' ? `completed: ${fmt(first.created)} created, ${fmt(first.errorItems)} error items` : `node error at item ${first.error?.itemIndex}: "${first.error?.message}"`;
			md.push(
				`| ${c.label}${c.runs.length > 1 ? ` (seed ${c.runs.indexOf(run) + 1})` : ''} | ${Object.entries(run.faultsInjected).map(([k, v]) => `${k}×${v}`).join(', ') || 'none'} | ${firstText} | ${fmt(run.firstRunLeadsWritten)} | ${run.rerunsNeeded} | ${fmt(run.final.exactlyOnce)} / ${fmt(run.final.missing)} / ${fmt(run.final.duplicated)} |`,
			);
		}
	}
	md.push('');
}

const fa = results['fault-auth'];
if (fa) {
	md.push('## Fault drill: 401 / 402 / 403 mid-run', '');
	md.push('| Drill | Outcome | Error (message — description) | Written before the error | Reported as written |', '| --- | --- | --- | --- | --- |');
	for (const c of fa.cases) {
		const run = c.runs[0];
		if (!run || run.failed) continue;
		const error = run.error ? `${run.error.message} — ${run.error.description ?? ''}`.replace(/\|/g, '\\|') : run.errorItemMessages?.join('; ');
		const reported =
			run.reportedAlreadySent !== undefined
				? `"${run.reportedAlreadySent} other item(s) had already been sent"`
				: run.continueOnFail
					? `${fmt(run.okItems)} ok items + ${fmt(run.errorItems)} error items in the output`
					: run.errorNamesWrittenCount
						? 'yes'
						: `no count; item index ${run.errorPointsAtItem ?? '–'} named`;
		md.push(`| ${c.label} | ${run.outcome} | ${error} | ${fmt(run.leadsWritten)} | ${reported} |`);
	}
	md.push('');
}

md.push('Raw results (every run, with load averages and status counts): `bench/results/*.json`.', '');
writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), md.join('\n'));

// ---------- Chart ----------
async function chart() {
	const bars = rows.filter((row) => row.chart).map((row) => row.chart!);
	if (bars.length === 0) return;
	const width = 1100;
	const left = 220;
	const barH = 26;
	const gap = 14;
	const top = 70;
	const plotW = width - left - 330;
	const height = top + bars.length * (barH + gap) + 60;
	const x = (v: number) => left + Math.min(Math.max(v, 0), 1.05) * (plotW / 1.05);
	const svg = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="20" y="28" font-size="18" font-weight="bold">n8n-nodes-instantly-ai: share of the physical bound reached</text>`,
		`<text x="20" y="50" font-size="12" fill="#555">1.0 = at Instantly's limit (time: bound ÷ measured; throughput: measured ÷ 100 req/s per workspace). Median of runs, whiskers min–max. 80 ms round trip.</text>`,
		...[0, 0.25, 0.5, 0.75, 1].map((v) => `<line x1="${x(v)}" y1="${top - 8}" x2="${x(v)}" y2="${height - 40}" stroke="#ddd"/><text x="${x(v)}" y="${height - 24}" font-size="11" text-anchor="middle" fill="#555">${v.toFixed(2)}</text>`),
		`<line x1="${x(0.9)}" y1="${top - 8}" x2="${x(0.9)}" y2="${height - 40}" stroke="#c00" stroke-dasharray="4 3"/><text x="${x(0.9)}" y="${height - 8}" font-size="11" fill="#c00" text-anchor="middle">goal 0.9</text>`,
		...bars.map((bar, i) => {
			const y = top + i * (barH + gap);
			const color = bar.label.includes('sequential') ? '#b0b7c3' : bar.efficiency.median >= 0.9 ? '#2e8b57' : '#3b6fb6';
			return [
				`<text x="${left - 10}" y="${y + barH / 2 + 4}" font-size="13" text-anchor="end">${bar.label}</text>`,
				bar.exSimulator ? `<rect x="${left}" y="${y}" width="${x(bar.exSimulator) - left}" height="${barH}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="5 3"/>` : '',
				`<rect x="${left}" y="${y}" width="${x(bar.efficiency.median) - left}" height="${barH}" fill="${color}"/>`,
				`<line x1="${x(bar.efficiency.min)}" y1="${y + barH / 2}" x2="${x(bar.efficiency.max)}" y2="${y + barH / 2}" stroke="#222" stroke-width="1.5"/>`,
				`<line x1="${x(bar.efficiency.min)}" y1="${y + 6}" x2="${x(bar.efficiency.min)}" y2="${y + barH - 6}" stroke="#222"/>`,
				`<line x1="${x(bar.efficiency.max)}" y1="${y + 6}" x2="${x(bar.efficiency.max)}" y2="${y + barH - 6}" stroke="#222"/>`,
				`<text x="${x(Math.max(bar.efficiency.median, bar.efficiency.max, bar.exSimulator ?? 0)) + 8}" y="${y + barH / 2 + 4}" font-size="12">${bar.efficiency.median.toFixed(2)}${bar.exSimulator ? ` (${bar.exSimulator.toFixed(2)} dashed, w/o simulator time)` : ''} · ${bar.note}</text>`,
			].join('');
		}),
		'</svg>',
	].join('\n');
	writeFileSync(join(__dirname, 'results', 'benchmarks.svg'), svg);
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 2 });
		await page.route('**/*', (route) => route.abort());
		await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
		await page.locator('svg').screenshot({ path: join(ROOT, 'docs', 'benchmarks.png') });
	} finally {
		await browser.close();
	}
}

chart().then(
	() => console.log('wrote docs/benchmarks.md and docs/benchmarks.png'),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
