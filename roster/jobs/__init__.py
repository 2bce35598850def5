"""Background jobs: long solves run by worker processes over the jobs table, with progress.

The web app submits a job and polls it; a worker (``roster worker``, started by
``roster serve``) claims it, solves, stores a draft and records the outcome.
See docs/jobs.md.
"""

from roster.jobs.info import (
    ACTIVE_STATES,
    FINAL_STATES,
    HEARTBEAT_SECONDS,
    INTERRUPTED_MESSAGE,
    STALE_AFTER_SECONDS,
    STATE_LABELS_ES,
    JobInfo,
)
from roster.jobs.queue import (
    claim_next,
    get_job,
    latest_job,
    mark_interrupted,
    request_cancel,
    submit_plan,
    submit_repair,
)
from roster.jobs.runner import run_job
from roster.jobs.worker import run_worker, watch_parent

__all__ = [
    "ACTIVE_STATES",
    "FINAL_STATES",
    "HEARTBEAT_SECONDS",
    "INTERRUPTED_MESSAGE",
    "STALE_AFTER_SECONDS",
    "STATE_LABELS_ES",
    "JobInfo",
    "claim_next",
    "get_job",
    "latest_job",
    "mark_interrupted",
    "request_cancel",
    "run_job",
    "run_worker",
    "submit_plan",
    "submit_repair",
    "watch_parent",
]
