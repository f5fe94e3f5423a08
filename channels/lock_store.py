"""A Redis lock store whose ticket operations are atomic across server processes.

Rasa 3.6's RedisLockStore keeps each conversation's ticket lock as one JSON
value and changes it with a plain GET, then SET. Two replicas that receive a
message of the same conversation at the same moment (a platform delivering two
webhooks at once, round robin sending them to different replicas) can both
read "no tickets", both take ticket 0 and run their turns at the same time;
the SQL tracker store then keeps only one turn's events. Seen here: 20
simultaneous messages on two replicas, 17 stored (tests/integration/test_replicas.py).

Here every change of a lock (issue a ticket, drop expired tickets, finish
serving and delete when nobody waits) is a Redis transaction: WATCH the key,
read, change, MULTI/SET (or DEL)/EXEC, retried when another process changed the
key in between. Reads and everything else are Rasa's.

server/launcher.py selects it for `LOCK_STORE_URL=redis://...` (endpoints `type:
channels.lock_store.AtomicRedisLockStore`, same settings as `type: redis`).
"""

import json
import logging
from typing import Any, Callable, Optional, Text, Tuple

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

logger = logging.getLogger(__name__)

KEEP, SAVE, DELETE = "keep", "save", "delete"


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store named by its class path
            kwargs = {"host": endpoint_config.url or "localhost", **(endpoint_config.kwargs or {}), **kwargs}
        super().__init__(**kwargs)
        self._retry_connections()

    def _retry_connections(self) -> None:
        """Retries with backoff (about 3 s in all) on every Redis connection: Rasa's client does not retry,
        so the first turn after a Redis restart failed (tests/integration/test_replicas.py restarts it
        under load)."""
        import redis
        from redis.backoff import ExponentialBackoff
        from redis.retry import Retry

        pool = self.red.connection_pool
        pool.connection_kwargs.update(
            retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), 6),
            retry_on_error=[redis.exceptions.ConnectionError, redis.exceptions.TimeoutError])
        pool.disconnect()  # connections made from now on use the retry policy

    def _transact(self, conversation_id: Text,
                  change: Callable[[Optional[TicketLock]], Tuple[str, Optional[TicketLock], Any]]) -> Any:
        """Apply `change` to the stored lock atomically; its result."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    action, new_lock, result = change(lock)
                    if action == KEEP:
                        pipe.unwatch()
                        return result
                    pipe.multi()
                    if action == SAVE:
                        pipe.set(key, new_lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another process changed the lock: read it again

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def change(lock: Optional[TicketLock]):
            lock = lock or TicketLock(conversation_id)
            return SAVE, lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._transact(conversation_id, change)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}")

    def update_lock(self, conversation_id: Text) -> None:
        def change(lock: Optional[TicketLock]):
            if lock is None:
                return KEEP, None, None
            lock.remove_expired_tickets()
            return SAVE, lock, None

        self._transact(conversation_id, change)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def change(lock: Optional[TicketLock]):
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            return SAVE, lock, None

        self._transact(conversation_id, change)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finish serving `ticket_number`; delete the lock if nobody else waits (one transaction)."""
        def change(lock: Optional[TicketLock]):
            if lock is None:
                return KEEP, None, None
            lock.remove_ticket_for(ticket_number)
            return (SAVE, lock, None) if lock.is_someone_waiting() else (DELETE, None, None)

        self._transact(conversation_id, change)
