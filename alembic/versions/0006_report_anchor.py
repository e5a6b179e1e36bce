"""Reports carry the town their place belongs to (a district's city), which merging groups by.

Reports stored before keep it empty and are grouped by their own place, as before.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 13:19:18.308303
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import incidents.store.types
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.add_column(sa.Column('anchor_geonameid', sa.Integer(), nullable=True))
        batch_op.create_index('ix_reports_type_anchor_geonameid', ['type', 'anchor_geonameid'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index('ix_reports_type_anchor_geonameid')
        batch_op.drop_column('anchor_geonameid')

