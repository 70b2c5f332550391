import { useMutation } from '../../api/hooks';
import { CloseRoundDocument, OpenRoundDocument, PublishRoundDocument, type RoundStatus } from '../../gql/graphql';

/**
 * The next step of a round's life from its status — DRAFT opens, OPEN closes, CLOSED
 * publishes — whatever its method; each console asks its own questions before `act`.
 */
export function useRoundTransitions(roundId: string, status: RoundStatus, onChanged: () => void) {
  const open = useMutation(OpenRoundDocument);
  const close = useMutation(CloseRoundDocument);
  const publish = useMutation(PublishRoundDocument);
  const act = async () => {
    const done =
      status === 'DRAFT' ? await open.mutate({ id: roundId }) : status === 'OPEN' ? await close.mutate({ id: roundId }) : await publish.mutate({ id: roundId });
    if (done) onChanged();
  };
  return { act, error: open.error ?? close.error ?? publish.error, pending: open.pending || close.pending || publish.pending };
}
