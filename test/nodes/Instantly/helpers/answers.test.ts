import { answerJson } from '../../../../nodes/Instantly/helpers/answers';

describe('answerJson', () => {
	it.each([
		['a JSON object', { id: 'a' }, { id: 'x' }, { id: 'a' }],
		['a JSON list', [{ id: 'a' }, { id: 'b' }], {}, [{ id: 'a' }, { id: 'b' }]],
		['a list of plain values', ['a', 1], {}, [{ value: 'a' }, { value: 1 }]],
		['no body (204)', undefined, { id: 'x' }, { success: true, id: 'x' }],
		['null', null, {}, { success: true }],
		['an empty text', '', { email: 'a@b.co' }, { success: true, email: 'a@b.co' }],
		['a blank text', ' \n', {}, { success: true }],
		['a text answer', 'OK', { id: 'x' }, { success: true, id: 'x', response: 'OK' }],
		['JSON sent as text', '{"id":"a"}', { id: 'x' }, { id: 'a' }],
		['a bare number', 3, {}, { success: true, response: 3 }],
		['a bare true', true, {}, { success: true, response: true }],
	])('turns %s into item data', (_case, answer, actedOn, expected) => {
		expect(answerJson(answer, actedOn)).toEqual(expected);
	});

	it('never spreads a text into characters', () => {
		expect(answerJson('OK')).not.toHaveProperty('0');
	});
});
