"""Documents keep the countries their text is about (``countries``, ISO2 codes,
comma-separated), so that a comment arriving on a later run, or after a run stopped
between an article and its comments, is read in its article's context as it would
have been beside it. Documents stored before this revision have none.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 20:05:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op


revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('countries', sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('countries')
