"""ACLED geo_precision on reports and incidents (1 town, 2 near a town, 3 province or larger).

Rows stored before this revision get 1 or 3 from their precision (nearness was not kept).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 12:29:33.401915
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import incidents.store.types
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('geo_precision', sa.Integer(), nullable=True))

    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('geo_precision', sa.Integer(), nullable=True))

    for table in ("incidents", "reports"):
        op.execute(
            f"UPDATE {table} SET geo_precision = CASE "
            "WHEN precision IN ('district', 'city') THEN 1 "
            "WHEN precision IN ('region', 'country') THEN 3 END"
        )


def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_column('geo_precision')

    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_column('geo_precision')

