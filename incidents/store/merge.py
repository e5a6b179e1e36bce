"""Merge reports into incidents, the same way whatever order they arrive in.

Reports of the same type in the same town form a *group*: the same gazetteer entry,
or a district and its city (Mezzeh goes with Damascus: ``anchor_geonameid``), or the
same name and country when the place has no id. A group is cut into incidents
by a fixed rule on the reports themselves: sorted by event date (then document and
offset), each incident starts at its earliest report and takes every report dated
within a day after it; reports without a date join the group's first incident.
Whenever a report arrives or leaves, its whole group is cut again, so the same
reports give the same incidents in any order (a test ingests a corpus forwards and
backwards). Existing incident rows are reused, so ids stay put where they can.

An incident's figures are *reconciled*, not summed: killed and injured come from its
most confident report that states them (article before comment, then document and
offset order), because several reports of one event repeat its toll; every report
keeps its own figures (``/incidents/{id}`` lists them).

Merging is set-based: :func:`merge_groups` reads the reports of any number of
groups in a few queries and writes incidents and links with executemany, so one
document's reports (:func:`incidents.store.reports.replace_reports`) and a bulk
load of a hundred thousand (:func:`merge_pending`) take the same code path.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Row,
    and_,
    any_,
    bindparam,
    delete,
    or_,
    select,
    text,
    true,
    update,
)
from sqlmodel import Session, col

from incidents.store.fast_insert import fast_insert
from incidents.store.models import ClaimRecord, DocumentRecord, Incident, Report

DATE_WINDOW = dt.timedelta(days=1)
#: Ids per ``IN (...)`` list: well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500

#: What makes reports one group: type and place.
GroupKey = tuple[str, int | None, str | None, str | None]
#: Groups to cut again, each with the earliest event date among its changed reports,
#: or None when a changed report has no date (then the whole group is cut again).
Changes = dict[GroupKey, dt.date | None]


class Member(NamedTuple):
    """A report as merging sees it, with what it needs of its document."""

    id: int
    type: str
    anchor_geonameid: int | None
    geonameid: int | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    geo_precision: int | None
    event_date: dt.date | None
    killed: int | None
    injured: int | None
    confidence: float
    source_kind: str
    evidence_start: int
    created_at: dt.datetime
    incident_id: int | None
    place_id: int | None
    document_key: str
    document_source: str


_MEMBER_COLUMNS = (
    *(getattr(Report, name) for name in Member._fields[:19]),
    col(DocumentRecord.key),
    col(DocumentRecord.outlet),
    col(DocumentRecord.source),
)
#: The ``reports`` columns :func:`_members` filters and joins on: those whose
#: statistics the planner needs to merge (see :mod:`incidents.store.statistics`).
SEARCHED_COLUMNS = (
    "type",
    "anchor_geonameid",
    "event_date",
    "incident_id",
    "document_id",
    "geonameid",
    "place",
    "country",
)
#: The incident's fields taken from its lead report.
LEAD_FIELDS = (
    "place",
    "country",
    "lat",
    "lon",
    "geonameid",
    "precision",
    "geo_precision",
    "place_id",
)
_lead_values = attrgetter(*LEAD_FIELDS)


def group_key(report: Report | Member) -> GroupKey:
    """Type and town: a district's reports go with its city's (Mezzeh with Damascus)."""
    return key_of(
        report.type, report.anchor_geonameid, report.geonameid, report.place, report.country
    )


def key_of(
    kind: str, anchor: int | None, geonameid: int | None, place: str | None, country: str | None
) -> GroupKey:
    town = anchor if anchor is not None else geonameid
    if town is not None:
        return (kind, town, None, None)
    return (kind, None, place, country)


def _member(row: Row[Any]) -> Member:
    values = tuple(row)
    key, outlet, source = values[-3:]
    return Member._make((*values[:-3], key, outlet or source))


def _order(member: Member) -> tuple[dt.date, str, int, int]:
    return (member.event_date or dt.date.max, member.document_key, member.evidence_start, member.id)


def cut(members: Iterable[Member]) -> list[list[Member]]:
    """The incidents of one group: a fixed function of its reports."""
    ordered = sorted(members, key=_order)
    dated = [m for m in ordered if m.event_date is not None]
    undated = [m for m in ordered if m.event_date is None]
    clusters: list[list[Member]] = []
    start: dt.date | None = None
    for member in dated:
        date = member.event_date
        assert date is not None
        if start is None or date > start + DATE_WINDOW:
            clusters.append([])
            start = date
        clusters[-1].append(member)
    if undated:
        if clusters:
            clusters[0].extend(undated)
        else:
            clusters.append(undated)
    return clusters


def reconcile(cluster: Sequence[Member]) -> dict[str, Any]:
    """An incident's fields from its reports: place and confidence of the lead (most
    confident, article before comment, then document and offset), the first date,
    the lead-most stated killed and injured, counts, and first and last seen."""
    if len(cluster) == 1:  # most incidents: said once
        (only,) = cluster
        return {
            "place": only.place,
            "country": only.country,
            "lat": only.lat,
            "lon": only.lon,
            "geonameid": only.geonameid,
            "precision": only.precision,
            "geo_precision": only.geo_precision,
            "place_id": only.place_id,
            "type": only.type,
            "event_date": only.event_date,
            "killed": only.killed,
            "injured": only.injured,
            "n_reports": 1,
            "n_sources": 1,
            "confidence": only.confidence,
            "source_kind": "article" if only.source_kind == "article" else "comment",
            "first_seen": only.created_at,
            "last_seen": only.created_at,
        }
    ranked = sorted(
        cluster,
        key=lambda m: (-m.confidence, m.source_kind != "article", m.document_key, m.evidence_start),
    )
    lead = ranked[0]
    dates = sorted(m.event_date for m in cluster if m.event_date is not None)
    created = [m.created_at for m in cluster]
    fields: dict[str, Any] = dict(zip(LEAD_FIELDS, _lead_values(lead), strict=True))
    fields.update(
        type=lead.type,
        event_date=dates[0] if dates else None,
        killed=next((m.killed for m in ranked if m.killed is not None), None),
        injured=next((m.injured for m in ranked if m.injured is not None), None),
        n_reports=len(cluster),
        n_sources=len({m.document_source for m in cluster}),
        confidence=lead.confidence,
        source_kind="article" if any(m.source_kind == "article" for m in cluster) else "comment",
        first_seen=min(created),
        last_seen=max(created),
    )
    return fields


def _group_order(key: GroupKey) -> tuple[str, int, str, str]:
    kind, town, place, country = key
    return (kind, -1 if town is None else town, place or "", country or "")


def _chunks(values: Iterable[int]) -> Iterator[list[int]]:
    """Distinct ids, in order, :data:`CHUNK` at a time."""
    return _chunks_in_order(sorted(set(values)))


def _members(session: Session, changes: Changes) -> dict[GroupKey, list[Member]]:
    """The reports of the groups in ``changes`` that a re-cut can move, by group.

    A cluster spans at most :data:`DATE_WINDOW` from its start, so an incident that
    starts more than that before a group's earliest changed date keeps its reports
    whatever changed after; such incidents are left out, which keeps merging cheap
    for a group with years of reports. (One earliest date serves all the groups of
    a query: re-cutting more than needed gives the same incidents.)"""
    base = (
        select(*_MEMBER_COLUMNS)
        .join(DocumentRecord, col(DocumentRecord.id) == col(Report.document_id))
        .outerjoin(Incident, col(Incident.id) == col(Report.incident_id))
    )
    conditions: list[ColumnElement[bool]] = []
    anchored = sorted(
        (k for k in changes if k[1] is not None), key=lambda k: (k[0], _since(changes[k]))
    )
    postgres = session.get_bind().dialect.name == "postgresql"
    for keys in _chunks_in_order(anchored):
        # One type per query (the index leads with it), so no row is read twice.
        for kind in sorted({k[0] for k in keys}):
            anchors = sorted({k[1] for k in keys if k[0] == kind})
            earliest = min(changes[k] or dt.date.min for k in keys if k[0] == kind)
            conditions.append(
                and_(
                    col(Report.type) == kind,
                    _among(col(Report.anchor_geonameid), anchors, postgres),
                    _movable(earliest),
                )
            )
    for key in (k for k in changes if k[1] is None):
        kind, _, place, country = key
        unplaced = col(Report.geonameid).is_(None) & col(Report.anchor_geonameid).is_(None)
        named = col(Report.place).is_(None) if place is None else col(Report.place) == place
        same_country = (
            col(Report.country).is_(None) if country is None else col(Report.country) == country
        )
        conditions.append(
            and_(col(Report.type) == kind, unplaced, named, same_country, _movable(changes[key]))
        )
    groups: dict[GroupKey, list[Member]] = defaultdict(list)
    for condition in conditions:
        for row in session.execute(base.where(condition)):
            member = _member(row)
            key = group_key(member)
            if key in changes:
                groups[key].append(member)
    return groups


def _among(column: Any, values: list[Any], postgres: bool) -> ColumnElement[bool]:
    """``column IN values``; on PostgreSQL ``column = ANY(array)``: one parameter
    instead of one per value, which SQLAlchemy and psycopg would otherwise spell out
    and parse again for every query of hundreds of towns (PostgreSQL turns an IN
    list into ``= ANY`` itself; measured, this about halves the time of these queries)."""
    if not postgres:
        return cast(ColumnElement[bool], column.in_(values))
    array = bindparam(None, values, type_=ARRAY(column.type), unique=True)
    return cast(ColumnElement[bool], column == any_(array))


def _since(earliest: dt.date | None) -> dt.date:
    return earliest or dt.date.min


def _movable(earliest: dt.date | None) -> ColumnElement[bool]:
    """Reports a change dated ``earliest`` may move: all but those of incidents that
    start more than a day before it. A report dated before that is in such an
    incident, or not merged yet (its own merge will cut from its date, later); the
    date bound lets the index on (type, anchor, date) skip a town's older reports."""
    if earliest is None or earliest <= dt.date.min + DATE_WINDOW:
        return true()
    since = earliest - DATE_WINDOW
    return and_(
        or_(col(Report.event_date).is_(None), col(Report.event_date) >= since),
        or_(
            col(Report.incident_id).is_(None),
            col(Incident.event_date).is_(None),
            col(Incident.event_date) >= since,
        ),
    )


