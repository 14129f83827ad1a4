// A short example article, written for this project. All names, places, outlets and events are
// fictional. It shows what the analyzer reads: a headline, a byline, a photo caption, a
// dateline, direct and partial quotations, a speaker named once and then quoted as "he", and
// a quotation split by its attribution, and a paragraph that is only a quotation (the speaker
// before it goes on talking).

export const EXAMPLE_ARTICLE = `Harbor Town Votes to Relight Its Old Lighthouse

By Ines Calloway, Port Wenlow Gazette

Photo: Volunteers clear the path to the Greyhaven lighthouse on Saturday. (Port Wenlow Gazette)

PORT WENLOW – The town council voted 5-2 on Tuesday night to restore the Greyhaven lighthouse, which has stood dark for more than thirty years. The repairs, estimated at $1.2 million, are expected to take two summers.

“This light guided my grandfather home every winter,” said Mara Ellison, who chairs the Greyhaven Preservation Society. She added that volunteers had already cleared the path to the tower.

“It is the first thing you see from the water and the last thing you see when you leave.”

Council member Tobias Renn voted against the plan. "The harbor wall needs repairs first, and the budget is already stretched thin," Renn said. He warned that the town could face "a very cold surprise" if the sea wall failed during a storm.

“I love that lighthouse as much as anyone,” he said. “But a lamp will not keep the water out of Front Street.”

Mayor Odile Fenwick, who cast the deciding vote, called the project “a promise we made to the harbor.” Ms. Fenwick told the meeting, “We can fix the wall and light the lamp. We just have to be patient.”

Work is expected to begin in the spring. The society has raised about a sixth of the money it needs, according to its treasurer, Jun Okafor.
`;
