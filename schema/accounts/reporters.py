"""Public reporters sign in with a code sent to their phone: reporterCodeRequest,
reporterCodeVerify (VR-1, AC-3). Both are public; the answers never tell whether a number is
already known."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from schema.accounts import common
from schema.accounts.types import ReporterCodeVerifySuccess
from schema.results import Done, MutationError
from workflows import reporter_sessions
from workflows.errors import ValidationFailed

ReporterCodeRequestResult = Annotated[
    Done | MutationError,
    strawberry.union(
        "ReporterCodeRequestResult", description="The code was sent, or why the input was refused."
    ),
]
ReporterCodeVerifyResult = Annotated[
    ReporterCodeVerifySuccess | MutationError,
    strawberry.union("ReporterCodeVerifyResult", description="A reporter session, or why not."),
]

PhoneArgument = Annotated[
    str,
    strawberry.argument(description="The reporter's mobile number, e.g. +6281234567890 (10 to 15 digits)."),
]


def _code(value: str) -> str:
    code = value.strip()
    if len(code) != reporter_sessions.CODE_DIGITS or not code.isascii() or not code.isdigit():
        raise ValidationFailed(
            "accounts_api.code", field="code", rule="VR-1", digits=reporter_sessions.CODE_DIGITS
        )
    return code


@strawberry.type(description="Public reporters' sign-in.")
class Mutation:
    @strawberry.mutation(
        description="Sends a 6-digit code, valid 5 minutes, to a mobile number (VR-1, AC-3). Public. "
        "The answer is the same whether or not the number was seen before. A new code within 60 "
        "seconds of the last, or more than 5 an hour, answers the top-level error RATE_LIMITED with "
        "`extensions.retryAfter` in seconds."
    )
    async def reporter_code_request(self, info: Info, phone: PhoneArgument) -> ReporterCodeRequestResult:
        context = info.context

        async def act() -> Done:
            number = common.text(phone, "phone", maximum=common.MAX_PHONE_LENGTH)
            await reporter_sessions.request_code(number, ip=context.client_ip, request_id=context.request_id)
            return Done(ok=True)

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Exchanges the latest code sent to a number for a reporter session that reaches "
        "only that reporter's own reports (VR-1, AC-3). Public. A wrong, expired or overused code "
        "answers VALIDATION on `code`, the same for every cause; 5 attempts per code."
    )
    async def reporter_code_verify(
        self,
        info: Info,
        phone: PhoneArgument,
        code: Annotated[str, strawberry.argument(description="The 6-digit code received.")],
        agency_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(
                description="The district service running the reporting module, where more than one does."
            ),
        ] = None,
    ) -> ReporterCodeVerifyResult:
        context = info.context

        async def act() -> ReporterCodeVerifySuccess:
            number = common.text(phone, "phone", maximum=common.MAX_PHONE_LENGTH)
            digits = _code(code)
            agency = None if agency_id is None else common.identifier(agency_id, "agencyId")
            token, session = await reporter_sessions.verify_code(
                number, digits, agency_id=agency, ip=context.client_ip, request_id=context.request_id
            )
            return ReporterCodeVerifySuccess(
                token=token,
                expires_at=session.expires_at,
                idle_timeout_seconds=int(reporter_sessions.SESSION_IDLE_TIMEOUT.total_seconds()),
                reporter_id=strawberry.ID(str(session.reporter_id)),  # type: ignore[attr-defined]
            )

        return await common.attempt(info, act)
