"""Applications for protection, without GraphQL: filing by staff, partner tokens and proactive
actions, family members, duplicate detection by blind index, review by the application-review
unit (APP-1 … APP-4, DEC-1) — and every way around refused with nothing changed."""

from __future__ import annotations

import uuid

import pytest
from tortoise import connections

from authz.principal import Principal, PrincipalKind
from models.audit import WorkflowHistory
from models.cases import (
    Application,
    ApplicationChannel,
    ApplicationInitiator,
    ApplicationProgramRequest,
    ApplicationStatus,
    Case,
    FamilyMember,
    FamilyRelation,
    Protectee,
    ProtecteeRole,
)
from models.proactive_actions import ProactiveAction, ProactiveTrigger
from models.programs import ProgramKind
from models.secrets import reveal
from tests.protection.factories import NIK, NOW, file, file_input, reviewed, snapshot, world
from workflows.applications import APPLICATION, ProactiveApplicationInput, file_from_proactive_action
from workflows.applications.inputs import (
    CompleteReviewInput,
    FamilyMemberInput,
    ReferInput,
    StartReviewInput,
    WithdrawInput,
)
from workflows.engine import Step, run
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed


def partner(agency_id: uuid.UUID, *scopes: str) -> Principal:
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        token_prefix="perisai_pat_test0000",
        agency_id=agency_id,
        scopes=frozenset(scopes),
    )


def refer_input(**fields) -> ReferInput:
    values = {
        "crime_type": "trafficking",
        "incident_summary": "Dirujuk oleh kepolisian (fiktif).",
        "role": ProtecteeRole.WITNESS,
        "full_name": "Budi Contoh Fiktif",
        "nik": "3174010101900099",
        "initiator": ApplicationInitiator.OFFICIAL,
        "initiating_official_name": "AKP Fiktif, Penyidik",
        "requested_programs": [ProgramKind.SECURITY_IN_CRIMINAL_PROCESS],
    }
    values.update(fields)
    return ReferInput(**values)


# --- APP-1, APP-2, APP-3, APP-4: filing -----------------------------------------------------------


async def test_application_file_opens_the_case_with_the_person_and_programs_app_1_app_4(policies):
    # given
    w = await world()
    # when
    application = await file(
        w, initiator=ApplicationInitiator.OFFICIAL, initiating_official_name="Kompol Fiktif"
    )
    # then: the case with its crime and owner, the person in their role, what was asked for
    case = await Case.get(id=application.case_id)
    assert (case.crime_type, case.owning_unit_id, case.law_enforcement_agency_id) == (
        "trafficking",
        w.review.id,
        w.police.id,
    )
    assert case.code.startswith("KASUS-2026-")
    person = await Protectee.get(id=application.applicant_id)
    assert (person.role, person.status, person.case_id) == (ProtecteeRole.VICTIM, "applicant", case.id)
    assert application.number == "PMH-2026-0001"
    assert (application.status, application.channel, application.initiator) == (
        "received",
        "walk_in",
        "official",
    )
    assert application.initiating_official_name == "Kompol Fiktif"
    assert application.received_by_id == w.reviewer.staff.id
    asked = await ApplicationProgramRequest.filter(application_id=application.id).values_list(
        "program_kind", flat=True
    )
    assert sorted(asked) == ["medical", "safe_house"]
    history = await WorkflowHistory.get(subject_id=application.id)
    assert (history.action, history.to_state) == ("file", "received")


async def test_application_file_new_case_without_crime_facts_is_refused_app_1(policies):
    # given
    w = await world()
    before = await snapshot()
    # when / then: a new case needs its crime type and incident
    for missing in ("crime_type", "incident_summary"):
        with pytest.raises(ValidationFailed) as refused:
            file_input(w, **{missing: None})
        assert refused.value.rule == "APP-1"
    assert await snapshot() == before


