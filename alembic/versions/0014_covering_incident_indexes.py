"""The incidents' date index carries type, country and casualties, and the (lat, lon)
index country too: ``/stats`` over 30 days of 100,000 incidents then reads the index
alone (11.9 ms for its three groupings before, 1.0 ms with one grouping read from
the covering index), and so do stats, counts and grid cells inside a box.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 20:15:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TALLIED = ['event_date', 'type', 'country', 'killed', 'injured']


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_event_date')
        batch_op.drop_index('ix_incidents_lat_lon')
        batch_op.create_index('ix_incidents_event_date', TALLIED, unique=False)
        batch_op.create_index('ix_incidents_lat_lon', ['lat', 'lon', *TALLIED], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index('ix_incidents_lat_lon')
        batch_op.drop_index('ix_incidents_event_date')
        batch_op.create_index(
            'ix_incidents_lat_lon',
            ['lat', 'lon', 'event_date', 'type', 'killed', 'injured'],
            unique=False,
        )
        batch_op.create_index('ix_incidents_event_date', ['event_date'], unique=False)
