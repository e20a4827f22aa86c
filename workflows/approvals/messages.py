"""User-facing texts of the approval mechanism, Indonesian first (Q-U3)."""

from __future__ import annotations

from workflows.messages import MESSAGES as CATALOGUE

MESSAGES: dict[str, tuple[str, str]] = {
    "approvals.position_required": (
        "Langkah '{step}' hanya dapat diputuskan oleh pejabat dengan jabatan '{position}' ({rule_id}).",
        "Step '{step}' can only be decided by an official in the position '{position}' ({rule_id}).",
    ),
    "approvals.portfolio_required": (
        "Langkah '{step}' hanya dapat diputuskan oleh '{position}' yang menangani bidang "
        "'{portfolio}' ({rule_id}).",
        "Step '{step}' can only be decided by a '{position}' holding the '{portfolio}' portfolio ({rule_id}).",
    ),
    "approvals.unit_head_required": (
        "Langkah '{step}' hanya dapat diputuskan oleh pimpinan unit kerja yang dituju "
        "atau pelaksana tugasnya ({rule_id}).",
        "Step '{step}' can only be decided by the head of the unit concerned or their acting head ({rule_id}).",
    ),
    "approvals.own_request": (
        "Pengaju tidak dapat memutuskan permohonannya sendiri ({rule_id}, AC-7).",
        "The requester cannot decide their own request ({rule_id}, AC-7).",
    ),
    "approvals.acting_for_requester": (
        "Pelaksana tugas pengaju tidak dapat memutuskan permohonan pengaju ({rule_id}, AC-7).",
        "An official acting for the requester cannot decide the requester's request ({rule_id}, AC-7).",
    ),
    "approvals.already_decided": (
        "Anda sudah memberikan keputusan pada langkah '{step}'; satu orang hanya dihitung sekali "
        "({rule_id}, AC-7).",
        "You have already decided step '{step}'; one person counts only once ({rule_id}, AC-7).",
    ),
    "approvals.official_already_counted": (
        "Pejabat yang Anda wakili sudah dihitung pada langkah '{step}', secara langsung atau melalui "
        "pelaksana tugas ({rule_id}, AC-7).",
        "The official you would count for has already been counted on step '{step}', in person or "
        "through an acting official ({rule_id}, AC-7).",
    ),
    "approvals.step_complete": (
        "Langkah '{step}' sudah mendapat persetujuan yang cukup; keputusan baru tidak diterima ({rule_id}).",
        "Step '{step}' already has the approvals it needs; no further decision is taken ({rule_id}).",
    ),
    "approvals.step_rejected": (
        "Langkah '{step}' sudah ditolak; keputusan baru tidak diterima ({rule_id}).",
        "Step '{step}' has already been rejected; no further decision is taken ({rule_id}).",
    ),
    "approvals.reason_required": (
        "Penolakan wajib disertai alasan ('{field}', {rule_id}).",
        "A rejection needs a reason ('{field}', {rule_id}).",
    ),
    "approvals.concurrent": (
        "Keputusan lain pada langkah '{step}' tercatat bersamaan; muat ulang dan periksa kembali ({rule_id}).",
        "Another decision on step '{step}' was recorded at the same time; reload and check again ({rule_id}).",
    ),
}
CATALOGUE.update(MESSAGES)
