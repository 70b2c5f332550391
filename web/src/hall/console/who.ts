import { useSession } from '../../auth/useSession';

/**
 * Who did something, from the account id the API records (answeredBy, publishedBy,
 * addedBy): the signed-in organizer's own id reads as their name; another organizer's
 * id is shown as it is, since the API gives no name for it.
 */
export function useWho(): (id: string | null | undefined) => string {
  const current = useSession();
  const me = current?.user;
  return (id) => (!id ? '—' : me && id === me.id ? me.name : id);
}
