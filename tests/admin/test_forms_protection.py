"""Issue 6 "done when", from the admin panel: the protection journey of a proactive action (PRO-1 …
PRO-4) through application, review, decision (DEC-1, DEC-2), signed documents (ADM-4 … ADM-6),
programs in force, a change (CHG-1), emergency protection (EMG-1) and termination (TRM-1) — every
step a generated workflow form posted over HTTP by the demo organisation's people, and each kind of
way around (wrong actor, wrong order, missing approval or signature, self-approval) refused beside
the form with nothing changed. Records are looked up by the test; every step is a form."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

from authz.principal import Principal
from models.assignments import Assignment, AssignmentLetter
from models.cases import Application, Decision
from models.documents import Document, DocumentKind
from models.organisation import PortfolioHolding, Position, Staff
from models.proactive_actions import ProactiveAction
from models.programs import EmergencyProtection, ProgramStatus, ProtectionProgram
from server.demo.accounts import DEMO_PASSWORD
from tests.admin.conftest import Panel, grant, open_panel
from tests.organisation.conftest import Demo, demo  # noqa: F401 — the demo fixture
from tests.protection import factories, test_proactive_factories
from tests.protection.test_api_applications import today
from workflows.programs import period_history

RECORD = "record_id"
NOT_ALLOWED = "Anda tidak berwenang melakukan ini."  # a wrong actor: the policy or the declared actor


def form(slug: str) -> str:
    return f"/admin/api/forms/{slug}/"


def day(offset: int = 0) -> str:
    return (today() + dt.timedelta(days=offset)).isoformat()


async def everything() -> tuple[Any, ...]:
    """All that a protection step writes (states, history, numbers, approvals): a refusal leaves it."""
    return await factories.snapshot(), await test_proactive_factories.snapshot()


class People:
    """One signed-in panel per person of the journey (each from an address of its own)."""

    def __init__(self, db: Any, stack: contextlib.AsyncExitStack) -> None:
        self.db, self.stack, self.panels = db, stack, {}

    async def __call__(self, who: Principal | Staff) -> Panel:
        staff = who if isinstance(who, Staff) else await Staff.get(id=who.staff_id)
        if staff.id not in self.panels:
            panel = await self.stack.enter_async_context(open_panel(self.db))
            signed = await panel.sign_in(staff.email, DEMO_PASSWORD)
            assert signed.status_code in (200, 303), signed.text
            self.panels[staff.id] = panel
        return self.panels[staff.id]  # type: ignore[no-any-return]


@contextlib.asynccontextmanager
async def people(db: Any) -> AsyncIterator[People]:
    # The panel is opened to staff here: what each may do there still comes from the workflow lines.
    await grant("staff", "admin_panel", "read", "all")
    async with contextlib.AsyncExitStack() as stack:
        yield People(db, stack)


async def step(panel: Panel, slug: str, body: dict[str, Any]) -> str:
    """The form posted and the step taken: the panel's confirmation."""
    response = await panel.post(form(slug), body)
    assert response.status_code == 200, (slug, response.text)
    return response.json()["custom_form_success"]  # type: ignore[no-any-return]


async def refused(panel: Panel, slug: str, body: dict[str, Any]) -> str:
    """The form posted and refused beside it — nothing changed (checked by the caller too)."""
    before = await everything()
    response = await panel.post(form(slug), body)
    assert response.status_code == 422, (slug, response.text)
    assert await everything() == before
    return response.json()["custom_form_error"]  # type: ignore[no-any-return]


async def review_leaders() -> list[Staff]:
    holdings = await PortfolioHolding.filter(portfolio__code="application_review").order_by(
        "staff__employee_number"
    )
    return [await Staff.get(id=h.staff_id) for h in holdings]


# --- the steps -----------------------------------------------------------------------------------


