"""Administrators manage staff accounts: accountCreate, accountPasswordReset, accountDisable,
accountEnable (AC-1, AC-4). Each needs `manage` on staff_accounts; each change is audited by
its workflow, each refusal by authz.require (AC-13)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from authz.principal import Principal
from authz.scope import require
from schema.accounts import common
from schema.accounts.types import AccountSuccess, AccountSummary
from schema.results import MutationError
from workflows import accounts

RESOURCE = "staff_accounts"

AccountCreateResult = Annotated[
    AccountSuccess | MutationError,
    strawberry.union("AccountCreateResult", description="The new account, or why not."),
]
AccountPasswordResetResult = Annotated[
    AccountSuccess | MutationError,
    strawberry.union("AccountPasswordResetResult", description="The account, or why not."),
]
AccountDisableResult = Annotated[
    AccountSuccess | MutationError,
    strawberry.union("AccountDisableResult", description="The disabled account, or why not."),
]
AccountEnableResult = Annotated[
    AccountSuccess | MutationError,
    strawberry.union("AccountEnableResult", description="The enabled account, or why not."),
]

StaffIdArgument = Annotated[strawberry.ID, strawberry.argument(description="Id of the Staff record.")]


async def administrator(info: Info) -> Principal:
    """The caller, when the policies let them manage accounts (AC-4); else FORBIDDEN."""
    return await require(info.context.principal, RESOURCE, "manage")


@strawberry.type(description="Staff accounts, for administrators.")
class Mutation:
    @strawberry.mutation(
        description="Gives a staff member a sign-in account (AC-1, AC-4); administrators only. The "
        "password must have at least 12 characters and not be a common one."
    )
    async def account_create(
        self,
        info: Info,
        staff_id: StaffIdArgument,
        password: Annotated[
            str, strawberry.argument(description="First password: 12 to 256 characters, not a common one.")
        ],
        is_system_admin: Annotated[
            bool, strawberry.argument(description="Whether the account administers the system (AC-4).")
        ] = False,
    ) -> AccountCreateResult:
        principal = await administrator(info)

        async def act() -> AccountSuccess:
            staff = common.identifier(staff_id, "staffId")
            secret = common.password(password, "password")
            account = await accounts.create_account(
                staff,
                secret,
                is_system_admin=is_system_admin,
                by=principal.staff_id,
                request_id=info.context.request_id,
            )
            return AccountSuccess(account=AccountSummary.of(account))

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Sets a new password for an account and ends all its sessions (AC-1, AC-4); "
        "system administrators only. The password must meet the policy."
    )
    async def account_password_reset(
        self,
        info: Info,
        staff_id: StaffIdArgument,
        new_password: Annotated[
            str, strawberry.argument(description="The new password: 12 to 256 characters, not a common one.")
        ],
    ) -> AccountPasswordResetResult:
        principal = await administrator(info)

        async def act() -> AccountSuccess:
            staff = common.identifier(staff_id, "staffId")
            secret = common.password(new_password, "newPassword")
            account = await accounts.admin_reset_password(
                principal.staff_id,  # type: ignore[arg-type] — the workflow refuses a caller without one
                staff,
                secret,
                request_id=info.context.request_id,
            )
            return AccountSuccess(account=AccountSummary.of(account))

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Disables an account: it cannot sign in and every session of it ends at once "
        "(AC-1, AC-4); administrators only. Disabling twice keeps the first time."
    )
    async def account_disable(self, info: Info, staff_id: StaffIdArgument) -> AccountDisableResult:
        principal = await administrator(info)

        async def act() -> AccountSuccess:
            staff = common.identifier(staff_id, "staffId")
            account = await accounts.disable_account(
                staff, by=principal.staff_id, request_id=info.context.request_id
            )
            return AccountSuccess(account=AccountSummary.of(account))

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Enables a disabled account so it may sign in again; old sessions stay ended "
        "(AC-4); administrators only."
    )
    async def account_enable(self, info: Info, staff_id: StaffIdArgument) -> AccountEnableResult:
        principal = await administrator(info)

        async def act() -> AccountSuccess:
            staff = common.identifier(staff_id, "staffId")
            account = await accounts.enable_account(
                staff, by=principal.staff_id, request_id=info.context.request_id
            )
            return AccountSuccess(account=AccountSummary.of(account))

        return await common.attempt(info, act)
