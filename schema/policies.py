"""Policy administration over GraphQL: add and remove Casbin lines, test a role set (AC-4, AC-13).

The lines themselves are read through the generated `policyRules` list. Rules and checks
live in workflows/policies.py; this module only maps arguments and results.
"""

import uuid
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from models.policies import PolicyRule
from schema.results import Done, MutationError, attempt
from workflows import policies
from workflows.errors import ValidationFailed


@strawberry.enum(description="Kind of policy line.")
class PolicyLineType(Enum):
    P = strawberry.enum_value(
        "p", description="Permission: subject role, resource, action, scope (e.g. staff, cases, read, own)."
    )
    G = strawberry.enum_value(
        "g", description="Role grouping: the first role acts as the second (e.g. position:administrator)."
    )


@strawberry.type(description="One stored Casbin policy line (AC-4).")
class PolicyLine:
    id: strawberry.ID = strawberry.field(description="Id of the line; pass it to policyLineRemove.")
    ptype: PolicyLineType = strawberry.field(description="Kind of line: permission or role grouping.")
    values: list[str] = strawberry.field(
        description="The line's values in order: subject, resource, action, scope (p) or role, parent role (g)."
    )

    @classmethod
    def from_rule(cls, rule: PolicyRule) -> "PolicyLine":
        return cls(
            id=strawberry.ID(str(rule.id)),
            ptype=PolicyLineType(rule.ptype),
            values=list(policies.line_values(rule)),
        )


@strawberry.type(description="The line was stored and is in force (here at once, everywhere within seconds).")
class PolicyLineSuccess:
    line: PolicyLine = strawberry.field(description="The stored line.")


@strawberry.type(
    description="What a set of roles is granted on a resource for an action, under the policy in force."
)
class PolicyCheck:
    allowed: bool = strawberry.field(description="Whether any line grants it (deny by default).")
    scopes: list[str] = strawberry.field(
        description="The row scopes granted (all, subtree, unit, team, own, agency, reporter, house, none_identity); empty when refused."
    )


PolicyLineAddResult = Annotated[
    PolicyLineSuccess | MutationError,
    strawberry.union("PolicyLineAddResult", description="The stored line, or why it was refused."),
]
PolicyLineRemoveResult = Annotated[
    Done | MutationError,
    strawberry.union("PolicyLineRemoveResult", description="Done, or why the line was not removed."),
]


def _line_id(value: strawberry.ID) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed("validation.id", field="id") from exc


@strawberry.type(description="Testing the access policy.")
class Query:
    @strawberry.field(
        description="The scopes the policy in force grants a set of roles on a resource for an action — "
        "to test a change before or after making it. For those who may read the policies (system administrators, AC-4)."
    )
    async def policy_check(
        self,
        info: Info,
        roles: Annotated[
            list[str],
            strawberry.argument(
                description="Subject roles, as principals carry them: staff, position:unit_head, unit:oversight, scope:referrals:respond…"
            ),
        ],
        resource: Annotated[
            str,
            strawberry.argument(
                description="A table name, or secret_fields:<table> for secret fields in clear."
            ),
        ],
        action: Annotated[str, strawberry.argument(description="read, create, update, approve or manage.")],
    ) -> PolicyCheck:
        granted = await policies.check(info.context.principal, roles, resource, action)
        return PolicyCheck(allowed=bool(granted), scopes=sorted(granted))


@strawberry.type(description="Changing the access policy.")
class Mutation:
    @strawberry.mutation(
        description="Add a policy line; it is audited and in force at once (AC-4, AC-13). System administrators only."
    )
    async def policy_line_add(
        self,
        info: Info,
        ptype: Annotated[PolicyLineType, strawberry.argument(description="Kind of line.")],
        values: Annotated[
            list[str],
            strawberry.argument(
                description="subject, resource, action, scope (p: resource a table, secret_fields:<table> or a pattern "
                "ending in *; action read/create/update/approve/manage or *) or role, parent role (g)."
            ),
        ],
    ) -> PolicyLineAddResult:
        async def run() -> PolicyLineSuccess:
            rule = await policies.add_line(info.context.principal, ptype.value, values)
            return PolicyLineSuccess(line=PolicyLine.from_rule(rule))

        return await attempt(info, run)

    @strawberry.mutation(
        description="Remove a policy line; it is audited and revoked at once. Refused if system administrators "
        "would lose the right to manage the policies (AC-4). System administrators only."
    )
    async def policy_line_remove(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Id of the line (from policyRules).")],
    ) -> PolicyLineRemoveResult:
        async def run() -> Done:
            await policies.remove_line(info.context.principal, _line_id(id))
            return Done(ok=True)

        return await attempt(info, run)
