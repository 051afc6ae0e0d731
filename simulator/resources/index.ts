import { accountHandlers } from './accounts';
import { analyticsHandlers } from './analytics';
import { backgroundJobHandlers } from './backgroundJobs';
import { blockListHandlers } from './blockList';
import { campaignHandlers } from './campaigns';
import { emailHandlers } from './emails';
import { emailVerificationHandlers } from './emailVerifications';
import { leadLabelHandlers } from './leadLabels';
import { leadListHandlers } from './leadLists';
import { leadHandlers } from './leads';
import type { HandlerTable } from './types';
import { webhookHandlers } from './webhooks';
import { workspaceHandlers } from './workspaces';

/** Every simulated operation; spec'd operations missing here answer 501. */
export const allHandlers: HandlerTable = {
	...campaignHandlers,
	...analyticsHandlers,
	...leadHandlers,
	...backgroundJobHandlers,
	...leadListHandlers,
	...leadLabelHandlers,
	...blockListHandlers,
	...webhookHandlers,
	...accountHandlers,
	...emailHandlers,
	...emailVerificationHandlers,
	...workspaceHandlers,
};
