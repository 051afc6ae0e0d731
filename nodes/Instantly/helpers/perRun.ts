/**
 * Answers kept for one execution: n8n gives a run one context object, so answers are held per
 * context (and dropped with it) and per key. A failed answer is not kept, so the next ask retries.
 */
export class PerRunCache<T> {
	private readonly runs = new WeakMap<object, Map<string, Promise<T>>>();

	get(context: object, key: string, load: () => Promise<T>): Promise<T> {
		let known = this.runs.get(context);
		if (!known) {
			known = new Map();
			this.runs.set(context, known);
		}
		let answer = known.get(key);
		if (!answer) {
			const kept = known;
			answer = load();
			kept.set(key, answer);
			answer.catch(() => kept.delete(key));
		}
		return answer;
	}
}