async def test_application_file_into_a_case_one_cannot_reach_is_not_found_app_1(policies):
    # given: a case of the review bureau, out of the regional officer's reach
    w = await world()
    other = await file(w, by="review_head")
    before = await snapshot()
    # when / then
    with pytest.raises(NotFound):
        await file(w, by="regional_officer", case_id=other.case_id)
    assert await snapshot() == before


async def test_application_file_second_person_joins_the_case_in_their_role_app_2(policies):
    # given
    w = await world()
    first = await file(w, by="review_head")
    # when: a witness whose testimony relates to the crime, without having seen it (Pasal 1.5)
    second = await file(
        w,
        by="review_head",
        case_id=first.case_id,
        role=ProtecteeRole.RELATED_TESTIMONY,
        nik="3174010101900002",
    )
    # then
    assert second.case_id == first.case_id
    roles = await Protectee.filter(case_id=first.case_id).values_list("role", flat=True)
    assert sorted(roles) == ["related_testimony", "victim"]


async def test_application_identity_is_sealed_at_rest_app_3(policies):
    # given
    w = await world()
    # when
    application = await file(w)
    # then: ciphertext in the table, plaintext only through reveal
    rows = await connections.get("default").execute_query_dict(
        "SELECT full_name, nik, address, phone FROM protectees WHERE id = ?"
        if not policies.is_postgres
        else "SELECT full_name, nik, address, phone FROM protectees WHERE id = $1",
        [str(application.applicant_id) if not policies.is_postgres else application.applicant_id],
    )
    stored = rows[0]
    assert all(str(value).startswith("v1.") for value in stored.values())
    assert "Siti" not in str(stored) and NIK not in str(stored)
    person = await Protectee.get(id=application.applicant_id)
    assert reveal(person, "full_name") == "Siti Contoh Fiktif" and person.nik_index


async def test_application_file_invalid_nik_is_refused_without_echoing_it_app_3(policies):
    # given
    w = await world()
    # when
    with pytest.raises(ValidationFailed) as refused:
        file_input(w, nik="12345-SECRET")
    # then
    assert refused.value.field == "nik"
    assert "12345" not in str(refused.value.messages)


async def test_application_file_claiming_the_proactive_channel_is_refused_app_4(policies):
    # given
    w = await world()
    before = await snapshot()
    # when: the way around PRO-2 — staff record an application as proactive without an action
    with pytest.raises(RuleViolation) as refused:
        await file(w, channel=ApplicationChannel.PROACTIVE)
    # then
    assert (refused.value.rule, refused.value.field) == ("APP-4", "channel")
    assert await snapshot() == before


async def test_application_file_by_an_official_without_the_official_is_refused_app_4(policies):
    # given
    w = await world()
    # when / then: TRM-1 depends on who asked: an official is named
    with pytest.raises(ValidationFailed) as refused:
        file_input(w, initiator=ApplicationInitiator.OFFICIAL)
    assert (refused.value.rule, refused.value.field) == ("APP-4", "initiatingOfficialName")
    with pytest.raises(ValidationFailed) as none_asked:
        file_input(w, requested_programs=[])
    assert none_asked.value.rule == "APP-4"


async def test_application_file_by_staff_outside_receiving_units_is_forbidden_app_4(policies):
    # given
    w = await world()
    before = await snapshot()
    # when / then: a staff member of another unit, a leader
    for role in ("outsider", "leader", "rights_officer"):
        with pytest.raises(Forbidden):
            await file(w, by=role)
    assert await snapshot() == before


async def test_application_file_by_a_regional_office_is_owned_there_app_4(policies):
    # given
    w = await world()
    # when
    application = await file(w, by="regional_officer", channel=ApplicationChannel.ONLINE)
    # then
    case = await Case.get(id=application.case_id)
    assert case.owning_unit_id == w.regional_officer.staff.unit_id


