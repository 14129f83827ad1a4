// Two short fictional reports of one event, for the Compare example: the same quotations with a
// capital, commas and a word changed, a trimmed quotation, one only in each, a reworded headline
// and reused wire copy in another order.

export const EXAMPLE_A = `‘The Boats Stay in Port’: Ferry Crews Walk Out in Kellan Bay

By Moira Tulloch

KELLAN BAY – Ferry crews on the Kellan Bay routes stopped work at dawn on Monday after talks over rosters collapsed late on Sunday night.

Union organiser Declan Royce told a rally at the harbour that “the boats stay in port, and they stay there until the company puts a real offer on the table.”

“Frankly, they wanted us to work longer shifts for the same pay, and we could not accept that,” Royce said.

The company, Strand Ferries, said the walkout was “deeply regrettable” and that contingency sailings would run to the islands.

About 4,000 passengers use the routes on a normal weekday. The last strike on the routes, in 2019, lasted eleven days.

“Nobody here wants a long fight,” said Aileen Marr, a deckhand for twenty years. “We want to be home for our children.”`;

export const EXAMPLE_B = `Royce: 'the boats stay put'

Kellan Bay, Monday — About 4,000 passengers use the routes on a normal weekday. Ferry crews stopped work at dawn after talks over rosters collapsed on Sunday night.

Declan Royce, a union organiser, said that "the boats stay in port" until Strand Ferries improves its offer. "Frankly they wanted us to work longer shifts for the same money, and we could not accept that," he said.

"We will sail as many contingency crossings as we safely can," said Strand Ferries spokesperson Ruth Okafor.

"Nobody here wants a long fight," said deckhand Aileen Marr.

The last strike on the routes, in 2019, lasted eleven days.`;
