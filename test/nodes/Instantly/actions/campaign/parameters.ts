/** A campaign Create's required parameters, bar its sending days. */
export const CREATE_CAMPAIGN = {
	resource: 'campaign',
	operation: 'create',
	name: 'Founders Q3',
	timezone: 'America/Detroit',
	fromTime: '08:30',
	toTime: '16:00',
};
