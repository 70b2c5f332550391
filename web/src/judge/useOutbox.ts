import { useSyncExternalStore } from 'react';
import { outbox } from './outbox';

/** Re-renders whenever the queue of waiting sheets changes. */
export function useOutbox() {
  useSyncExternalStore(
    (listener) => outbox.subscribe(listener),
    () => outbox.snapshot(),
  );
  return outbox;
}
