import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export const rl = (value: string, mode: 'list' | 'id' | 'url' = 'id') => ({ __rl: true, mode, value });

/** n8n items from plain JSON objects. */
export const itemsOf = (...json: IDataObject[]): INodeExecutionData[] => json.map((j) => ({ json: j }));