def _chunks_in_order(items: list[Any]) -> Iterator[list[Any]]:
    for at in range(0, len(items), CHUNK):
        yield items[at : at + CHUNK]


def changes_of(rows: Iterable[tuple[Any, ...]]) -> Changes:
    """``Changes`` from (type, anchor, geonameid, place, country, event_date) rows."""
    changes: Changes = {}
    for *place, date in rows:
        key = key_of(*place)
        if key in changes:
            known = changes[key]
            changes[key] = None if known is None or date is None else min(known, date)
        else:
            changes[key] = date
    return changes


def earliest_changes(groups: Mapping[GroupKey, Sequence[Member]]) -> Changes:
    """:func:`changes_of` for reports already grouped (new ones, which all change):
    one pass over each group's dates instead of a key per report."""
    changes: Changes = {}
    for key, members in groups.items():
        dates = [member.event_date for member in members]
        changes[key] = None if None in dates else min(dates)  # type: ignore[type-var]
    return changes


def merge_groups(
    session: Session,
    changes: Changes,
    previous: Iterable[int] = (),
    incoming: Mapping[GroupKey, list[Member]] | None = None,
    assigned: dict[int, int] | None = None,
) -> set[int]:
    """Cut the groups of ``changes`` into incidents again, from a day before their
    earliest changed date, writing what changed; return the ids of their incidents,
    including those no longer needed (which are deleted).

    Existing incident rows are reused (a cluster keeps the smallest id any of its
    reports had), so ids stay put where they can. Claims waiting for an incident of
    their type at their place are linked to it. ``previous`` names incidents that
    may have lost all their reports (deleted ones); they are deleted if unused. An
    incident that keeps exactly the reports it had is not written (nor returned).
    ``incoming`` are reports not inserted yet (a bulk load, their ids drawn): they
    are cut with the stored ones, and ``assigned`` receives their incident ids, so
    they can be inserted already linked (after this call: their incidents exist).
    The session's objects are expired at the end: rows were written around the ORM."""
    previous = set(previous)
    if not changes and not previous:
        return set()
    session.flush()
    groups = _members(session, changes)
    for key, members in (incoming or {}).items():
        groups[key].extend(members)
    previous |= {m.incident_id for ms in groups.values() for m in ms if m.incident_id is not None}
    used: set[int] = set()
    updates: list[dict[str, Any]] = []
    creations: list[tuple[dict[str, Any], list[Member]]] = []
    links: list[dict[str, Any]] = []
    new = {m.id for members in (incoming or {}).values() for m in members}
    placed: dict[int, int] = {}  # new report id → its incident

    def relink(cluster: list[Member], incident_id: int) -> None:
        for m in cluster:
            if m.id in new:
                placed[m.id] = incident_id
            elif m.incident_id != incident_id:
                links.append({"_id": m.id, "incident": incident_id})

    kept: set[int] = set()
    for key in sorted(groups, key=_group_order):
        members = groups[key]
        linked = [m.incident_id for m in members if m.incident_id is not None]
        sizes: Mapping[int, int] = Counter(linked) if linked else {}
        for cluster in cut(members):
            reusable = sorted({m.incident_id for m in cluster if m.incident_id is not None} - used)
            if not reusable:
                creations.append((reconcile(cluster), cluster))
                continue
            target = reusable[0]
            used.add(target)
            if sizes[target] == len(cluster) and all(m.incident_id == target for m in cluster):
                kept.add(target)  # the same reports as before: its figures stand
                continue
            updates.append({"_id": target, **reconcile(cluster)})
            relink(cluster, target)
    table = Incident.__table__  # type: ignore[attr-defined]
    if updates:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("_id"))
            .values({name: bindparam(name) for name in updates[0] if name != "_id"}),
            updates,
        )
    created: list[int] = []
    if creations:
        created = _insert_incidents(session, [fields for fields, _ in creations])
        for incident_id, (_, cluster) in zip(created, creations, strict=True):
            relink(cluster, incident_id)
    if assigned is not None:
        assigned.update(placed)
    _link(session, Report, links)
    stale = previous - used
    for ids in _chunks(stale):
        session.execute(
            update(ClaimRecord)
            .where(col(ClaimRecord.incident_id).in_(ids))
            .values(incident_id=None)
        )
        session.execute(delete(Incident).where(col(Incident.id).in_(ids)))
    live = {row["_id"]: row for row in updates}
    live.update(zip(created, (fields for fields, _ in creations), strict=True))
    _adopt_claims(session, live)
    session.expire_all()
    return (set(live) | previous) - kept


