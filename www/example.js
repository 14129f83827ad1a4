// A short example article, written for this project. All names, places and
// events are fictional.

export const EXAMPLE_ARTICLE = `Harbor Town Votes to Relight Its Old Lighthouse

The town council of Port Wenlow voted on Tuesday night to restore the Greyhaven lighthouse, which has stood dark for more than thirty years. The repairs are expected to take two summers.

“This light guided my grandfather home every winter,” said Mara Ellison, who chairs the Greyhaven Preservation Society. She added that volunteers had already cleared the path to the tower.

Council member Tobias Renn voted against the plan. "The harbor wall needs repairs first, and the budget is already stretched thin," Renn said.

Work is expected to begin in the spring. The society has raised about a sixth of the money it needs, according to its treasurer, Jun Okafor.
`;