async def proactive_action_to_application(roles: Demo, to: People) -> Application:
    """PRO-1, PRO-2, PRO-4 → APP-4: reported by a review leader, analysed, approved by the other
    (self-approval refused), a team of two with letters (a team of one refused), set out, outcome (b)."""
    first, second = await review_leaders()
    head = await to(roles["unit_head"])
    await step(
        await to(first),
        "proactive_action.report",
        {"trigger": "leaders_consideration", "crime_type": "trafficking", "event_summary": "TPPO (fiktif)."},
    )
    action = await ProactiveAction.filter(reported_by_id=first.id).order_by("-reported_at").first()
    assert action is not None
    action_id = str(action.id)
    # wrong order: approved before it is analysed
    early = await refused(await to(second), "proactive_action.approve", {RECORD: action_id})
    assert early.endswith("berstatus 'reported' (PRO-2).")
    await step(
        head, "proactive_action.analyse", {RECORD: action_id, "analysis": "Dua korban.", "budget": "0"}
    )
    # self-approval: the leader who reported it (AC-7)
    own = await refused(await to(first), "proactive_action.approve", {RECORD: action_id})
    assert own == "Pengaju tidak dapat memutuskan permohonannya sendiri (PRO-2, AC-7)."
    await step(await to(second), "proactive_action.approve", {RECORD: action_id})
    officers = (await roles.staff_of("BIRO-PP"))[:2]
    letters = []
    unit = await roles.unit("BIRO-PP")
    for officer in officers:
        await step(
            head,
            "assignment.appoint",
            {"unit_id": str(unit.id), "title": "Proaktif", "staff_id": str(officer.id)},
        )
        assignment = await Assignment.filter(staff_id=officer.id).order_by("-created_at").first()
        await step(head, "assignment.issue_letter", {RECORD: str(assignment.id)})
        letters.append(str((await AssignmentLetter.get(assignment_id=assignment.id)).id))
    ids = [str(o.id) for o in officers]
    alone = {
        RECORD: action_id,
        "officer_ids": ids[:1],
        "lead_id": ids[0],
        "assignment_letter_ids": letters[:1],
    }
    assert (await refused(head, "proactive_action.form_team", alone)).endswith("('Petugas', PRO-2).")
    team = {
        **alone,
        "officer_ids": ids,
        "assignment_letter_ids": letters,
        "equipment": ["uniform", "vehicle"],
    }
    await step(head, "proactive_action.form_team", team)
    member = await to(officers[1])
    outcome = {
        RECORD: action_id,
        "initiator": "self",
        "role": "victim",
        "full_name": "Dewi Contoh Fiktif",
        "requested_programs": ["safe_house", "info_case_progress"],
        "report": "Korban bersedia.",
        "minutes": "Risalah (fiktif).",
    }
    # wrong order: an outcome before the team set out
    early = await refused(member, "proactive_action.conclude_with_application", outcome)
    assert early.endswith("berstatus 'team_formed' (PRO-2).")
    await step(member, "proactive_action.start", {RECORD: action_id})
    # wrong actor: the bureau head is not on the team
    assert NOT_ALLOWED in await refused(head, "proactive_action.conclude_with_application", outcome)
    await step(member, "proactive_action.conclude_with_application", outcome)
    application = await Application.get(proactive_action_id=action_id)
    assert (application.status, application.channel) == ("received", "proactive")
    return application


def grants(programs: list[str], starts_on: str) -> str:
    """DEC-2: the decision's grants, as the JSON text its form field holds."""
    return json.dumps([{"program": p, "starts_on": starts_on, "ends_on": day(180)} for p in programs])


async def reviewed_and_decided(roles: Demo, to: People, application: Application) -> Decision:
    """DEC-1, DEC-2: reviewed by the bureau (completing before starting refused), decided by a leader
    (the bureau head, and a period before the decision, refused)."""
    head, leader = await to(roles["unit_head"]), await to(roles["leader"])
    record = {RECORD: str(application.id)}
    early = await refused(head, "application.complete_review", {**record, "summary": "Layak."})
    assert early.endswith("berstatus 'received' (DEC-1).")
    await step(head, "application.start_review", record)
    await step(head, "application.complete_review", {**record, "summary": "Layak."})
    programs = ["safe_house", "info_case_progress"]
    decide = {
        "application_id": str(application.id),
        "outcome": "accepted",
        "grants": grants(programs, day()),
        "law_enforcement_agency_ids": [str(roles["partner"].agency_id)],
    }
    assert await refused(head, "decision.decide", decide) == f"{NOT_ALLOWED} (aturan DEC-1)"
    backdated = await refused(leader, "decision.decide", {**decide, "grants": grants(programs, day(-1))})
    assert (
        backdated.startswith("Jangka waktu program dimulai sejak tanggal keputusan") and "DEC-2" in backdated
    )
    await step(leader, "decision.decide", decide)
    decision = await Decision.get(application_id=application.id)
    assert decision.number.startswith("KEP-")
    return decision