def _insert_incidents(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert incident rows (each gets its ``id``); return their ids in order (drawn
    first: ordered RETURNING would make SQLite insert one row per statement)."""
    table = Incident.__table__  # type: ignore[attr-defined]
    ids = draw_ids(session, "incidents", len(rows))
    for row, incident_id in zip(rows, ids, strict=True):
        row["id"] = incident_id
    fast_insert(session, table, rows)
    return ids


def draw_ids(session: Session, table: str, n: int) -> list[int]:
    """``n`` new ids for rows of ``table`` to insert in this transaction: from its
    sequence on PostgreSQL; on SQLite, after the table's largest, once a write has
    taken the database's lock (no one else inserts until this transaction ends)."""
    if n == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        # The sequence is looked up once (a materialized CTE): called per row,
        # pg_get_serial_sequence and its cast cost two catalog lookups per id, seven
        # times what nextval itself costs.
        drawn = session.scalar(
            text(
                "WITH s AS MATERIALIZED ("
                "SELECT CAST(pg_get_serial_sequence(:table, 'id') AS regclass) AS seq) "
                "SELECT array_agg(nextval(s.seq)) FROM s, generate_series(1, :n)"
            ),
            {"table": table, "n": n},
        )
        return sorted(drawn or [])
    session.execute(text(f"UPDATE {table} SET id = id WHERE 0"))  # takes the write lock
    top = session.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0
    return list(range(int(top) + 1, int(top) + 1 + n))


def _adopt_claims(session: Session, incidents: dict[int, dict[str, Any]]) -> None:
    """Link claims stored before their incident existed (a comment read before the
    article that reports the event) to the lowest-id incident of their type and place
    among ``incidents`` (id → fields)."""
    if not incidents:
        return
    # Orphan claims are few (usually none): read them before indexing the incidents.
    orphans = session.execute(
        select(col(ClaimRecord.id), col(ClaimRecord.event_type), col(ClaimRecord.geonameid)).where(
            col(ClaimRecord.incident_id).is_(None), col(ClaimRecord.geonameid).is_not(None)
        )
    ).all()
    if not orphans:
        return
    targets: dict[tuple[str, int], int] = {}
    for incident_id, fields in sorted(incidents.items()):
        if fields["geonameid"] is not None:
            targets.setdefault((fields["type"], fields["geonameid"]), incident_id)
    links = [
        {"_id": claim_id, "incident": targets[(kind, geonameid)]}
        for claim_id, kind, geonameid in orphans
        if (kind, geonameid) in targets
    ]
    _link(session, ClaimRecord, links)


def _link(
    session: Session, model: type[Report] | type[ClaimRecord], links: list[dict[str, Any]]
) -> None:
    """Set ``incident_id`` of many rows, one executemany of ``{"_id", "incident"}``."""
    if not links:
        return
    table = model.__table__  # type: ignore[union-attr]
    session.execute(
        update(table)
        .where(table.c.id == bindparam("_id"))
        .values(incident_id=bindparam("incident")),
        links,
    )


def merge_pending(session: Session) -> set[int]:
    """Merge every group with a report not yet in an incident (a bulk load, or a run
    stopped between storing reports and merging them); return the incident ids."""
    rows = session.execute(
        select(
            col(Report.type),
            col(Report.anchor_geonameid),
            col(Report.geonameid),
            col(Report.place),
            col(Report.country),
            col(Report.event_date),
        )
        .where(col(Report.incident_id).is_(None))
        .distinct()
    )
    return merge_groups(session, changes_of(rows))
