"""The admin panel at /admin: piccolo-admin over Piccolo tables generated from the Tortoise models.

`create_panel(settings)` (admin/panel.py) builds it; server/app.py mounts it. See admin/tables.py
(generation), admin/auth.py (staff sign-in), admin/gate.py (per-request identity and language),
admin/hooks.py and admin/crud.py (Casbin, row scope, defaults, audit), admin/readonly.py
(workflow-owned columns), admin/forms.py (workflow steps as forms), admin/labels/ and
admin/translation.py (Indonesian first).
"""