async def test_application_refer_by_partner_token_is_the_agencys_app_4_ac_2(policies):
    # given: the police's token with the referral scope
    w = await world()
    token = partner(w.police.id, "applications:refer")
    # when
    application = await run(APPLICATION, "refer", None, token, refer_input(), now=NOW)
    # then: a new case at the review bureau, recorded as the agency's, the official of that agency
    assert (application.channel, application.referred_by_agency_id) == ("referral", w.police.id)
    assert (application.initiator, application.initiating_agency_id) == ("official", w.police.id)
    assert (await Case.get(id=application.case_id)).owning_unit_id == w.review.id
    history = await WorkflowHistory.get(subject_id=application.id)
    assert history.actor_id is None and history.principal_ref == "perisai_pat_test0000"


async def test_application_refer_without_the_scope_is_forbidden_ac_2(policies):
    # given: a token for other things
    w = await world()
    before = await snapshot()
    # when / then
    with pytest.raises(Forbidden):
        await run(
            APPLICATION, "refer", None, partner(w.police.id, "referrals:respond"), refer_input(), now=NOW
        )
    assert await snapshot() == before


async def test_application_from_a_proactive_action_is_filed_in_its_step_pro_2_app_4(policies):
    # given: a proactive action (another workflow) whose step produced an application
    w = await world()
    action = await ProactiveAction.create(
        code="PRO-2026-0001",
        trigger=ProactiveTrigger.TERRORISM,
        crime_type="terrorism",
        event_summary="Ledakan fiktif.",
        reported_at=NOW,
    )
    given = ProactiveApplicationInput(
        proactive_action_id=action.id,
        role=ProtecteeRole.VICTIM,
        full_name="Korban Proaktif Fiktif",
        initiator=ApplicationInitiator.SELF,
        requested_programs=[ProgramKind.MEDICAL],
    )
    step = Step(APPLICATION, APPLICATION.transitions[0], await w.as_("reviewer"), None, NOW)
    # when
    from tortoise.transactions import in_transaction

    async with in_transaction():
        application = await file_from_proactive_action(step, given)
    # then: channel proactive, linked to the action, on a case opened from its facts
    assert (application.channel, application.proactive_action_id) == ("proactive", action.id)
    case = await Case.get(id=application.case_id)
    assert (case.crime_type, case.incident_summary) == ("terrorism", "Ledakan fiktif.")
    assert (await ProactiveAction.get(id=action.id)).case_id == case.id


async def test_application_add_family_member_to_third_degree_app_2(policies):
    # given
    w = await world()
    application = await file(w)
    # when
    await run(
        APPLICATION,
        "add_family_member",
        application.id,
        await w.as_("reviewer"),
        FamilyMemberInput(relation=FamilyRelation.OTHER_BLOOD_RELATIVE, degree=3, full_name="Paman Fiktif"),
        now=NOW,
    )
    # then
    member = await FamilyMember.get(protectee_id=application.applicant_id)
    assert (member.degree, member.covered) == (3, False)
    assert reveal(member, "full_name") == "Paman Fiktif"


async def test_application_add_family_member_beyond_third_degree_is_refused_app_2(policies):
    # given
    w = await world()
    application = await file(w)
    before = await snapshot()
    # when / then: a fourth-degree relative, a "second-degree parent"
    for relation, degree in ((FamilyRelation.OTHER_BLOOD_RELATIVE, 4), (FamilyRelation.PARENT, 2)):
        with pytest.raises(RuleViolation) as refused:
            await run(
                APPLICATION,
                "add_family_member",
                application.id,
                await w.as_("reviewer"),
                FamilyMemberInput(relation=relation, degree=degree, full_name="Kerabat Fiktif"),
                now=NOW,
            )
        assert (refused.value.rule, refused.value.field) == ("APP-2", "degree")
    assert await snapshot() == before


# --- APP-3: duplicates across cases by blind index -------------------------------------------------


