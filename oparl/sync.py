"""Following an OParl system: System -> Body -> lists -> the tracker's log.

One run (:meth:`OParlSync.run`):

1. reads the System and its bodies (only ``--body`` when given);
2. per body, reads the lists (organization, meeting, paper, and on 1.1 servers
   consultation, agendaItem, file) to the end, ``concurrency`` lists at a time; with a
   previous complete run of a list, only objects modified since that run *started*, minus
   an overlap, are asked for (``modified_since``, without microseconds);
3. stores each new or changed object (content hash differs) in the mirror, marked pending;
   unchanged objects go no further;
4. marks the papers that changed consultations, agenda items and files belong to;
5. records each pending paper through :func:`tracker.ingest.record_extraction`, exactly as
   ``tracker ingest`` records a document, with provenance
   ``Provenance(OPARL, <paper id>, <hash of everything read>, <latest modified>)``; a paper
   whose input hash is unchanged appends nothing; a tombstone (``deleted: true``) records
   ``Withdrawn`` with the reason "deleted in the OParl source"; with ``download_files``, a
   paper without any operative text has its main file read through the document reader;
6. remembers, for each list read to the end, when this run started.

One bad object never aborts a run: it is logged with its URL, counted, and the run goes
on. A list page that fails after the retries leaves that list incomplete: its state is not
advanced, so the next run asks again from the previous point.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from events.values import Provenance, SourceKind
from oparl.clean import clean_object, content_hash, explode, kind_of, ref, refs
from oparl.client import OParlClient, Page
from oparl.mapping import (
    ConsultationContext,
    PaperContext,
    TextReader,
    body_name,
    day_of,
    map_paper,
    operative_text,
    read_obligations,
    text,
)
from oparl.mirror import Incoming, Mirror
from oparl.problems import Problems
from tracker.documents.sources import read_source
from tracker.errors import (
    ConcurrencyError,
    DocumentError,
    FetchError,
    InputError,
    RuleViolation,
    SyncError,
    UnknownMotion,
)
from tracker.identity import motion_id
from tracker.ingest import record_extraction
from tracker.logs import bound_contextvars, get_logger
from tracker.motion import Meta, Motion
from tracker.service import TrackerService

log = get_logger()

#: The lists of a body, in the order they are read, with the type their objects have.
LISTS: dict[str, str] = {
    "organization": "Organization",
    "meeting": "Meeting",
    "consultation": "Consultation",
    "agendaItem": "AgendaItem",
    "file": "File",
    "paper": "Paper",
}
#: OParl 1.0 bodies have no consultation, agendaItem and file lists.
LISTS_1_0 = ("organization", "meeting", "paper")
#: Kinds that many papers point to: looked up once per run.
SHARED_KINDS = frozenset({"Organization", "Meeting"})


def since_param(moment: datetime) -> str:
    """``modified_since`` as servers accept it: ISO 8601 with offset, no microseconds."""
    return moment.replace(microsecond=0).isoformat()


@dataclass
class ListSummary:
    """What one list of one body yielded."""

    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    deleted: int = 0
    complete: bool = False
    since: str | None = None


@dataclass
class SyncSummary:
    """What a run did: objects seen, new, changed, deleted; motions; errors by kind."""

    system: str
    started: datetime
    full: bool
    finished: datetime | None = None
    bodies: list[str] = field(default_factory=list)
    lists: dict[str, ListSummary] = field(default_factory=dict)
    motions_new: int = 0
    motions_updated: int = 0
    motions_withdrawn: int = 0
    events: int = 0
    requests: int = 0
    problems: dict[str, int] = field(default_factory=dict)
    errors: int = 0

    def total(self, name: str) -> int:
        """The sum of one :class:`ListSummary` counter over every list."""
        return sum(int(getattr(s, name)) for s in self.lists.values())

    def as_json(self) -> dict[str, Any]:
        """The summary as printed by ``tracker sync --format json``."""
        return {
            "system": self.system,
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat() if self.finished else None,
            "full": self.full,
            "bodies": self.bodies,
            "seen": self.total("seen"),
            "new": self.total("new"),
            "changed": self.total("changed"),
            "unchanged": self.total("unchanged"),
            "deleted": self.total("deleted"),
            "errors": self.errors,
            "motions_new": self.motions_new,
            "motions_updated": self.motions_updated,
            "motions_withdrawn": self.motions_withdrawn,
            "events": self.events,
            "requests": self.requests,
            "problems": self.problems,
            "lists": {k: vars(v) for k, v in self.lists.items()},
        }

    @property
    def incomplete(self) -> list[str]:
        """The lists that were not read to the end."""
        return [name for name, s in self.lists.items() if not s.complete]

    def render_text(self) -> str:
        """A few lines for people: totals, then problems by kind."""
        data = self.as_json()
        lines = [
            f"{self.system}: {len(self.bodies)} body(ies), {data['requests']} request(s)",
            "objects: {seen} seen, {new} new, {changed} changed, {unchanged} unchanged, "
            "{deleted} deleted".format(**data),
            "motions: {motions_new} new, {motions_updated} updated, {motions_withdrawn} "
            "withdrawn; {events} event(s) appended; {errors} error(s)".format(**data),
        ]
        lines += [f"  {kind}: {n}" for kind, n in self.problems.items()]
        lines += [f"incomplete list: {name}" for name in self.incomplete]
        return "\n".join(lines) + "\n"


class Progress(Protocol):
    """Told how a run advances (a terminal display, or nothing)."""

    def listed(self, body: str, list_name: str, seen: int) -> None: ...

    def recording(self, body: str, done: int, total: int) -> None: ...

    def finished(self) -> None: ...


class NoProgress:
    """Progress that shows nothing."""

    def listed(self, body: str, list_name: str, seen: int) -> None:
        return None

    def recording(self, body: str, done: int, total: int) -> None:
        return None

    def finished(self) -> None:
        return None


@dataclass(frozen=True)
class _ListEnd:
    error: str | None = None


class OParlSync:
    """One run of the sync against one OParl system (see the module docstring)."""

    def __init__(
        self,
        service: TrackerService,
        mirror: Mirror,
        client: OParlClient,
        *,
        overlap: timedelta = timedelta(hours=1),
        overlap_1_0: timedelta = timedelta(days=14),
        default_state: str | None = None,
        reader: TextReader | None = read_obligations,
        progress: Progress | None = None,
        download_files: bool = False,
        max_file_bytes: int = 20 * 1024 * 1024,
    ) -> None:
        self.service = service
        self.mirror = mirror
        self.client = client
        self.problems: Problems = client.problems
        self.overlap = overlap
        self.overlap_1_0 = overlap_1_0
        self.default_state = default_state
        self.reader = reader
        self.progress: Progress = progress or NoProgress()
        self.download_files = download_files
        self.max_file_bytes = max_file_bytes
        self._missing: set[str] = set()
        self._shared: dict[str, dict[str, Any] | None] = {}

    # -- the run ---------------------------------------------------------------------------

    def run(self, system_url: str, *, body: str | None = None, full: bool = False) -> SyncSummary:
        """Sync every body of the system (or only ``body``, an id or short name)."""
        started = self.service.clock.now().replace(microsecond=0)
        self._missing.clear()
        self._shared.clear()
        summary = SyncSummary(system=system_url, started=started, full=full)
        requests_before = self.client.requests.total
        try:
            system = self._fetch_root(system_url, "System")
            version = "1.0" if "1.0" in str(system.get("oparlVersion", system["type"])) else "1.1"
            bodies = self._bodies(system, system_url)
            if body is not None:
                bodies = [b for b in bodies if body in (b["id"], b.get("shortName"), b.get("name"))]
                if not bodies:
                    raise InputError(f"the system {system_url} has no body {body!r}")
            for b in bodies:
                summary.bodies.append(b["id"])
                self._sync_body(b, version, started, full, summary)
        finally:
            self.progress.finished()
            summary.finished = self.service.clock.now()
            summary.requests = self.client.requests.total - requests_before
            summary.problems = self.problems.counts()
            summary.errors = self.problems.errors()
        log.info(
            "oparl_sync_finished", **{k: v for k, v in summary.as_json().items() if k != "lists"}
        )
        return summary

    def _fetch_root(self, url: str, expected: str) -> dict[str, Any]:
        try:
            raw = self.client.get_object(url)
        except FetchError as exc:
            raise SyncError(f"cannot read the OParl {expected} at {url}: {exc.reason}") from exc
        obj = clean_object(raw, expected=expected, url=url, problems=self.problems)
        if obj["id"] != url:
            self.problems.add("id_mismatch", url, f"answered with id {obj['id']}")
        return obj

    def _bodies(self, system: dict[str, Any], url: str) -> list[dict[str, Any]]:
        listed = system.get("body")
        found: list[dict[str, Any]] = []
        if isinstance(listed, str):
            try:
                for page in self.client.iter_list(listed):
                    found += [
                        clean_object(b, expected="Body", url=page.url, problems=self.problems)
                        for b in page.items
                    ]
            except FetchError as exc:
                raise SyncError(f"cannot read the bodies of {url}: {exc.reason}") from exc
        else:
            for item in listed if isinstance(listed, list) else []:
                if isinstance(item, dict):
                    found.append(
                        clean_object(item, expected="Body", url=url, problems=self.problems)
                    )
                elif isinstance(item, str):
                    found.append(self._fetch_root(item, "Body"))
        return [b for b in found if b.get("deleted") is not True]

    def _sync_body(
        self,
        body: dict[str, Any],
        version: str,
        started: datetime,
        full: bool,
        summary: SyncSummary,
    ) -> None:
        bid = str(body["id"])
        is_1_0 = version == "1.0" or (kind_of(body) is not None and "/1.0/" in str(body["type"]))
        names = LISTS_1_0 if is_1_0 else tuple(LISTS)
        overlap = self.overlap_1_0 if is_1_0 else self.overlap
        wanted: list[tuple[str, str, dict[str, str]]] = []
        for name in names:
            url = body.get(name)
            if not isinstance(url, str):
                continue
            stats = summary.lists.setdefault(f"{bid} {name}", ListSummary())
            last = None if full else self.mirror.last_started(bid, name)
            params: dict[str, str] = {}
            if last is not None:
                stats.since = since_param(last - overlap)
                params["modified_since"] = stats.since
            wanted.append((name, url, params))
        complete: list[str] = []
        for name, item in self._read_lists(wanted):
            stats = summary.lists[f"{bid} {name}"]
            if isinstance(item, Page):
                self._take_page(bid, name, item, stats)
                self.progress.listed(bid, name, stats.seen)
            elif item.error is None:
                stats.complete = True
                complete.append(name)
            else:
                self.problems.add("list_failed", str(body.get(name)), item.error)
        self._propagate(bid)
        self._record_pending(body, summary)
        for name in complete:
            self.mirror.list_completed(bid, name, started)

    def _read_lists(
        self, wanted: Sequence[tuple[str, str, dict[str, str]]]
    ) -> Iterator[tuple[str, Page | _ListEnd]]:
        """Pages of several lists as they arrive, read by ``concurrency`` threads."""
        pages: queue.Queue[tuple[str, Page | _ListEnd]] = queue.Queue(maxsize=8)
        stop = threading.Event()

        def put(item: tuple[str, Page | _ListEnd]) -> None:
            while not stop.is_set():
                try:
                    pages.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        def read(name: str, url: str, params: dict[str, str]) -> None:
            try:
                for page in self.client.iter_list(url, params):
                    if stop.is_set():
                        return
                    put((name, page))
            except FetchError as exc:
                put((name, _ListEnd(str(exc))))
                return
            except BaseException:
                put((name, _ListEnd("internal error")))
                raise
            put((name, _ListEnd()))

        workers = max(1, min(self.client.options.concurrency, len(wanted) or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(read, *w) for w in wanted]
            try:
                remaining = len(wanted)
                while remaining:
                    name, item = pages.get()
                    if isinstance(item, _ListEnd):
                        remaining -= 1
                    yield name, item
            finally:
                stop.set()
            for f in futures:
                f.result()

    # -- storing what the lists say ----------------------------------------------------------

    def _incoming(self, obj: dict[str, Any], expected: str) -> Incoming:
        kind = kind_of(obj) or expected
        parent: str | None = None
        link: str | None = None
        if kind == "Consultation":
            parent, link = ref(obj.get("paper")), ref(obj.get("agendaItem"))
        elif kind == "AgendaItem":
            parent = ref(obj.get("consultation"))
        elif kind == "File":
            papers = refs(obj.get("paper") or [])
            parent = papers[0] if papers else None
        modified = obj.get("modified")
        return Incoming(
            object_id=str(obj["id"]),
            kind=kind,
            content_hash=content_hash(obj),
            modified=modified if isinstance(modified, str) else None,
            deleted=obj.get("deleted") is True,
            parent=parent,
            link=link,
            data=obj,
        )

    def _take_page(self, bid: str, list_name: str, page: Page, stats: ListSummary) -> None:
        expected = LISTS[list_name]
        tops = [
            self._incoming(
                clean_object(raw, expected=expected, url=page.url, problems=self.problems), expected
            )
            for raw in page.items
        ]
        stats.seen += len(tops)
        known = self.mirror.versions([t.object_id for t in tops])
        changed: list[Incoming] = []
        for top in tops:
            old = known.get(top.object_id)
            if old is not None and old[0] == top.content_hash:
                stats.unchanged += 1
                continue
            if top.deleted:
                stats.deleted += 1
            elif old is None:
                stats.new += 1
            elif old[1] == top.modified:
                stats.unchanged += 1  # the same version, as its own list shows it
            else:
                stats.changed += 1
            changed.append(top)
        children = [
            self._incoming(child, kind_of(child) or "")
            for top in changed
            if not top.deleted
            for child in explode(top.data)
        ]
        # An embedded copy fills a gap or brings a newer version; it does not overwrite
        # the same version read from the object's own list.
        held = self.mirror.versions([c.object_id for c in children])
        changed += [
            c
            for c in children
            if c.object_id not in held
            or (held[c.object_id][0] != c.content_hash and held[c.object_id][1] != c.modified)
        ]
        self.mirror.store(changed, bid)

    def _propagate(self, bid: str) -> None:
        """Mark the papers whose consultations, agenda items or files changed."""
        papers: set[str] = set()
        done: list[str] = []
        for object_id, kind, parent in self.mirror.pending_links(bid):
            done.append(object_id)
            if kind in ("Consultation", "File") and parent:
                papers.add(parent)
            elif kind == "AgendaItem":
                consultations = [parent] if parent else []
                papers.update(self.mirror.parents_by_link(object_id, "Consultation"))
                for c in consultations:
                    if (paper := self.mirror.parent_of(c)) is not None:
                        papers.add(paper)
        self.mirror.mark_pending(sorted(papers), done)

    # -- recording papers ------------------------------------------------------------------

    def _record_pending(self, body: dict[str, Any], summary: SyncSummary) -> None:
        bid = str(body["id"])
        pending = self.mirror.pending_papers(bid)
        for done, paper_id in enumerate(pending, start=1):
            self._record_one(paper_id, body, summary)
            self.progress.recording(bid, done, len(pending))

    def _record_one(self, paper_id: str, body: dict[str, Any], summary: SyncSummary) -> None:
        stored = self.mirror.get(paper_id)
        if stored is None:
            return
        bound = bound_contextvars(oparl_paper=paper_id)
        with bound:
            if stored.deleted:
                self._withdraw(paper_id, stored.data, stored.modified, body, summary)
                self.mirror.recorded(paper_id, stored.content_hash)
                return
            try:
                ctx = self._context(stored.data, body)
                extraction = map_paper(ctx, default_state=self.default_state, reader=self.reader)
                if extraction.sha256 == stored.mapped_hash:
                    self.mirror.recorded(paper_id, stored.mapped_hash)
                    return
                provenance = Provenance(
                    SourceKind.OPARL, paper_id, extraction.sha256, _latest_modified(ctx)
                )
                result = record_extraction(self.service, extraction, provenance=provenance)
            except ConcurrencyError as exc:
                self.problems.add("record_failed", paper_id, str(exc))  # stays pending
                return
            except (InputError, RuleViolation) as exc:
                self.problems.add("record_failed", paper_id, str(exc))
                self.mirror.recorded(paper_id, None)
                return
            for warning in result.warnings:
                log.info("oparl_paper_warning", url=paper_id, warning=warning)
            summary.events += result.appended
            if result.new_motion:
                summary.motions_new += 1
            elif result.appended:
                summary.motions_updated += 1
            self.mirror.recorded(paper_id, extraction.sha256)

    def _withdraw(
        self,
        paper_id: str,
        data: dict[str, Any],
        modified: str | None,
        body: dict[str, Any],
        summary: SyncSummary,
    ) -> None:
        """A tombstone: the paper's motion records ``Withdrawn`` (once)."""
        reference = text(data, "reference")
        if reference is None:
            log.info("oparl_tombstone_unknown", url=paper_id)
            return
        meta = Meta(
            effective=day_of(modified),
            provenance=Provenance(SourceKind.OPARL, paper_id, content_hash(data), modified),
            at=self.service.clock.now(),
        )
        reason = f"deleted in the OParl source ({paper_id})"

        def withdraw(motion: Motion) -> None:
            if not motion.is_closed:
                motion.withdraw(reason=reason, meta=meta)

        try:
            _, change = self.service.change(motion_id(body_name(body), reference), withdraw)
        except UnknownMotion:
            return
        summary.events += change.appended
        summary.motions_withdrawn += 1 if change.appended else 0

    # -- resolving references --------------------------------------------------------------

    def _lookup(self, url: str | None, expected: str, bid: str) -> dict[str, Any] | None:
        """The object at ``url`` from the mirror, else fetched (and kept); None if missing.

        Organizations and meetings, shared by many papers, are kept for the run: every list
        was read before the first paper is recorded, so they do not change meanwhile.
        """
        if url is None or url in self._missing:
            return None
        if url in self._shared:
            return self._shared[url]
        stored = self.mirror.get(url)
        if stored is None:
            self._prefetch([url], expected, bid)
            stored = self.mirror.get(url)
        found = None if stored is None or stored.deleted else stored.data
        if expected in SHARED_KINDS:
            self._shared[url] = found
        return found

    def _prefetch(self, urls: Sequence[str], expected: str, bid: str) -> None:
        """Fetch the objects at ``urls`` that the mirror lacks, concurrently, and keep them."""
        skip = self._missing | self._shared.keys()
        wanted = [u for u in dict.fromkeys(urls) if u not in skip]
        if not wanted:
            return
        known = self.mirror.versions(wanted)
        wanted = [u for u in wanted if u not in known and self.mirror.get(u) is None]
        if not wanted:
            return
        fetched = self.client.get_objects(wanted)
        keep: list[Incoming] = []
        for url, answer in fetched.items():
            if isinstance(answer, FetchError):
                kind = "not_found" if answer.status == 404 else "reference_failed"
                self.problems.add(kind, url, f"referenced object: {answer.reason}")
                self._missing.add(url)
                continue
            obj = clean_object(answer, expected=expected, url=url, problems=self.problems)
            if obj["id"] != url:
                self.problems.add("id_mismatch", url, f"answered with id {obj['id']}")
                self.mirror.alias(url, str(obj["id"]))
            keep.append(self._incoming(obj, expected))
        self.mirror.store(keep, bid, pending=False)

    def _context(self, paper: dict[str, Any], body: dict[str, Any]) -> PaperContext:
        bid = str(body["id"])
        pid = str(paper["id"])
        entries = paper.get("consultation") or []
        self._prefetch([e for e in entries if isinstance(e, str)], "Consultation", bid)
        consultations: dict[str, dict[str, Any]] = {}
        for entry in entries:
            # The mirror holds the newest version: the embedded copy or the list's.
            cid = ref(entry)
            stored = self.mirror.get(cid) if cid else None
            if stored is not None:
                c: dict[str, Any] | None = None if stored.deleted else stored.data
            elif isinstance(entry, dict):
                c = entry
            else:
                c = self._lookup(cid, "Consultation", bid)
            if c is not None and c.get("deleted") is not True:
                consultations[str(c.get("id"))] = c
        for stored in self.mirror.children(pid, "Consultation"):
            if not stored.deleted:
                consultations.setdefault(stored.object_id, stored.data)
        wanted: dict[str, list[str]] = {"AgendaItem": [], "Meeting": [], "Organization": []}
        for c in consultations.values():
            wanted["AgendaItem"] += refs(c.get("agendaItem"))
            wanted["Meeting"] += refs(c.get("meeting"))
            wanted["Organization"] += refs(c.get("organization") or [])
        wanted["Organization"] += refs(paper.get("underDirectionOf") or [])
        for kind, urls in wanted.items():
            self._prefetch(urls, kind, bid)
        resolved = tuple(self._consultation(c, bid) for c in consultations.values())
        directing = tuple(
            o
            for o in (
                self._lookup(u, "Organization", bid)
                for u in refs(paper.get("underDirectionOf") or [])
            )
            if o is not None
        )
        files = [paper.get("mainFile"), *(paper.get("auxiliaryFile") or [])]
        file_objects = tuple(
            f if isinstance(f, dict) else self._lookup(ref(f), "File", bid) for f in files[:1]
        ) + tuple(f for f in files[1:] if isinstance(f, dict))
        found = [f for f in file_objects if f is not None]
        if self.download_files and found and operative_text(resolved, found) is None:
            found[0] = self._with_text(found[0], pid, bid)
        return PaperContext(
            paper=paper,
            body=body,
            consultations=resolved,
            directing=directing,
            files=tuple(found),
        )

    def _with_text(self, file: dict[str, Any], paper_id: str, bid: str) -> dict[str, Any]:
        """The file with its ``text`` read from its download through the document reader.

        A text read before is taken from the mirror; a failed download or an unreadable file
        is counted and the file stays without text.
        """
        fid = ref(file)
        stored = self.mirror.get(fid) if fid else None
        if stored is not None and isinstance(stored.data.get("text"), str):
            return stored.data
        url = file.get("accessUrl") or file.get("downloadUrl")
        if not isinstance(url, str) or fid is None:
            return file
        try:
            _, data = self.client.get_bytes(url, self.max_file_bytes)
            text = read_source(data, str(file.get("fileName") or url)).text
        except FetchError as exc:
            self.problems.add("file_failed", url, exc.reason)
            return file
        except DocumentError as exc:
            self.problems.add("file_unreadable", url, exc.reason)
            return file
        with_text = {"paper": [paper_id], **file, "text": text}
        self.mirror.store([self._incoming(with_text, "File")], bid, pending=False)
        return with_text

    def _consultation(self, c: dict[str, Any], bid: str) -> ConsultationContext:
        agenda = self._lookup(ref(c.get("agendaItem")), "AgendaItem", bid)
        if agenda is None:
            items = [s.data for s in self.mirror.children(str(c.get("id")), "AgendaItem")]
            agenda = next((a for a in items if a.get("deleted") is not True), None)
        meeting_ref = ref(c.get("meeting")) or (ref(agenda.get("meeting")) if agenda else None)
        meeting = self._lookup(meeting_ref, "Meeting", bid)
        orgs = tuple(
            o
            for o in (
                self._lookup(u, "Organization", bid) for u in refs(c.get("organization") or [])
            )
            if o is not None
        )
        if not orgs and meeting is not None:
            orgs = tuple(
                o
                for o in (
                    self._lookup(u, "Organization", bid)
                    for u in refs(meeting.get("organization") or [])
                )
                if o is not None
            )
        return ConsultationContext(c, agenda, meeting, orgs)


def _latest_modified(ctx: PaperContext) -> str | None:
    """The latest ``modified`` among the paper and the objects read with it."""
    stamps: list[Any] = [ctx.paper.get("modified")]
    for c in ctx.consultations:
        stamps += [c.consultation.get("modified"), (c.agenda_item or {}).get("modified")]
    best: tuple[datetime, str] | None = None
    for stamp in stamps:
        if not isinstance(stamp, str):
            continue
        try:
            moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is None:
            continue
        if best is None or moment > best[0]:
            best = (moment, stamp)
    return best[1] if best else None
