import { badRequest, notFound } from '../errors';
import type { EmailVerification, WorkspaceState } from '../state';
import type { HandlerTable, SimulatorServices } from './types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const key = (email: string) => email.toLowerCase();

/**
 * The verdict is read from the address's local part, so tests and demos choose it: `invalid` in it
 * gives `invalid`, `catchall` a verified catch-all, anything else a verified non-catch-all address.
 */
function verdict(email: string): Pick<EmailVerification, 'verification_status' | 'catch_all'> {
	const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
	if (local.includes('invalid')) return { verification_status: 'invalid', catch_all: false };
	return { verification_status: 'verified', catch_all: local.includes('catchall') };
}

/** The completion still due per pending verification, with the cancel of its timer. */
const pendingCompletions = new WeakMap<EmailVerification, { run: () => void; cancel: () => void }>();

function completeNow(verification: EmailVerification): void {
	const completion = pendingCompletions.get(verification);
	pendingCompletions.delete(verification);
	completion?.cancel();
	completion?.run();
}

/**
 * Verifies an address: at once, or, when its local part contains `pending`, first answering
 * `pending` (as Instantly does past 10 s) and settling after `emailVerificationMs` on the clock.
 */
function verify(workspace: WorkspaceState, services: SimulatorServices, email: string): EmailVerification {
	const previous = workspace.emailVerifications.get(key(email));
	if (previous) completeNow(previous);
	workspace.verificationCredits = Math.max(0, workspace.verificationCredits - 1);
	const settled = verdict(email);
	const slow = email.slice(0, email.lastIndexOf('@')).toLowerCase().includes('pending');
	const verification: EmailVerification = {
		status: 'success',
		email,
		...(slow ? { verification_status: 'pending', catch_all: 'pending' } : settled),
		credits: workspace.verificationCredits,
		credits_used: 1,
	};
	workspace.emailVerifications.set(key(email), verification);
	if (slow) {
		pendingCompletions.set(verification, {
			run: () => Object.assign(verification, settled),
			cancel: services.schedule(() => completeNow(verification), services.emailVerificationMs),
		});
	}
	return { ...verification };
}

/**
 * Settles a pending verification now, then makes it report the given fields, e.g. a
 * `verification_status` Instantly's document does not list (such answers show up in `responseViolations`).
 */
export function forceEmailVerification(workspace: WorkspaceState, email: string, fields: Partial<EmailVerification>): EmailVerification {
	const verification = workspace.emailVerifications.get(key(email));
	if (!verification) throw notFound('Email verification');
	completeNow(verification);
	return Object.assign(verification, fields);
}

export const emailVerificationHandlers: HandlerTable = {
	'POST /api/v2/email-verification': ({ workspace, services, body }) => {
		// The document gives `email` no format here (it does on the GET); Instantly's answer to a non-address is a guess.
		if (!EMAIL.test(body.email)) throw badRequest('body/email must match format "email"');
		return verify(workspace, services, body.email);
	},
	'GET /api/v2/email-verification/{email}': ({ workspace, params }) => {
		const verification = workspace.emailVerifications.get(key(params.email));
		if (!verification) throw notFound('Email verification');
		return { ...verification };
	},
};
