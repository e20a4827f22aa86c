"""The admin panel in a real browser: Debian's headless Chromium against `perisai serve` (issue 4).

Needs `chromium` and `chromium-driver` (`apt-get install -y chromium chromium-driver`; .ci/run
installs them); without them these tests are skipped with that message.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.demo.accounts import ADMIN_EMAIL, DEMO_PASSWORD
from tests.server.test_cli import CLI, ROOT, cli_env, free_port
from workflows.assignments import ASSIGNMENT

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        "browser tests skipped: Debian's chromium and chromium-driver are not installed "
        "(apt-get install -y chromium chromium-driver)",
        allow_module_level=True,
    )

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency ('.[test]')")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

NOT_IN_SCOPE = "Data ini berada di luar unit kewenangan Anda. (aturan AC-5)"
NO_PANEL = "Akun Anda tidak berwenang membuka panel admin. (aturan AC-4)"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`perisai serve` with the demo organisation on a fresh SQLite file → (base URL, the file)."""
    tmp = tmp_path_factory.mktemp("browser")
    env = cli_env(tmp)
    port = free_port()
    log = (tmp / "serve.log").open("w")
    server = subprocess.Popen(
        [*CLI, "serve", "--port", str(port)], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240  # migrations and the demo data come first
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("server did not start: " + (tmp / "serve.log").read_text()[-2000:])
                time.sleep(0.5)
        yield base, tmp / "cli.sqlite3"
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture
def browser() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, seconds: float = 20) -> Any:
    return WebDriverWait(driver, seconds)


def sign_in(driver: Any, base: str, email: str) -> None:
    driver.get(f"{base}/admin/")
    wait(driver).until(ec.element_to_be_clickable((By.NAME, "username"))).send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "[data-uitest=login_button]").click()


def text_of(driver: Any, selector: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, selector).text.strip()


def staff_without_panel(database: Path) -> str:
    """A demo staff member with an account but no admin-panel grant (not HR, not a system admin)."""
    with sqlite3.connect(database) as conn:
        row = conn.execute(
            "SELECT s.email FROM staff s JOIN staff_accounts a ON a.staff_id = s.id "
            "LEFT JOIN units u ON u.id = s.unit_id WHERE a.is_system_admin = 0 "
            "AND COALESCE(u.function, '') != 'general_affairs_hr' ORDER BY s.email LIMIT 1"
        ).fetchone()
    return str(row[0])


def test_browser_admin_lists_units_creates_one_and_is_refused_a_forbidden_edit_ac_4(served, browser):
    base, database = served
    # given: the system administrator signed in
    sign_in(browser, base, ADMIN_EMAIL)
    wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, "a[href='#/units/']")))
    # when: the units list (its menu entry and title in Indonesian)
    browser.get(f"{base}/admin/#/units/")
    wait(browser).until(ec.presence_of_element_located((By.XPATH, "//table//a[.='PWK-MAKASSAR']")))
    wait(browser).until(ec.presence_of_element_located((By.XPATH, "//h1[normalize-space()='Unit Kerja']")))
    assert text_of(browser, "a[href='#/units/'] > span") == "Unit Kerja"
    # when: a unit added through the form
    browser.get(f"{base}/admin/#/units/add/")
    wait(browser).until(ec.element_to_be_clickable((By.NAME, "code"))).send_keys("UJI-PERAMBAN")
    browser.find_element(By.NAME, "name").send_keys("Unit Uji Peramban")
    Select(browser.find_element(By.NAME, "kind")).select_by_value("bureau")
    Select(browser.find_element(By.NAME, "function")).select_by_value("other")
    # the SPA binds inputs asynchronously: on a loaded machine, click only once the values hold
    wait(browser).until(
        lambda d: d.find_element(By.NAME, "name").get_attribute("value") == "Unit Uji Peramban"
    )
    wait(browser).until(lambda d: d.find_element(By.NAME, "code").get_attribute("value") == "UJI-PERAMBAN")
    browser.find_element(By.XPATH, "//button[normalize-space()='Buat']").click()
    # then: stored, with the model's defaults
    deadline = time.monotonic() + 20
    row = None
    while row is None and time.monotonic() < deadline:
        with sqlite3.connect(database) as conn:
            row = conn.execute(
                "SELECT name, active, is_administrative, region FROM units WHERE code = 'UJI-PERAMBAN'"
            ).fetchone()
        time.sleep(0.3)
    assert row == ("Unit Uji Peramban", 1, 0, None), browser.find_element(By.TAG_NAME, "body").text[:2000]
    # when: an edit outside the administrator's authority (a case they do not handle)
    browser.get(f"{base}/admin/#/cases/")
    link = wait(browser).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "table tbody a[href*='#/cases/']"))
    )
    link.click()
    save = wait(browser).until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-uitest=save_button]")))
    assert save.text.strip().lower() == "simpan"
    browser.execute_script("arguments[0].click()", save)  # the last message popup may cover it
    # then: refused, the reason shown in Indonesian with its rule id
    try:
        wait(browser).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".errors"), NOT_IN_SCOPE))
    except TimeoutException:
        browser.save_screenshot(str(database.parent / "refused.png"))
        raise


