import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TIMEZONES } from '../../../../nodes/Instantly/helpers/timezones';

const document = JSON.parse(readFileSync(join(__dirname, '../../../../simulator/openapi/api_v2.json'), 'utf8'));

describe('TIMEZONES', () => {
	it('is exactly the 102-zone enum of the campaign schedule in the OpenAPI document', () => {
		const enumValues =
			document.components.schemas.Campaign.properties.campaign_schedule.properties.schedules.items.properties.timezone.enum;
		expect(enumValues).toHaveLength(102);
		expect([...TIMEZONES]).toEqual(enumValues);
	});

	it('matches the enum of the create-campaign request body', () => {
		const body = document.paths['/api/v2/campaigns'].post.requestBody.content['application/json'].schema;
		expect([...TIMEZONES]).toEqual(body.properties.campaign_schedule.properties.schedules.items.properties.timezone.enum);
	});
});
