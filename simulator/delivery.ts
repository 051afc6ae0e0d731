import { systemClock, type Clock } from './clock';
import { nowIso, uuidv7 } from './ids';
import { buildEventPayload, deliveredEventType, recordEvent, subscriptionEventType } from './events';
import type { EventInput } from './resources/types';
import type { DeliveryAttempt, DeliveryResult, Webhook, WorkspaceState } from './state';

export interface DeliveryOptions {
	/** Attempts per delivery, the first included. */
	maxAttempts: number;
	retryDelayMs: number;
	/** Consecutive failed deliveries after which the webhook gets status -1. */
	disableAfterFailures: number;
	timeoutMs: number;
	/** Retry waits, timeouts and response times are measured on it. */
	clock: Clock;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { maxAttempts: 3, retryDelayMs: 50, disableAfterFailures: 3, timeoutMs: 5000, clock: systemClock };

/** POSTs like Instantly's axios client does; never throws. */
export async function postPayload(
	url: string,
	headers: Record<string, string> | null,
	payload: unknown,
	{ timeoutMs, clock }: Pick<DeliveryOptions, 'timeoutMs' | 'clock'>,
): Promise<DeliveryAttempt> {
	const started = clock.now();
	const timeout = new AbortController();
	const cancelTimeout = clock.schedule(() => timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				accept: 'application/json, text/plain, */*',
				'content-type': 'application/json',
				'user-agent': 'axios/0.21.4',
				...(headers ?? {}),
			},
			body: JSON.stringify(payload),
			signal: timeout.signal,
		});
		await response.arrayBuffer();
		return { statusCode: response.status, responseTimeMs: clock.now() - started };
	} catch (error) {
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		return { statusCode: null, error: cause ?? (error as Error).message, responseTimeMs: clock.now() - started };
	} finally {
		cancelTimeout();
	}
}

const succeeded = (attempt: DeliveryAttempt) => attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;

export function matchingWebhooks(workspace: WorkspaceState, payload: Record<string, unknown>): Webhook[] {
	const delivered = String(payload.event_type);
	const subscription = subscriptionEventType(delivered);
	const customLabel = [...workspace.leadLabels.values()].find((label) => label.label === delivered);
	return [...workspace.webhooks.values()].filter((webhook) => {
		if (webhook.status === -1) return false;
		if (webhook.campaign && webhook.campaign !== payload.campaign_id) return false;
		if (webhook.event_type === 'all_events') return true;
		if (customLabel) return webhook.event_type == null && webhook.custom_interest_value === customLabel.interest_status;
		// Auto replies have no subscription value of their own; only all_events hooks get them.
		return delivered !== 'auto_reply_received' && webhook.event_type === subscription;
	});
}

function logWebhookEvent(workspace: WorkspaceState, webhook: Webhook, payload: Record<string, unknown>, attempt: DeliveryAttempt, retryCount: number, willRetry: boolean, retryGroupId: string): void {
	const timestamp = nowIso();
	const event = {
		id: uuidv7(),
		timestamp_created: timestamp,
		timestamp_created_date: timestamp.slice(0, 10),
		organization_id: workspace.id,
		payload,
		success: succeeded(attempt),
		retry_count: retryCount,
		will_retry: willRetry,
		webhook_url: webhook.target_hook_url,
		status_code: attempt.statusCode,
		error_message: attempt.error ?? (succeeded(attempt) ? null : `HTTP ${attempt.statusCode}`),
		timestamp_next_retry: null,
		retry_group_id: retryGroupId,
		retry_successful: retryCount > 0 ? succeeded(attempt) : null,
		lead_email: (payload.lead_email as string | null) ?? null,
		response_time_ms: attempt.responseTimeMs,
	};
	workspace.webhookEvents.set(event.id, event);
}

async function deliverToWebhook(workspace: WorkspaceState, webhook: Webhook, payload: Record<string, unknown>, options: DeliveryOptions): Promise<DeliveryResult> {
	const retryGroupId = uuidv7();
	let attempt: DeliveryAttempt = { statusCode: null, responseTimeMs: 0 };
	let attempts = 0;
	while (attempts < options.maxAttempts) {
		if (attempts > 0) await options.clock.sleep(options.retryDelayMs * 2 ** (attempts - 1));
		attempt = await postPayload(webhook.target_hook_url, webhook.headers, payload, options);
		attempts++;
		const willRetry = !succeeded(attempt) && attempts < options.maxAttempts;
		logWebhookEvent(workspace, webhook, payload, attempt, attempts - 1, willRetry, retryGroupId);
		if (!willRetry) break;
	}
	const success = succeeded(attempt);
	const failures = success ? 0 : (workspace.webhookFailures.get(webhook.id) ?? 0) + 1;
	workspace.webhookFailures.set(webhook.id, failures);
	const disabled = failures >= options.disableAfterFailures;
	if (disabled) Object.assign(webhook, { status: -1, timestamp_error: nowIso() });
	const result: DeliveryResult = {
		webhookId: webhook.id,
		url: webhook.target_hook_url,
		eventType: String(payload.event_type),
		success,
		statusCode: attempt.statusCode,
		attempts,
		...(attempt.error ? { error: attempt.error } : {}),
		disabled,
		payload,
		deliveredAt: nowIso(),
	};
	workspace.deliveries.push(result);
	return result;
}

/** Makes an event happen: records it and delivers it to every matching webhook in parallel. */
export async function fireEvent(workspace: WorkspaceState, event: EventInput, options: DeliveryOptions): Promise<DeliveryResult[]> {
	const payload = buildEventPayload(workspace, { ...event, event_type: deliveredEventType(event.event_type) });
	recordEvent(workspace, payload);
	return Promise.all(matchingWebhooks(workspace, payload).map((webhook) => deliverToWebhook(workspace, webhook, payload, options)));
}

/** `POST /webhooks/{id}/test`: one attempt, no retries, no effect on the failure count. */
export async function sendTestEvent(workspace: WorkspaceState, webhook: Webhook, options: DeliveryOptions): Promise<Record<string, unknown>> {
	const payload = {
		event_type: 'test_event',
		is_test: true,
		webhook_id: webhook.id,
		test_message: 'This is a test webhook event from Instantly',
		timestamp: nowIso(),
		workspace: workspace.id,
		lead_email: 'test@example.com',
	};
	const attempt = await postPayload(webhook.target_hook_url, webhook.headers, payload, options);
	const success = succeeded(attempt);
	return {
		success,
		message: success ? 'Webhook test successful' : 'Webhook test failed',
		response_time_ms: attempt.responseTimeMs,
		...(attempt.statusCode === null ? {} : { status_code: attempt.statusCode }),
		...(success ? {} : { error: attempt.error ?? `Request failed with status code ${attempt.statusCode}` }),
	};
}
