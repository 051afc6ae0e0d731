import { readFileSync } from 'node:fs';

import { TIMEZONES } from '../../../../nodes/Instantly/helpers/timezones';
import { OPENAPI_PATH } from '../../../../simulator';

const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));

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
