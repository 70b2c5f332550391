/**
 * A round's assessment method (`Round.method`, a union with one member per kind). The
 * documents select `method { __typename ... on PanelMethod { … } }`; the panel's rubric and
 * rule are read only through `panelOf`, never from the deprecated fields on Round.
 */

/** The PanelMethod member of a selected `method`. */
export type PanelOf<M> = Extract<M, { __typename: 'PanelMethod' }>;

/**
 * The round's judged-panel configuration (rubric, trims, aggregate, normalisation, quorum,
 * tie-breakers) as the document selected it, or null when the round is assessed by
 * another method (including a kind this client does not know yet).
 */
export function panelOf<M extends { __typename: string }>(round: { method: M }): PanelOf<M> | null {
  return isPanel(round.method) ? round.method : null;
}

function isPanel<M extends { __typename: string }>(method: M): method is PanelOf<M> {
  return method.__typename === 'PanelMethod';
}
