import type {
	AllEntities,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** Every resource's operations; the router's resource map and each resource's Operation options are checked against it. */
export type NodeMap = {
	lead:
		| 'create'
		| 'addMany'
		| 'get'
		| 'getAll'
		| 'update'
		| 'deleteLead'
		| 'deleteMany'
		| 'updateInterestStatus'
		| 'move';
	campaign:
		| 'create'
		| 'get'
		| 'getAll'
		| 'update'
		| 'deleteCampaign'
		| 'activate'
		| 'pause'
		| 'getAnalytics';
	blockListEntry: 'create' | 'createMany' | 'get' | 'getAll' | 'deleteEntry' | 'deleteMany';
	email: 'getAll' | 'get' | 'update' | 'deleteEmail' | 'countUnread' | 'markThreadAsRead' | 'reply' | 'forward';
	account:
		| 'get'
		| 'getAll'
		| 'update'
		| 'deleteAccount'
		| 'pause'
		| 'resume'
		| 'enableWarmup'
		| 'disableWarmup'
		| 'getWarmupAnalytics'
		| 'getDailyAnalytics'
		| 'testVitals';
	leadList: 'create' | 'get' | 'getAll' | 'update' | 'deleteList' | 'getVerificationStats';
	leadLabel: 'create' | 'get' | 'getAll' | 'update' | 'deleteLabel';
	backgroundJob: 'get';
	emailVerification: 'verify' | 'getStatus';
	webhook: 'create' | 'get' | 'getAll' | 'update' | 'deleteWebhook' | 'resume' | 'sendTest' | 'getDelivery' | 'getDeliveryLog';
	workspace: 'getCurrent' | 'getAllClients' | 'getClient' | 'getAdmin';
};

export type InstantlyType = AllEntities<NodeMap>;

/** An operation run once per input item; it returns plain API data and the router pairs it. */
export interface ItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
}

/** An operation that takes all input items at once (bulk endpoints) and pairs its own output. */
export interface BulkOperation {
	description: INodeProperties[];
	executeAll(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type InstantlyOperation = ItemOperation | BulkOperation;

/** An option of a resource's Operation field: its value must be one of the resource's operations. */
export type OperationOption<Resource extends keyof NodeMap> = INodePropertyOptions & { value: NodeMap[Resource] };

/** A resource's operation modules, keyed by exactly the values of its Operation options. */
export type OperationsListedIn<Options extends Array<{ value: string }>> = Record<Options[number]['value'], InstantlyOperation>;

/** Every resource of NodeMap with exactly its operations. */
export type ResourceOperations = { [Resource in keyof NodeMap]: Record<NodeMap[Resource], InstantlyOperation> };
