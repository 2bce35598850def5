"""Generated requests against the API's OpenAPI schema (schemathesis): never a 5xx.

The schema is walked in one test (schemathesis's pytest plugin does not load under this
pytest); each operation gets generated paths, queries and bodies, signed in as the admin (who may
reach every operation), so inputs get past the permission check to the services.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from web.app import create_app


@pytest.fixture(scope="module")
def api_schema(web_db: str) -> object:
    """The app's OpenAPI schema, loaded once the demo database is in place."""
    del web_db
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app())


@pytest.fixture(scope="module")
def admin_token(web_db: str) -> str:
    """A bearer token of the admin account."""
    del web_db
    with TestClient(create_app()) as client:
        answer = client.post(
            "/api/v1/sesion",
            json={"email": "admin@demo.hogares.pe", "password": "hogares-demo-2026"},
        )
    assert answer.status_code == 201, answer.text
    return str(answer.json()["token"])


def check_operation(operation: object, token: str) -> None:
    """Hypothesis-generated cases of one operation; each answer must be below 500."""

    @given(case=operation.as_strategy())  # type: ignore[attr-defined]
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case: object) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        if case.path == "/api/v1/sesion" and case.method == "DELETE":  # type: ignore[attr-defined]
            headers = {}  # keep the shared token alive
        response = case.call(headers=headers)  # type: ignore[attr-defined]
        assert response.status_code < 500, f"{case.method} {case.path}: {response.text}"  # type: ignore[attr-defined]

    run()


def test_no_generated_request_gets_a_server_error(api_schema: object, admin_token: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[attr-defined]
    assert len(operations) >= 6
    for operation in operations:
        check_operation(operation, admin_token)
