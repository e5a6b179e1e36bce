"""Reports and incidents lose their indexes on ``place_id``: nothing looks rows up
by place id, and places are never deleted (the only use such an index has for a
foreign key), while every bulk insert paid to maintain them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 16:55:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_place_id'))
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_place_id'))


def downgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_place_id'), ['place_id'], unique=False)
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_place_id'), ['place_id'], unique=False)