async def test_application_same_nik_in_another_case_is_flagged_both_ways_by_codes_only_app_3(policies):
    # given: a person in one case
    w = await world()
    first = await file(w)
    # when: the same national ID (written differently) applies in a new case …
    second = await file(w, nik="3174 0101 0190 0001", full_name="Nama Lain Fiktif")
    second_alone = await Application.get(id=second.id)
    # … and comes up again as a family member in a third case
    third = await file(w, nik="3174010101900003")
    await run(
        APPLICATION,
        "add_family_member",
        third.id,
        await w.as_("reviewer"),
        FamilyMemberInput(relation=FamilyRelation.SPOUSE, degree=1, full_name="Pasangan Fiktif", nik=NIK),
        now=NOW,
    )
    # then: each application names the other cases by code and capacity — no name, no number
    first_case = await Case.get(id=first.case_id)
    person = await Protectee.get(id=first.applicant_id)
    assert second_alone.possible_duplicates == [
        {"caseCode": first_case.code, "protecteeCode": person.code, "as": "victim"}
    ]
    first, second, third = [await Application.get(id=a.id) for a in (first, second, third)]
    assert (first.possible_duplicate_count, second.possible_duplicate_count) == (2, 2)
    assert third.possible_duplicate_count == 2
    assert {d["as"] for d in first.possible_duplicates} == {"victim", "family_member"}
    assert {d["as"] for d in third.possible_duplicates} == {"victim"}
    shown = str([first.possible_duplicates, second.possible_duplicates, third.possible_duplicates])
    assert "Siti" not in shown and "Nama Lain" not in shown and "3174" not in shown


async def test_application_same_nik_within_the_case_is_not_a_duplicate_app_3(policies):
    # given
    w = await world()
    first = await file(w, by="review_head")
    # when: the same person again in the same case
    again = await file(w, by="review_head", case_id=first.case_id)
    # then
    assert (await Application.get(id=again.id)).possible_duplicate_count == 0


# --- DEC-1: review by the application-review unit ------------------------------------------------


async def test_application_review_by_the_review_unit_dec_1(policies):
    # given
    w = await world()
    # when
    application = await reviewed(w)
    # then
    assert application.status == ApplicationStatus.REVIEWED
    assert (application.reviewer_id, application.review_unit_id) == (w.reviewer.staff.id, w.review.id)
    assert application.review_summary == "Memenuhi syarat." and application.reviewed_at is not None


async def test_application_review_by_another_unit_is_refused_dec_1(policies):
    # given
    w = await world()
    application = await file(w)
    before = await snapshot()
    # when / then: someone outside the unit, a leader; a reviewer named from another unit
    for role in ("rights_officer", "leader", "regional_officer"):
        with pytest.raises(Forbidden):
            await run(
                APPLICATION, "start_review", application.id, await w.as_(role), StartReviewInput(), now=NOW
            )
    with pytest.raises(RuleViolation) as refused:
        await run(
            APPLICATION,
            "start_review",
            application.id,
            await w.as_("review_head"),
            StartReviewInput(reviewer_id=w.rights_officer.staff.id),
            now=NOW,
        )
    assert (refused.value.rule, refused.value.field) == ("DEC-1", "reviewerId")
    with pytest.raises(RuleViolation) as skipped:
        await run(
            APPLICATION, "complete_review", application.id, await w.as_("reviewer"), CompleteReviewInput("x")
        )
    assert skipped.value.key == "workflow.wrong_state"
    assert await snapshot() == before


async def test_application_withdraw_needs_a_reason_and_ends_it(policies):
    # given
    w = await world()
    application = await file(w)
    # when
    with pytest.raises(ValidationFailed):
        await run(
            APPLICATION, "withdraw", application.id, await w.as_("reviewer"), WithdrawInput(" "), now=NOW
        )
    done = await run(
        APPLICATION,
        "withdraw",
        application.id,
        await w.as_("reviewer"),
        WithdrawInput("Pemohon mencabut."),
        now=NOW,
    )
    # then
    assert done.status == ApplicationStatus.WITHDRAWN
    assert (await Protectee.get(id=application.applicant_id)).status == "not_protected"