def test_browser_staff_without_admin_rights_cannot_enter_ac_4(served, browser):
    base, database = served
    # when
    sign_in(browser, base, staff_without_panel(database))
    # then: still on the sign-in page, told why in Indonesian
    wait(browser).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "#message_popup"), NO_PANEL))
    assert browser.find_elements(By.NAME, "username")
    assert not browser.find_elements(By.CSS_SELECTOR, "a[href='#/units/']")


def hr_head_and_staff(database: Path) -> tuple[str, str, str]:
    """The demo head of the HR bureau (who may open the panel and appoints their staff), the
    bureau's id and one of its other staff members' id."""
    with sqlite3.connect(database) as conn:
        email, unit_id, head_id = conn.execute(
            "SELECT s.email, u.id, s.id FROM units u JOIN staff s ON s.id = u.head_id "
            "WHERE u.function = 'general_affairs_hr' ORDER BY u.code LIMIT 1"
        ).fetchone()
        (staff_id,) = conn.execute(
            "SELECT id FROM staff WHERE unit_id = ? AND id != ? ORDER BY email LIMIT 1", (unit_id, head_id)
        ).fetchone()
    return str(email), str(unit_id), str(staff_id)


def submit_form(driver: Any, base: str, slug: str, values: dict[str, str]) -> None:
    driver.get(f"{base}/admin/#/forms/{slug}/")
    driver.refresh()  # a fresh form: the app keeps the last answer when only the hash changes
    button = wait(driver).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-uitest=submit_custom_form_button]"))
    )
    for name, value in values.items():
        field = wait(driver).until(ec.element_to_be_clickable((By.NAME, name)))
        field.clear()
        field.send_keys(value)
    browser_click(driver, button)


def browser_click(driver: Any, element: Any) -> None:
    driver.execute_script("arguments[0].click()", element)  # a message popup may cover it


def test_browser_workflow_form_appoints_and_refuses_a_wrong_step_asg_1(served, browser):
    base, database = served
    email, unit_id, staff_id = hr_head_and_staff(database)
    # given: the head of the HR bureau signed in; the step is offered under its Indonesian label
    sign_in(browser, base, email)
    wait(browser).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "a[href='#/forms/assignment.appoint/']"))
    )
    # when: the generated form of the assignment workflow's first step
    submit_form(
        browser,
        base,
        "assignment.appoint",
        {"unit_id": unit_id, "title": "Uji formulir", "staff_id": staff_id},
    )
    # then: the workflow ran — the answer in Indonesian, the draft stored with its history
    try:
        wait(browser).until(ec.text_to_be_present_in_element((By.ID, "success_message"), "telah dilakukan"))
    except TimeoutException:
        browser.save_screenshot(str(database.parent / "form.png"))
        print("BODY:", browser.find_element(By.TAG_NAME, "body").text)
        raise
    assert "Tunjuk pegawai unit" in text_of(browser, "#success_message")
    with sqlite3.connect(database) as conn:
        assignment_id, status = conn.execute(
            "SELECT id, status FROM assignments WHERE title = 'Uji formulir'"
        ).fetchone()
        steps = conn.execute(
            "SELECT action FROM workflow_histories WHERE subject_id = ?", (assignment_id,)
        ).fetchall()
    assert status == "draft" and steps == [("appoint",)]
    # when: a step that does not fit the draft's state
    submit_form(browser, base, "assignment.accept_results", {"record_id": str(assignment_id)})
    # then: refused in Indonesian with the rule id; nothing changed
    wait(browser).until(
        ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".errors"), "tidak dapat dilakukan")
    )
    rule = ASSIGNMENT.transitions_for("accept_results")[0].rule_id
    assert text_of(browser, ".errors").endswith(f"berstatus 'draft' ({rule}).")
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT status FROM assignments WHERE id = ?", (assignment_id,)).fetchone() == (
            "draft",
        )
