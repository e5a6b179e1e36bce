"""Sources (outlets) and a status per document (extracted, or failed and kept for a retry).

Existing documents are extracted; their outlets become sources.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 13:32:22.880134
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

import incidents.store.types
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=256), nullable=False),
    sa.Column('first_seen', incidents.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('name', name=op.f('uq_sources_name'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False, server_default='extracted'))
        batch_op.add_column(sa.Column('error', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_documents_source_id'), ['source_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_documents_source_id_sources'), 'sources', ['source_id'], ['id'])

    op.execute(
        "INSERT INTO sources (name, first_seen) SELECT outlet, MIN(ingested_at) FROM documents "
        "WHERE outlet IS NOT NULL AND outlet <> '' GROUP BY outlet"
    )
    op.execute(
        "UPDATE documents SET source_id = "
        "(SELECT sources.id FROM sources WHERE sources.name = documents.outlet)"
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.alter_column('status', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_documents_source_id_sources'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_documents_source_id'))
        batch_op.drop_column('error')
        batch_op.drop_column('status')
        batch_op.drop_column('source_id')

    op.drop_table('sources')
