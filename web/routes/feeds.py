"""Calendar feeds: the address a phone's calendar subscribes to, with no session.

Calendar apps send no cookie, so the link's token is the credential: 256 random bits,
compared by its hash. An unknown and a revoked token both answer the same 404 as any
missing page. Answers say who may keep them (``private``), send no referrer, ask search
engines not to index, and carry an ETag and Last-Modified so a client that already has
the feed gets a bodiless 304.

Every request checks the token and reads when the shelter's feed events last changed,
in one indexed query. What the feed looked like at that moment (its ETag, and its bytes)
is kept in this process for up to ``KEPT``: a revoked link or a newly published roster
shows at once; a renamed shift or role reaches the feeds within that time.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from threading import Lock

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from exports.ical import MEDIA_TYPE, calendar_ics, feed_etag
from roster.services.calendars import feed_for_owner, lima_today
from roster.services.feeds import FeedOwner, owner_of
from roster.storage import session_scope
from web.deps import NOT_FOUND

router = APIRouter(tags=["calendario"])
FEED_HEADERS = {
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}
KEPT = timedelta(minutes=5)
Key = tuple[int, datetime | None, date]  # (link, the shelter's last change, Lima's day)


class Remembered:
    """The most recent feeds' ETag, Last-Modified and bytes, by link and moment of change."""

    def __init__(self, size: int = 1024) -> None:
        self.size = size
        self.seen: OrderedDict[Key, tuple[str, datetime, datetime]] = OrderedDict()
        self.bodies: OrderedDict[str, bytes] = OrderedDict()
        self.lock = Lock()

    def get(self, key: Key, now: datetime) -> tuple[str, datetime] | None:
        with self.lock:
            found = self.seen.get(key)
        if found is None or found[2] < now:
            return None
        return found[0], found[1]

    def put(self, key: Key, etag: str, modified: datetime, body: bytes, now: datetime) -> None:
        with self.lock:
            self.seen[key] = (etag, modified, now + KEPT)
            self.bodies[etag] = body
            for kept in (self.seen, self.bodies):
                while len(kept) > self.size:
                    kept.popitem(last=False)

    def body(self, etag: str) -> bytes | None:
        with self.lock:
            return self.bodies.get(etag)


REMEMBERED = Remembered()


def unchanged(request: Request, etag: str, modified: datetime) -> bool:
    """Whether the client's copy is current: its ETag first, else its If-Modified-Since."""
    sent = request.headers.get("if-none-match")
    if sent is not None:
        tags = {tag.strip().removeprefix("W/") for tag in sent.split(",")}
        return "*" in tags or etag in tags
    since = request.headers.get("if-modified-since")
    if not since:
        return False
    try:
        moment = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return modified.replace(microsecond=0) <= moment


def _made(owner: FeedOwner, key: Key, now: datetime) -> tuple[str, datetime, bytes]:
    """Build the feed (in its own session), remember it, return its ETag, date and bytes."""
    with session_scope() as db:
        answer = feed_for_owner(db, owner, now)
    etag = feed_etag(answer.feed)
    body = REMEMBERED.body(etag) or calendar_ics(answer.feed)
    REMEMBERED.put(key, etag, answer.modified, body, now)
    return etag, answer.modified, body


def _owner(token: str) -> FeedOwner | None:
    with session_scope() as db:
        return owner_of(db, token)


@router.get("/calendario/{token}.ics")
async def calendar_feed(token: str, request: Request) -> Response:
    """A staff member's own feed, or a shelter's for its coordination; 404 if not valid.

    Async on purpose: the usual answer (a known feed, often a 304) is one short indexed
    query, run here without a trip through the thread pool; building a feed, which takes
    longer, goes to the thread pool.
    """
    owner = _owner(token)
    if owner is None:
        raise HTTPException(404, NOT_FOUND)
    now = datetime.now(UTC)
    key: Key = (owner.token_id, owner.changed, lima_today(now))
    known = REMEMBERED.get(key, now)
    body = None
    if known is None:
        etag, modified, body = await run_in_threadpool(_made, owner, key, now)
    else:
        etag, modified = known
    headers = {
        **FEED_HEADERS,
        "ETag": etag,
        "Last-Modified": format_datetime(modified.astimezone(UTC), usegmt=True),
    }
    if unchanged(request, etag, modified):
        return Response(status_code=304, headers=headers)
    body = body or REMEMBERED.body(etag) or (await run_in_threadpool(_made, owner, key, now))[2]
    return Response(body, media_type=MEDIA_TYPE, headers=headers)
