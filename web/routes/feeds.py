"""Calendar feeds: the address a phone's calendar subscribes to, with no session.

Calendar apps send no cookie, so the link's token is the credential: 256 random bits,
compared by its hash. An unknown and a revoked token both answer the same 404 as any
missing page. Answers say who may keep them (``private``), send no referrer, ask search
engines not to index, and carry an ETag and Last-Modified so a client that already has
the feed gets a bodiless 304.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from exports.ical import MEDIA_TYPE, calendar_ics, feed_etag
from roster.services.calendars import FeedAnswer, feed_for_token
from web.deps import NOT_FOUND, SessionDep

router = APIRouter(tags=["calendario"])
FEED_HEADERS = {
    "Cache-Control": "private, no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


_bodies: OrderedDict[str, bytes] = OrderedDict()  # ETag -> body, the most recent feeds
BODIES_KEPT = 256


def body_of(answer: FeedAnswer, etag: str) -> bytes:
    """The feed's bytes, made once per content: the ETag names the content exactly."""
    body = _bodies.get(etag)
    if body is None:
        body = calendar_ics(answer.feed)
        _bodies[etag] = body
        while len(_bodies) > BODIES_KEPT:
            _bodies.popitem(last=False)
    return body


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


@router.get("/calendario/{token}.ics")
def calendar_feed(token: str, request: Request, db: SessionDep) -> Response:
    """A staff member's own feed, or a shelter's for its coordination; 404 if not valid."""
    answer = feed_for_token(db, token)
    if answer is None:
        raise HTTPException(404, NOT_FOUND)
    etag = feed_etag(answer.feed)
    headers = {
        **FEED_HEADERS,
        "ETag": etag,
        "Last-Modified": format_datetime(answer.modified.astimezone(UTC), usegmt=True),
    }
    if unchanged(request, etag, answer.modified):
        return Response(status_code=304, headers=headers)
    return Response(body_of(answer, etag), media_type=MEDIA_TYPE, headers=headers)
