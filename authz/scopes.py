"""The one catalogue of partner-token scopes (AC-2).

A token is created with scopes from this catalogue only; the policies grant rights to
`scope:<name>` roles (authz/principal.py, `Principal.roles`). Adding a scope here and a
policy line is all a new partner capability needs.
"""

from __future__ import annotations

SCOPES: dict[str, str] = {
    "violence_reports:submit": "Submit reports of violence against women and children (VR-2).",
    "referrals:respond": "Acknowledge, decline and report the handling of referrals to the agency (VR-6).",
    "involvement_requests:respond": "Answer involvement requests addressed to the agency (ASG-3, ASG-4).",
    "escalations:respond": "Decide problems cross-agency teams put to the agency's head (Lamp. 3.c.4).",
    "notifications:read": "Read notifications addressed to the agency.",
    "placements:request": "Request a safe-house placement for a protected person (SH-10).",
    "applications:refer": "Refer an application for protection to LPSK (APP-4).",
    "applications:read": "Follow the applications the agency referred or whose protection its official "
    "requested, without the people's identities (APP-4, TRM-1b).",
}


def unknown_scopes(scopes: list[str] | tuple[str, ...] | frozenset[str]) -> list[str]:
    """Scope names → those not in the catalogue, in the order given."""
    return [scope for scope in scopes if scope not in SCOPES]