async def signed_and_in_force(roles: Demo, to: People, decision: Decision) -> ProtectionProgram:
    """ADM-4 … ADM-6, PRG-9: no start before the signature; a leader does not sign for the chair;
    the statement and the agreement signed, the preparation done, both programs in force."""
    rights, leader = await to(roles["rights_head"]), await to(roles["leader"])
    programs = {p.kind: p for p in await ProtectionProgram.filter(decision_id=decision.id)}
    safe_house = programs["safe_house"]
    statement = await Document.get(decision_id=decision.id, kind=DocumentKind.WILLINGNESS_STATEMENT)
    agreement = await Document.get(decision_id=decision.id, kind=DocumentKind.PROTECTION_AGREEMENT)
    # missing signature: no start before the agreement is signed (ADM-6)
    unsigned = await refused(rights, "protection_program.activate", {RECORD: str(safe_house.id)})
    assert unsigned.endswith("dokumennya belum ditandatangani (ADM-6).")
    await step(rights, "document.protectee_sign", {RECORD: str(statement.id)})
    assert (await ProtectionProgram.get(id=programs["info_case_progress"].id)).status == ProgramStatus.ACTIVE
    # wrong actor: a leader signing for the chair (ADM-4)
    assert await refused(leader, "document.countersign", {RECORD: str(agreement.id)}) == (
        f"{NOT_ALLOWED} (aturan ADM-4)"
    )
    await step(rights, "document.countersign", {RECORD: str(agreement.id)})
    await step(rights, "document.protectee_sign", {RECORD: str(agreement.id)})
    for item in ("needs_identification", "threat_analysis", "local_coordination", "document_preparation"):
        await step(
            rights, "protection_program.complete_checklist_item", {RECORD: str(safe_house.id), "item": item}
        )
    assert (await ProtectionProgram.get(id=safe_house.id)).status == ProgramStatus.PENDING_SIGNATURE
    await step(rights, "protection_program.activate", {RECORD: str(safe_house.id)})
    assert (await ProtectionProgram.get(id=safe_house.id)).status == ProgramStatus.ACTIVE
    return safe_house


async def changed(roles: Demo, to: People, safe_house: ProtectionProgram) -> ProtectionProgram:
    """CHG-1: a leader's extension (the bureau head refused), its addendum signed, the new row in force."""
    rights, leader = await to(roles["rights_head"]), await to(roles["leader"])
    later = {RECORD: str(safe_house.id), "period_end": day(365)}
    assert NOT_ALLOWED in await refused(rights, "protection_program.extend", later)
    await step(leader, "protection_program.extend", later)
    new = await ProtectionProgram.get(supersedes_id=safe_house.id)
    addendum = await Document.get(id=new.agreement_id)  # type: ignore[attr-defined]
    assert addendum.kind == DocumentKind.ADDENDUM
    await step(rights, "document.countersign", {RECORD: str(addendum.id)})
    await step(rights, "document.protectee_sign", {RECORD: str(addendum.id)})
    new = await ProtectionProgram.get(id=new.id)
    assert new.status == ProgramStatus.ACTIVE and new.period_end.isoformat() == day(365)
    assert (await ProtectionProgram.get(id=safe_house.id)).status == ProgramStatus.SUPERSEDED
    return new


async def emergency_and_termination(roles: Demo, to: People, program: ProtectionProgram) -> None:
    """EMG-1: two different leaders (the same one twice refused); TRM-1: ground (a) for the person's own
    application (ground (b) refused)."""
    rights = await to(roles["rights_head"])
    first, second = await Staff.filter(position=Position.LEADER).order_by("employee_number").limit(2)
    given = {"protectee_id": str(program.protectee_id), "ground": "life_at_risk", "situation": "Ancaman."}  # type: ignore[attr-defined]
    await step(rights, "emergency_protection.request", given)
    record = (
        await EmergencyProtection.filter(protectee_id=program.protectee_id).order_by("-requested_at").first()
    )  # type: ignore[attr-defined]
    await step(await to(first), "emergency_protection.approve", {RECORD: str(record.id)})
    twice = await refused(await to(first), "emergency_protection.approve", {RECORD: str(record.id)})
    assert twice.endswith("satu orang hanya dihitung sekali (EMG-1, AC-7).")
    await step(await to(second), "emergency_protection.approve", {RECORD: str(record.id)})
    assert (await EmergencyProtection.get(id=record.id)).status == "approved"
    leader = await to(roles["leader"])
    official = {RECORD: str(program.id), "grounds": ["official_request"], "reason": "Surat penyidik."}
    assert (await refused(leader, "protection_program.terminate", official)).endswith(
        "('Alasan penghentian', TRM-1)."
    )
    own = {RECORD: str(program.id), "grounds": ["protectee_request"], "reason": "Permohonan Terlindung."}
    await step(leader, "protection_program.terminate", own)
    ended = await ProtectionProgram.get(id=program.id)
    assert (ended.status, ended.termination_reason) == ("terminated", "protectee_request")


async def test_protection_journey_through_admin_forms_pro_2_app_4_dec_1_dec_2_adm_4_adm_6_chg_1_emg_1_trm_1(
    demo,  # noqa: F811
    policies,
):
    # given: the demo organisation, its people signed in to the panel
    async with people(policies) as to:
        # when: every step of the journey a form
        application = await proactive_action_to_application(demo, to)
        decision = await reviewed_and_decided(demo, to, application)
        safe_house = await signed_and_in_force(demo, to, decision)
        in_force = await changed(demo, to, safe_house)
        await emergency_and_termination(demo, to, in_force)
    # then: the application decided, and the program's history of periods ended by the termination
    assert (await Application.get(id=application.id)).status == "decided_accepted"
    assert [p.status for p in await period_history(in_force.id)] == ["superseded", "terminated"]
