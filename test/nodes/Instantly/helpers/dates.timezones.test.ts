import { execFile } from 'node:child_process';
import { join } from 'node:path';

import lines from '../../../harness/n8nLines.json';

const ROOT = join(__dirname, '..', '..', '..', '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
/** The n8n line of this jest project (its setup file sets N8N_LINE); the child runs on the same one. */
const LINE = process.env.N8N_LINE === '1' ? '1' : '2';

/**
 * Runs `dates.inZone.ts` in a jest started with the given TZ: that file only, in this project only
 * (jest.config.js builds just this line's project for N8N_LINE); resolves with its exit code and report.
 */
function runInZone(zone: string): Promise<{ code: number; report: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[
				JEST,
				'--ci',
				'--runInBand',
				'--selectProjects',
				`n8n ${lines[LINE].release}`,
				'--testMatch',
				'**/test/nodes/Instantly/helpers/dates.inZone.ts',
			],
			{ cwd: ROOT, env: { ...process.env, N8N_LINE: LINE, TZ: zone } },
			(error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, report: stderr }),
		);
	});
}

describe('the days sent to Instantly do not depend on the server time zone', () => {
	// A jest per zone takes seconds to start; they run side by side.
	it.concurrent.each(['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo'])(
		'TZ=%s',
		async (zone) => {
			const { code, report } = await runInZone(zone);
			expect(report).toContain(`(TZ=${zone})`);
			// The child's report, with its diff, is the message when it failed.
			expect(code === 0 ? 'passed' : report).toBe('passed');
		},
		180_000,
	);
});
