"""Termination of a program (TRM-1, Pasal 40–41): by a written decision, on one or more of the
grounds a–e; (a) only when the application was the person's own, (b) only when an official asked.
The decision is recorded in an official record (berita acara); a change still waiting for its
signatures ends with the program; the person's protection ends with their last live program."""

from __future__ import annotations

from models.cases import Application, ApplicationInitiator, Decision, DecisionKind, Protectee, ProtecteeStatus
from models.documents import Document, DocumentKind, DocumentStatus, OfficialRecordType
from models.programs import ProgramStatus, ProtectionProgram, TerminationReason
from workflows.decisions.effects import issue_decision
from workflows.decisions.inputs import IssueDecisionInput
from workflows.documents import content
from workflows.documents.administration import LIVE
from workflows.documents.effects import issue_document
from workflows.documents.inputs import IssueDocumentInput
from workflows.engine import Step, guard, workflow_for
from workflows.programs.inputs import TerminateInput

R = TerminationReason
LETTERS = {
    R.PROTECTEE_REQUEST: "a",
    R.OFFICIAL_REQUEST: "b",
    R.AGREEMENT_BREACH: "c",
    R.NO_LONGER_NEEDED: "d",
    R.BAD_FAITH: "e",
}
# TRM-1 (a)/(b): which initiator each ground belongs to.
INITIATOR_GROUND = {
    R.PROTECTEE_REQUEST: ApplicationInitiator.SELF,
    R.OFFICIAL_REQUEST: ApplicationInitiator.OFFICIAL,
}


async def application_of(program: ProtectionProgram) -> Application | None:
    """The application the program's protection rests on: through its decisions back to the first,
    else the protectee's latest application."""
    decision = await Decision.get_or_none(id=program.decision_id)  # type: ignore[attr-defined]
    while decision is not None and decision.application_id is None and decision.supersedes_id:  # type: ignore[attr-defined]
        decision = await Decision.get_or_none(id=decision.supersedes_id)  # type: ignore[attr-defined]
    if decision is not None and decision.application_id is not None:  # type: ignore[attr-defined]
        return await Application.get_or_none(id=decision.application_id)  # type: ignore[attr-defined]
    return await Application.filter(applicant_id=program.protectee_id).order_by("-received_at").first()  # type: ignore[attr-defined]


@guard(
    "TRM-1",
    id="Alasan (a) hanya bila permohonan atas inisiatif Terlindung sendiri; alasan (b) hanya bila perlindungan "
    "diminta oleh pejabat yang berwenang ('grounds', TRM-1).",
    en="Ground (a) only when the application was the person's own initiative; ground (b) only when an "
    "authorised official requested protection ('grounds', TRM-1).",
    uses_input=True,
    field="grounds",
)
async def grounds_match_the_initiator(step: Step) -> bool:
    """TRM-1 (Pasal 40(2)(a)–(b)): who may ask for the end is who asked for the protection."""
    wanted = {INITIATOR_GROUND[g] for g in step.input.grounds if g in INITIATOR_GROUND}
    if not wanted:
        return True
    application = await application_of(step.record)
    return application is not None and wanted == {ApplicationInitiator(application.initiator)}


@guard(
    "TRM-1",
    id="Alasan (c) melanggar perjanjian memerlukan perjanjian atau pernyataan yang telah ditandatangani "
    "('grounds', TRM-1).",
    en="Ground (c), breach of the agreement, needs a signed agreement or statement ('grounds', TRM-1).",
    uses_input=True,
    field="grounds",
)
async def breach_of_signed_terms(step: Step) -> bool:
    """TRM-1 (Pasal 40(2)(c)): only terms the person signed can be broken."""
    if R.AGREEMENT_BREACH not in step.input.grounds:
        return True
    record = step.record
    ids = [i for i in (record.agreement_id, record.willingness_statement_id) if i is not None]
    return bool(ids) and await Document.filter(id__in=ids, status=DocumentStatus.SIGNED).exists()


async def terminated(step: Step) -> None:
    """TRM-1 (Pasal 41): the written decision and its official record; the grounds and evidence on the
    program; a change waiting for signatures ends with it; the person's protection with the last one."""
    given: TerminateInput = step.input
    program: ProtectionProgram = step.record
    grounds = ", ".join(LETTERS[R(g)] for g in given.grounds)
    decision = await issue_decision(
        step,
        IssueDecisionInput(
            kind=DecisionKind.TERMINATION,
            case_id=program.case_id,  # type: ignore[attr-defined]
            protectee_id=program.protectee_id,  # type: ignore[attr-defined]
            supersedes_id=program.decision_id,  # type: ignore[attr-defined]
            notes=f"Penghentian program {program.code}: alasan huruf {grounds} (Pasal 40 ayat (2)).",
        ),
    )
    await issue_document(
        step,
        IssueDocumentInput(
            kind=DocumentKind.OFFICIAL_RECORD,
            record_type=OfficialRecordType.TERMINATION,
            case_id=program.case_id,  # type: ignore[attr-defined]
            decision_id=decision.id,
            program_id=program.id,
            protectee_id=program.protectee_id,  # type: ignore[attr-defined]
            title=f"Berita acara penghentian program perlindungan {program.code}",
            body=f"Program {content.PROGRAM_NAMES[program.kind]} ({program.code}) dihentikan berdasarkan "
            f"{content.decision_ref(decision)}, alasan huruf {grounds} Pasal 40 ayat (2).",
        ),
    )
    program.termination_reason = given.grounds[0]
    program.termination_decision_id = decision.id  # type: ignore[attr-defined]
    program.terminated_at = step.now
    others = [f"({LETTERS[R(g)]}) {R(g).value}" for g in given.grounds[1:]]
    program.termination_note = "\n".join(
        [given.reason.strip(), *(["Alasan lain: " + "; ".join(others)] if others else [])]
    )
    await program.save()
    workflow = workflow_for(ProtectionProgram)
    assert workflow is not None
    for waiting in await ProtectionProgram.filter(
        supersedes_id=program.id, status=ProgramStatus.PENDING_SIGNATURE
    ):
        await step.fire(workflow, "end_with_predecessor", waiting)
    if not await ProtectionProgram.filter(protectee_id=program.protectee_id, status__in=LIVE).exists():  # type: ignore[attr-defined]
        await Protectee.filter(id=program.protectee_id).update(status=ProtecteeStatus.ENDED)  # type: ignore[attr-defined]


async def ended_with_predecessor(step: Step) -> None:
    """TRM-1: a change still waiting for its signatures ends with the program it changed."""
    predecessor = await ProtectionProgram.get(id=step.record.supersedes_id)
    step.record.termination_reason = predecessor.termination_reason
    step.record.termination_decision_id = predecessor.termination_decision_id  # type: ignore[attr-defined]
    step.record.terminated_at = step.now


TERMINATE_GUARDS = (grounds_match_the_initiator, breach_of_signed_terms)

__all__ = [
    "INITIATOR_GROUND",
    "LETTERS",
    "TERMINATE_GUARDS",
    "application_of",
    "ended_with_predecessor",
    "terminated",
]
