"""What ``tracker config check`` says about the reminders' channels and their settings.

Each :class:`Finding` names a channel, one setting and what is missing or wrong with it
(``problem``), or that it is fine. A misconfigured channel is reported beside the others,
never instead of them: the dispatcher, too, sends on the channels that are configured and
keeps the reminders of the others pending.
"""

from __future__ import annotations

from dataclasses import dataclass

from notifiers.dispatcher import SETTING, is_webhook
from notifiers.policy import ReminderPolicy, parse_policy
from tracker.errors import ConfigurationError
from tracker.settings import Settings


@dataclass(frozen=True)
class Finding:
    """One setting of one channel: ``ok``, ``missing`` or ``wrong``, and why."""

    channel: str
    setting: str
    detail: str
    status: str = "ok"

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _recipients(policy: ReminderPolicy) -> list[str]:
    found = [*policy.offices.values(), *policy.bodies.values()]
    found += [r for r in (policy.fallback, policy.escalate_to) if r]
    return sorted(set(found))


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:3])
    return shown + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def check_channels(settings: Settings) -> list[Finding]:
    """Every finding about ``[reminders]``, e-mail and webhooks, in that order."""
    findings: list[Finding] = []
    try:
        policy, options = parse_policy(settings.section("reminders"))
    except ConfigurationError as exc:
        findings.append(Finding("reminders", "[reminders]", str(exc), "wrong"))
        policy, options = None, None
    recipients = _recipients(policy) if policy is not None else []
    mail = [r for r in recipients if not is_webhook(r)]
    hooks = [r for r in recipients if is_webhook(r)]
    if policy is not None:
        if recipients:
            findings.append(Finding("reminders", "recipients", f"{len(recipients)} configured"))
        else:
            findings.append(
                Finding(
                    "reminders",
                    "recipients",
                    "none configured: set [reminders] fallback or [reminders.office]",
                    "missing",
                )
            )
    findings += _email(settings.smtp_url, mail)
    if options is not None and mail:
        default = options.sender == "tracker@localhost"
        findings.append(
            Finding(
                "email",
                "[reminders] sender",
                "not set: mail would come from tracker@localhost" if default else options.sender,
                "missing" if default else "ok",
            )
        )
    findings += _webhook(settings.webhook_secret, hooks)
    return findings


def _email(url: str | None, mail: list[str]) -> list[Finding]:
    setting = SETTING["email"]
    if not url:
        if mail:
            why = f"not set, but {len(mail)} recipient(s) get e-mail: {_some(mail)}"
            return [Finding("email", setting, why, "missing")]
        return [Finding("email", setting, "not set (no e-mail recipient)")]
    from notifiers.email import parse_smtp_url  # deferred: smtplib

    try:
        return [Finding("email", setting, parse_smtp_url(url).display)]
    except ConfigurationError as exc:
        return [Finding("email", setting, str(exc), "wrong")]


def _webhook(secret: str | None, hooks: list[str]) -> list[Finding]:
    setting = SETTING["webhook"]
    if not secret:
        if hooks:
            why = f"not set, but {len(hooks)} recipient(s) are webhooks: {_some(hooks)}"
            return [Finding("webhook", setting, why, "missing")]
        return [Finding("webhook", setting, "not set (no webhook recipient)")]
    from notifiers.webhook import secret_bytes  # deferred: httpx

    try:
        secret_bytes(secret)
    except ConfigurationError as exc:
        return [Finding("webhook", setting, str(exc), "wrong")]
    return [Finding("webhook", setting, "set")]


def check_audit(settings: Settings) -> list[Finding]:
    """Findings about ``[audit]`` (none without it): the seal key, the seal file and the
    auditors' e-mail."""
    from tracker.audit import SealSettings  # deferred: the chain and the key library

    try:
        sealing = SealSettings.from_settings(settings)
    except ConfigurationError as exc:
        return [Finding("audit", "[audit]", str(exc), "wrong")]
    if not sealing.enabled:
        if not settings.section("audit"):
            return []  # seals are optional: nothing to say when they are not asked for
        why = "not set: nothing is sealed, and [audit] seal_file and auditors get nothing"
        return [Finding("audit", "[audit] key", why, "missing")]
    findings: list[Finding] = []
    if sealing.key is not None:
        if sealing.key.exists():
            try:
                findings.append(Finding("audit", "[audit] key", f"key {sealing.signer().key}"))
            except ConfigurationError as exc:
                findings.append(Finding("audit", "[audit] key", str(exc), "wrong"))
        else:
            findings.append(Finding("audit", "[audit] key", f"{sealing.key}: created on first use"))
    if sealing.public_key is not None:
        try:
            verifier = sealing.verifier()
            detail = f"key {verifier.key}" if verifier else "not set"
            findings.append(Finding("audit", "[audit] public_key", detail))
        except ConfigurationError as exc:
            findings.append(Finding("audit", "[audit] public_key", str(exc), "wrong"))
    if sealing.seal_file is not None:
        folder = sealing.seal_file.parent
        usable = folder.is_dir() or not folder.exists()
        findings.append(
            Finding(
                "audit",
                "[audit] seal_file",
                str(sealing.seal_file) if usable else f"{folder} is not a folder",
                "ok" if usable else "wrong",
            )
        )
    if sealing.auditors:
        if settings.smtp_url:
            findings.append(Finding("audit", "[audit] auditors", ", ".join(sealing.auditors)))
        else:
            why = f"{len(sealing.auditors)} auditor(s), but TRACKER_SMTP_URL is not set"
            findings.append(Finding("audit", "[audit] auditors", why, "missing"))
    return findings
