import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

/** Runs `dates.inZone.ts` in a jest started with the given TZ; resolves with its exit code and report. */
function runInZone(zone: string): Promise<{ code: number; report: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[JEST, '--ci', '--runInBand', '--testMatch', '**/helpers/dates.inZone.ts'],
			{ cwd: ROOT, env: { ...process.env, TZ: zone } },
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
			expect({ code, report }).toEqual({ code: 0, report: expect.stringContaining(`(TZ=${zone})`) });
		},
		180_000,
	);
});
