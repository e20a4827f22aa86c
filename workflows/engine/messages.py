"""User-facing texts of the workflow engine, Indonesian first (Q-U3)."""

from __future__ import annotations

from workflows.messages import MESSAGES as CATALOGUE

MESSAGES: dict[str, tuple[str, str]] = {
    "workflow.wrong_state": (
        "Langkah '{action}' tidak dapat dilakukan selama {subject} berstatus '{state}' ({rule_id}).",
        "Step '{action}' cannot be taken while the {subject} is '{state}' ({rule_id}).",
    ),
    "workflow.not_applicable": (
        "Langkah '{action}' tidak berlaku untuk {subject} ini ({rule_id}).",
        "Step '{action}' does not apply to this {subject} ({rule_id}).",
    ),
    "workflow.changed": (
        "{subject} ini baru saja diubah oleh orang lain (kini '{state}'); muat ulang dan periksa kembali.",
        "This {subject} was changed by someone else just now (now '{state}'); reload and check again.",
    ),
    "workflow.reason_required": (
        "Langkah '{action}' wajib disertai alasan ('{field}', {rule_id}).",
        "Step '{action}' needs a reason ('{field}', {rule_id}).",
    ),
    "workflow.too_many": (
        "'{field}' paling banyak berisi {maximum} nilai.",
        "'{field}' holds at most {maximum} values.",
    ),
}
CATALOGUE.update(MESSAGES)
