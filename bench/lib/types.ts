export type Metrics = Record<string, unknown>;

export interface BenchCase {
	id: string;
	label: string;
	/** Repetitions (each in a fresh process); defaults to 3. */
	reps?: number;
	run(rep: number): Promise<Metrics>;
}

export interface Bench {
	name: string;
	title: string;
	cases: BenchCase[];
}
